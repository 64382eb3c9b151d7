// From the rep's click on "Execute via Reply" to the panel saying "Sent.", against a sandbox that
// answers at once, beside the floor: the same POST as a bare fetch from the page. The difference
// is what the extension adds (messaging, the execution record, validation, rendering).

import type { Page } from 'puppeteer-core';
import { SANDBOX_API_KEY, type Sandbox } from '../sandbox/server';
import type { PageSource } from './browser';
import type { Pacer } from './pacing';
import { executeViaPanel } from './panel-probe';
import { type Figure, figure } from './report';
import { median, percentile } from './stats';

/** The sandbox's queue of New manual email and SMS tasks. */
const FIRST_TASK = 201;
const QUEUE_LENGTH = 30;

function bareFetch(page: Page, taskId: number): Promise<number> {
  return page.evaluate(
    async (id, key) => {
      const start = performance.now();
      const response = await fetch(`https://api.reply.io/v3/tasks/${id}/execute`, {
        method: 'POST',
        headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
        body: '{}',
      });
      await response.json();
      const ms = performance.now() - start;
      if (!response.ok) throw new Error(`bare execute of task ${id} answered ${response.status}`);
      return ms;
    },
    taskId,
    SANDBOX_API_KEY,
  );
}

/**
 * `executions` (even, at most 30) tasks are each executed once through the panel and once by
 * bare fetch: in the first half the panel takes the first tasks and fetch the others, then the
 * sandbox is reset (tasks New again) and they swap, alternating one of each all along.
 */
export async function measureClickToStatus(
  bench: PageSource,
  sandbox: Sandbox,
  pacer: Pacer,
  executions: number,
): Promise<Figure[]> {
  const half = Math.min(QUEUE_LENGTH, executions) >> 1;
  const ids = Array.from({ length: half * 2 }, (_, i) => FIRST_TASK + i);
  const [first, second] = [ids.slice(0, half), ids.slice(half)];
  const panelMs: number[] = [];
  const fetchMs: number[] = [];
  const page = await bench.newPage();
  try {
    await page.goto('https://run.reply.io/');
    for (const [panelTasks, fetchTasks] of [
      [first, second],
      [second, first],
    ] as const) {
      pacer.resetSandbox();
      for (let i = 0; i < half; i++) {
        await pacer.makeRoom();
        panelMs.push(await executeViaPanel(page, sandbox, panelTasks[i] as number));
        fetchMs.push(await bareFetch(page, fetchTasks[i] as number));
      }
    }
  } finally {
    await page.close();
  }
  const panel = median(panelMs);
  const floor = median(fetchMs);
  return [
    figure(
      'Click to status',
      'click → "Sent." (median)',
      panel,
      'ms',
      `p95 ${percentile(panelMs, 0.95).toFixed(1)} ms over ${panelMs.length} executions`,
      { samples: panelMs },
    ),
    figure(
      'Click to status',
      'bare fetch of the same POST from the page (median)',
      floor,
      'ms',
      `p95 ${percentile(fetchMs, 0.95).toFixed(1)} ms over ${fetchMs.length}; the first one ` +
        'also pays a CORS preflight',
      { samples: fetchMs },
    ),
    figure(
      'Click to status',
      'extension overhead over the bare fetch',
      panel - floor,
      'ms',
      'difference of the medians',
      { target: 20 },
    ),
  ];
}
