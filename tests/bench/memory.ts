// Memory: what the extension adds to a page's JS heap (the content script's isolated world
// shares the page's V8 heap), and whether the background's heap grows with use.

import type { Page, Target } from 'puppeteer-core';
import type { Sandbox } from '../sandbox/server';
import { type BenchBrowser, collectGarbage, sleep, withCdp } from './browser';
import { fixturePaths, WITH_HOST, WITHOUT_HOST } from './fixtures';
import type { Pacer } from './pacing';
import { executeViaPanel, waitForPanel } from './panel-probe';
import { type Figure, figure, KB, MB } from './report';
import { median } from './stats';

/** Pause after a page settles, so timers and effects it started have run before the reading. */
const SETTLE_MS = 500;

async function pageHeap(
  bench: BenchBrowser,
  url: string,
  settle: (page: Page) => Promise<void>,
): Promise<number> {
  const page = await bench.newPage();
  try {
    return await withCdp(page, async (cdp) => {
      await cdp.send('Performance.enable');
      await page.goto(url);
      await settle(page);
      await sleep(SETTLE_MS);
      await collectGarbage(cdp);
      const { metrics } = await cdp.send('Performance.getMetrics');
      const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
      if (heap === undefined) throw new Error('Performance.getMetrics gave no JSHeapUsedSize');
      return heap;
    });
  } finally {
    await page.close();
  }
}

/** Page heap with the extension minus without, on a quiet page and with the panel open. */
export async function measurePageMemory(bench: BenchBrowser, rounds: number): Promise<Figure[]> {
  const cases = [
    {
      label: 'plain page: JS heap with − without',
      path: fixturePaths.plain,
      waitWith: async () => undefined,
      target: 0.5,
    },
    {
      label: 'task page, panel open: JS heap with − without',
      path: fixturePaths.task(101),
      waitWith: (page: Page) => waitForPanel(page, true),
      target: 3,
    },
  ];
  const figures: Figure[] = [];
  for (const { label, path, waitWith, target } of cases) {
    const withBytes: number[] = [];
    const withoutBytes: number[] = [];
    for (let round = 0; round < rounds; round++) {
      // A heap reading after GC does not depend on timing, so the arms load side by side.
      const [withHeap, withoutHeap] = await Promise.all([
        pageHeap(bench, `https://${WITH_HOST}${path}`, waitWith),
        pageHeap(bench, `https://${WITHOUT_HOST}${path}`, async () => undefined),
      ]);
      withBytes.push(withHeap);
      withoutBytes.push(withoutHeap);
    }
    const withMb = median(withBytes) / MB;
    const withoutMb = median(withoutBytes) / MB;
    figures.push(
      figure(
        'Memory',
        label,
        withMb - withoutMb,
        'MB',
        `median of ${rounds} after GC: ${withMb.toFixed(2)} MB with, ${withoutMb.toFixed(2)} MB ` +
          'without (Performance.getMetrics JSHeapUsedSize)',
        { target },
      ),
    );
  }
  return figures;
}

/** How often, in executions, the background's heap is read. */
const CHECKPOINT_EVERY = 10;
/** Queue tasks the sandbox holds (201–230); past them it is reset and they are New again. */
const FIRST_TASK = 201;
const QUEUE_LENGTH = 30;
/**
 * Heap growth allowed over the executions after warm-up. What the background may keep per
 * execution in memory is bounded history: execution records live in storage.session (capped at
 * 500), and the rate limiter keeps an hour of call times (≤ 2,900 numbers, ~23 KB). What is left
 * is the collector's noise between two readings.
 */
const GROWTH_ALLOWANCE_KB = 64;

/** The background service worker's heap, over one DevTools session on the worker. */
export interface BackgroundHeap {
  /** JS heap in use after forced GCs, in bytes. */
  read(): Promise<number>;
  /** Forgets the extension's execution records (storage.session), as a browser restart does. */
  forgetExecutions(): Promise<void>;
  /** Readings compare only within one worker's life. */
  restarted(): boolean;
}

export async function withBackgroundHeap<T>(
  bench: BenchBrowser,
  work: (heap: BackgroundHeap) => Promise<T>,
): Promise<T> {
  const worker = await bench.serviceWorker();
  let restarted = false;
  const onDestroyed = (target: Target) => {
    if (target === worker) restarted = true;
  };
  bench.browser.on('targetdestroyed', onDestroyed);
  try {
    return await withCdp(worker, (cdp) =>
      work({
        async read() {
          await collectGarbage(cdp);
          return (await cdp.send('Runtime.getHeapUsage')).usedSize;
        },
        async forgetExecutions() {
          await cdp.send('Runtime.evaluate', {
            expression: 'chrome.storage.session.clear()',
            awaitPromise: true,
          });
        },
        restarted: () => restarted,
      }),
    );
  } finally {
    bench.browser.off('targetdestroyed', onDestroyed);
  }
}

/**
 * Whether the background's heap grows with use: executions from the panel (each a real POST)
 * from `done` (already made in this browser, e.g. by "click to status") up to `total`, with the
 * heap read after forced GCs every CHECKPOINT_EVERY. Growth counts from the first reading here,
 * once code paths are warm.
 */
export async function measureHeapGrowth(
  bench: BenchBrowser,
  sandbox: Sandbox,
  pacer: Pacer,
  heap: BackgroundHeap,
  executions: { idleHeap: number; done: number; total: number },
): Promise<Figure[]> {
  const { idleHeap, done, total } = executions;
  const page = await bench.newPage();
  try {
    await page.goto('https://run.reply.io/');
    const warm = await heap.read();
    const checkpoints: number[] = [];
    for (let i = 0; done + i < total; i++) {
      if (i % QUEUE_LENGTH === 0) {
        // Tasks New again in the sandbox, and the extension's memory of having sent them gone
        // (as after a browser restart), so every execution is a real POST.
        pacer.resetSandbox();
        await heap.forgetExecutions();
      }
      await pacer.makeRoom();
      await executeViaPanel(page, sandbox, FIRST_TASK + (i % QUEUE_LENGTH));
      const count = done + i + 1;
      if (count % CHECKPOINT_EVERY === 0 || count === total) checkpoints.push(await heap.read());
    }
    if (heap.restarted()) throw new Error('The service worker restarted during the executions');
    const last = checkpoints[checkpoints.length - 1] ?? warm;
    return [
      figure('Memory', 'background heap, idle', idleHeap / MB, 'MB', 'after GC, key connected'),
      figure(
        'Memory',
        `background heap growth over executions ${done}→${total}`,
        (last - warm) / KB,
        'KB',
        `${(warm / MB).toFixed(2)} MB after ${done}, ${(last / MB).toFixed(2)} MB after ${total} ` +
          `(${((warm - idleHeap) / KB).toFixed(0)} KB warm-up from idle); allowance is bounded ` +
          'history plus GC noise',
        { target: GROWTH_ALLOWANCE_KB, samples: [warm, ...checkpoints].map((b) => b / KB) },
      ),
    ];
  } finally {
    await page.close();
  }
}
