// Bulk pacing: "send all" over a due list of many tasks, against a sandbox that enforces Reply's
// limits with windows a tenth as long (100 per 6 s, 3,000 per 6 min), driven by a bench build
// of the extension whose limiter runs on the same scale (`wxt build --mode bench`; see
// utils/reply/rate-limit.ts). The run is started from the popup, as a rep starts it.

import { REPLY_RATE_LIMIT } from '../sandbox/ratelimit';
import { type RecordedRequest, startSandbox } from '../sandbox/server';
import { connectKey, launchBenchBrowser, STEP_MS } from './browser';
import { type Figure, figure } from './report';

/** The bench build's scale; both sides must agree. */
const WINDOW_SCALE = 0.1;
const WINDOW_MS = 60_000 * WINDOW_SCALE;

const isExecute = (r: RecordedRequest) => r.method === 'POST' && /\/execute$/.test(r.path);

export async function measureBulkPacing(extensionDir: string, tasks: number): Promise<Figure[]> {
  const sandbox = await startSandbox({
    rateLimit: { ...REPLY_RATE_LIMIT, windowScale: WINDOW_SCALE },
    queueSize: tasks,
  });
  try {
    const bench = await launchBenchBrowser({
      extensionDir,
      sandboxPort: sandbox.port,
      fixtureHosts: {},
    });
    try {
      await connectKey(bench);
      const popup = await bench.newPage();
      await popup.goto(`chrome-extension://${bench.extensionId}/popup.html`);
      const heading = await popup.waitForFunction(
        () =>
          /Due today \((\d+)\)/.exec(
            document.querySelector('#evr-due-title')?.textContent ?? '',
          )?.[1],
      );
      const due = Number(await heading.jsonValue());
      const before = sandbox.requests.length;
      await popup.locator('button.evr-send-all').click();
      await popup.locator('button.evr-send-all-confirm').click();
      // About two calls per task at 95 per (scaled) minute, plus slack.
      const expectedMs = ((2 * due) / 95) * WINDOW_MS;
      await popup.waitForFunction(
        () => document.querySelector('.evr-bulk [role="status"]')?.textContent?.includes('Left 0 '),
        { timeout: expectedMs * 2 + STEP_MS, polling: 200 },
      );

      const calls = sandbox.requests.slice(before).filter((r) => r.status !== undefined);
      const executes = calls.filter(isExecute);
      const first = calls[0]?.at ?? 0;
      const last = executes.at(-1)?.at ?? first;
      // Calls per window over the run, against the 100 Reply allows: the first call opens it.
      const rate = ((calls.filter((c) => c.at <= last).length - 1) * WINDOW_MS) / (last - first);
      const rejected = calls.filter((c) => c.status === 429).length;
      const perTask = new Map<number, number>();
      for (const { taskId } of sandbox.sent) perTask.set(taskId, (perTask.get(taskId) ?? 0) + 1);
      const duplicates = [...perTask.values()].filter((n) => n > 1).length;
      const detail = `${due} due tasks, ${sandbox.sent.length} sent, ${calls.length} calls in ${((last - first) / 1000).toFixed(1)} s; windows scaled to ${WINDOW_MS / 1000} s`;
      return [
        figure(
          'Bulk pacing',
          'achieved ÷ allowed rate',
          rate / REPLY_RATE_LIMIT.perMinute,
          '×',
          detail,
          {
            target: 0.9,
            atLeast: true,
          },
        ),
        figure(
          'Bulk pacing',
          '429s after the first',
          Math.max(0, rejected - 1),
          'count',
          `${rejected} in all`,
          { target: 0 },
        ),
        figure(
          'Bulk pacing',
          'tasks sent twice',
          duplicates,
          'count',
          'from what the sandbox sent',
          {
            target: 0,
          },
        ),
      ];
    } finally {
      await bench.close();
    }
  } finally {
    await sandbox.close();
  }
}
