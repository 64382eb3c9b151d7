import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../sandbox/server';
import { type BrowserName, type BrowserUnderTest, connectKey, startScenario } from './support';

/**
 * Clearing the day's due list through "send all as they are", with Reply's rate limit hit
 * midway: every task goes out at most once, tasks with unresolved placeholders are skipped,
 * and the history matches what Reply (the sandbox) received.
 */
describe.each(['chromium', 'firefox'] as const)('%s: send the rest', (name: BrowserName) => {
  let sandbox: Sandbox;
  let browser: BrowserUnderTest;

  beforeAll(async () => {
    ({ sandbox, browser } = await startScenario(name));
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('sends every due task once through a 429, and the history matches', async () => {
    const popup = await connectKey(browser);
    const heading = await popup.waitForText('#evr-due-title', 'Due today (');
    const due = Number(/\((\d+)\)/.exec(heading)?.[1]);
    expect(due).toBeGreaterThan(8);

    await popup.click('button.evr-send-all');
    await popup.click('button.evr-send-all-confirm');
    // Reply's limit, midway through the run.
    while (sandbox.sent.length < 3) await new Promise((r) => setTimeout(r, 50));
    sandbox.inject(
      { method: 'POST', path: /\/execute$/ },
      { kind: 'status', status: 429, retryAfter: '2' },
    );

    const status = await popup.waitForText('.evr-bulk [role="status"]', 'Left 0 ', 60_000);
    const count = (label: string) => Number(new RegExp(`${label} (\\d+)`).exec(status)?.[1]);
    expect(count('Sent') + count('Failed') + count('Skipped')).toBe(due);
    expect(count('Skipped')).toBeGreaterThan(0); // the {{calendarLink}} ones

    const perTask = new Map<number, number>();
    for (const { taskId } of sandbox.sent) perTask.set(taskId, (perTask.get(taskId) ?? 0) + 1);
    expect([...perTask.values()].every((n) => n === 1)).toBe(true);
    expect(sandbox.sent).toHaveLength(count('Sent') + count('Failed'));
    expect(
      sandbox
        .apiRequests({ pathPattern: /\/execute$/ })
        .filter((r) => r.headers['x-api-key'] || r.headers.authorization),
    ).toHaveLength(sandbox.sent.length + 1); // + the one refused with 429

    const history = await popup.text('.evr-history summary');
    expect(history).toBe(`History (${due})`);
    await popup.close();
  }, 90_000);
});
