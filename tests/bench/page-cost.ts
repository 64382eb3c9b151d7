// What the extension costs the pages it runs on: page scripting with and without it, and the
// longest stretch its scripts hold the page's main thread.
//
// "Without" is the same page, in the same browser, under a host name the content script does not
// match (fixtures.ts). A second browser launched without the extension would differ in more than
// the extension (its own browser process, profile and moment on the shared CPU); here the two
// arms share everything but the content script, and each pair of loads runs side by side, so a
// busy neighbour on the machine falls on both. The extension's background runs in its own
// process either way.

import type { CDPSession, Page } from 'puppeteer-core';
import { withTimeout } from '../e2e/harness/util';
import { type BenchBrowser, STEP_MS, sleep, withCdp } from './browser';
import {
  BUSY_HOSTS,
  BUSY_WARM_MS,
  type BusyKind,
  fixturePaths,
  WITH_HOST,
  WITHOUT_HOST,
} from './fixtures';
import { waitForPanel } from './panel-probe';
import { type Figure, figure, KB } from './report';
import type { BuiltFile } from './sizes';
import { median } from './stats';
import { type ExtensionIdentity, type TraceSummary, traceExtension } from './trace';

export interface PageCostOptions {
  /** How long the busy page keeps mutating. */
  busyMs: number;
  /** How long a quiet page is left loaded. */
  plainMs: number;
  /** Loads per arm (arms alternate), and traces per quiet page. */
  rounds: number;
}

/** Main-thread totals of a page, in ms. */
interface Totals {
  /** Wall time spent running script (ScriptDuration). */
  scriptMs: number;
  /** CPU time of the main thread (ThreadTime): everything it did, unaffected by preemption. */
  cpuMs: number;
}

interface LoadCost {
  /** From the page's navigation to its end. */
  whole: Totals;
  /** From the `warm` point to the end, past any one-off start-up cost. */
  steady: Totals | null;
}

type Settle = (page: Page) => Promise<void>;

/** Awaits one of the busy page's promises (fixtures.ts); its work is fixed, so allow it time. */
const busyPromise =
  (name: 'benchWarm' | 'benchDone', busyMs: number): Settle =>
  async (page) => {
    await withTimeout(page.evaluate(`window.${name}`), busyMs * 4 + STEP_MS, `busy page ${name}`);
  };

async function totals(cdp: CDPSession): Promise<Totals> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const read = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { scriptMs: read('ScriptDuration'), cpuMs: read('ThreadTime') };
}

/** Loads `url` in a fresh page and reads the page's main-thread totals along the way. */
async function loadCost(
  bench: BenchBrowser,
  url: string,
  done: Settle,
  warm?: Settle,
): Promise<LoadCost> {
  const page = await bench.newPage();
  try {
    return await withCdp(page, async (cdp) => {
      // The counters restart at the page's navigation (a new renderer), so they cover exactly
      // this load: parsing, the page's scripts, the content script, and what follows.
      await cdp.send('Performance.enable');
      await page.goto(url);
      let atWarm: Totals | null = null;
      if (warm) {
        await warm(page);
        atWarm = await totals(cdp);
      }
      await done(page);
      const whole = await totals(cdp);
      const steady = atWarm && {
        scriptMs: whole.scriptMs - atWarm.scriptMs,
        cpuMs: whole.cpuMs - atWarm.cpuMs,
      };
      return { whole, steady };
    });
  } finally {
    await page.close();
  }
}

type Arms = { with: LoadCost[]; without: LoadCost[] };

/**
 * Loads the page with and without the extension at the same time, in two windows, `rounds`
 * times. On a shared machine a neighbour's burst then slows both arms of a round alike, where
 * loads one after the other would each meet a different moment.
 */
async function compare(
  bench: BenchBrowser,
  path: string,
  rounds: number,
  done: Settle,
  warm?: Settle,
  withHost: string = WITH_HOST,
): Promise<Arms> {
  const result: Arms = { with: [], without: [] };
  for (let round = 0; round < rounds; round++) {
    const load = (host: string) => loadCost(bench, `https://${host}${path}`, done, warm);
    // Alternate which arm's window opens first.
    const withFirst = round % 2 === 0;
    const loads: [Promise<LoadCost>, Promise<LoadCost>] = withFirst
      ? [load(withHost), load(WITHOUT_HOST)]
      : [load(WITHOUT_HOST), load(withHost)];
    const [first, second] = await Promise.all(loads);
    result.with.push(withFirst ? first : second);
    result.without.push(withFirst ? second : first);
  }
  return result;
}

function ratioFigure(
  label: string,
  arms: Arms,
  pick: (load: LoadCost) => number,
  note: string,
  target?: number,
): Figure {
  const withMs = median(arms.with.map(pick));
  const withoutMs = median(arms.without.map(pick));
  const perRound = arms.with.map((load, i) => {
    const other = arms.without[i];
    return other ? pick(load) / pick(other) : Number.NaN;
  });
  return figure(
    'Page cost',
    label,
    withMs / withoutMs,
    '×',
    `median of ${arms.with.length}: ${withMs.toFixed(1)} ms with, ${withoutMs.toFixed(1)} ms ` +
      `without (${withMs - withoutMs >= 0 ? '+' : ''}${(withMs - withoutMs).toFixed(1)} ms); ` +
      `per-round ratios ${Math.min(...perRound).toFixed(3)}–${Math.max(...perRound).toFixed(3)}` +
      note,
    { target, samples: perRound },
  );
}

/**
 * The same ratio with "with" taken as "without" plus what the trace attributes to the
 * extension's scripts: a few milliseconds against a page's couple of hundred, which the
 * with/without loads' own spread (±10 % a round on a shared machine) can't resolve.
 */
function attributedFigure(label: string, arms: Arms, traces: TraceSummary[]): Figure {
  const withoutMs = median(arms.without.map((l) => l.whole.scriptMs));
  const trace = [...traces].sort((a, b) => a.extensionCpuMs - b.extensionCpuMs)[
    (traces.length - 1) >> 1
  ];
  if (!trace) throw new Error('No trace of the busy page');
  const extensionMs = trace.extensionCpuMs;
  return figure(
    'Page cost',
    label,
    (withoutMs + extensionMs) / withoutMs,
    '×',
    `${withoutMs.toFixed(1)} ms without, + ${extensionMs.toFixed(1)} ms of extension script ` +
      `(CPU, traced load; ${trace.tasks.length} tasks, the longest ${trace.tasks[0]?.what ?? '—'})`,
    { target: 1.02 },
  );
}

/**
 * The longest extension task of each traced load, in thread time (wall time on a shared machine
 * also counts other processes' turns); the median over loads is the figure.
 */
function longestTaskFigure(page: string, traces: TraceSummary[]): Figure {
  const longest = traces.map((trace) => {
    const task = trace.tasks[0];
    if (!task) throw new Error(`The trace of the ${page} shows no extension script at all`);
    return { task, trace };
  });
  const sorted = [...longest].sort((a, b) => a.task.extensionCpuMs - b.task.extensionCpuMs);
  const typical = sorted[(sorted.length - 1) >> 1];
  const worst = sorted[sorted.length - 1];
  if (!typical || !worst) throw new Error(`No trace of the ${page}`);
  const { task, trace } = typical;
  const ofLoads =
    traces.length > 1
      ? `median of ${traces.length} loads (max ${worst.task.extensionCpuMs.toFixed(1)} ms); `
      : '';
  return figure(
    'Page cost',
    `${page}: longest extension task (CPU)`,
    task.extensionCpuMs,
    'ms',
    `${ofLoads}${task.what}; wall ${task.extensionMs.toFixed(1)} ms, in a ` +
      `${task.taskMs.toFixed(1)} ms task; ${trace.tasks.length} tasks ran extension script, ` +
      `${trace.extensionCpuMs.toFixed(1)} ms CPU in all (trace)`,
    { target: 16, samples: longest.map((l) => l.task.extensionCpuMs) },
  );
}

async function traceLoads(
  bench: BenchBrowser,
  extension: ExtensionIdentity,
  path: string,
  settle: Settle,
  loads: number,
  host: string = WITH_HOST,
): Promise<TraceSummary[]> {
  const traces: TraceSummary[] = [];
  for (let i = 0; i < loads; i++) {
    const page = await bench.newPage();
    try {
      traces.push(
        await traceExtension(page, extension, host, async () => {
          await page.goto(`https://${host}${path}`);
          await settle(page);
        }),
      );
    } finally {
      await page.close();
    }
  }
  return traces;
}

export async function measurePageCost(
  bench: BenchBrowser,
  extension: ExtensionIdentity,
  files: BuiltFile[],
  options: PageCostOptions,
): Promise<Figure[]> {
  const { busyMs, plainMs, rounds } = options;
  const busyPath = fixturePaths.busy(busyMs);
  const busyDone = busyPromise('benchDone', busyMs);
  const quiet: Settle = () => sleep(plainMs);
  const panelOpen: Settle = async (page) => {
    await waitForPanel(page, true);
    // Let what the panel started (effects, the preview frame) finish inside the trace.
    await sleep(plainMs);
  };

  const busy = await compare(bench, busyPath, rounds, busyDone, busyPromise('benchWarm', busyMs));
  const plain = await compare(bench, fixturePaths.plain, rounds, quiet);
  // One long trace of the busy page; quiet pages are short, so a few, against a noisy CPU.
  const busyTrace = await traceLoads(bench, extension, busyPath, busyDone, 1);
  const plainTraces = await traceLoads(bench, extension, fixturePaths.plain, quiet, rounds);
  const taskTraces = await traceLoads(bench, extension, fixturePaths.task(101), panelOpen, rounds);

  // What a page with nothing to detect loads, as its traces show.
  const paths = [...new Set(plainTraces.flatMap((trace) => trace.scripts))].sort();
  const loadedGzip = paths.reduce((sum, path) => {
    const file = files.find((f) => f.path === path);
    if (!file) throw new Error(`The plain page ran ${path}, which is not in the build`);
    return sum + file.gzip;
  }, 0);

  const busyLabel = `busy page (${busyMs / 1000} s)`;
  const plainLabel = `plain page (${plainMs / 1000} s)`;
  const busyNote = '; ~10,000 elements, 300 mutations/s';
  return [
    figure(
      'Bundle',
      'content script on a page with nothing to detect (gzip)',
      loadedGzip / KB,
      'KB',
      `what the plain page's traces show evaluated: ${paths.join(', ') || 'nothing'}`,
      { target: 6 },
    ),
    ratioFigure(
      `${busyLabel}: scripting with ÷ without`,
      busy,
      (l) => l.whole.scriptMs,
      `${busyNote}; whole load`,
      1.02,
    ),
    attributedFigure(`${busyLabel}: scripting with ÷ without, by the trace`, busy, busyTrace),
    ratioFigure(
      `${busyLabel}: scripting after the first ${BUSY_WARM_MS / 1000} s`,
      busy,
      (l) => l.steady?.scriptMs ?? Number.NaN,
      '; steady state: what the extension costs while the page works, past its start-up',
    ),
    ratioFigure(
      `${busyLabel}: main-thread CPU with ÷ without`,
      busy,
      (l) => l.whole.cpuMs,
      '; ThreadTime: all main-thread work, in CPU time',
    ),
    ratioFigure(
      `${plainLabel}: scripting with ÷ without`,
      plain,
      (l) => l.whole.scriptMs,
      '; no target: on a near-idle page any one-off start-up cost is a large ratio',
    ),
    ratioFigure(
      `${plainLabel}: main-thread CPU with ÷ without`,
      plain,
      (l) => l.whole.cpuMs,
      '; ThreadTime',
    ),
    longestTaskFigure('busy page', busyTrace),
    longestTaskFigure('plain page', plainTraces),
    longestTaskFigure('task page, panel opening', taskTraces),
  ];
}

export interface BusyHostCost {
  kind: BusyKind;
  /** Page scripting with ÷ without (medians of the alternated loads). */
  ratio: number;
  /** Extension script CPU per second of page life, from the trace, ms. */
  extensionMsPerSecond: number;
}

/**
 * The busy page on each family of host whose content script observes the page (a mailbox, a
 * CRM), with ÷ without the extension, and the extension's own script time from a trace per
 * second of page life. `section` names whose figures they are (the extension's or the probe's);
 * targets apply to the extension's.
 */
export async function measureBusyHosts(
  bench: BenchBrowser,
  extension: ExtensionIdentity,
  kinds: BusyKind[],
  options: Pick<PageCostOptions, 'busyMs' | 'rounds'>,
  section: string,
  target?: number,
): Promise<{ figures: Figure[]; costs: BusyHostCost[] }> {
  const { busyMs, rounds } = options;
  const figures: Figure[] = [];
  const costs: BusyHostCost[] = [];
  for (const kind of kinds) {
    const { host, label } = BUSY_HOSTS[kind];
    const path = fixturePaths.busy(busyMs, kind);
    const done = busyPromise('benchDone', busyMs);
    const arms = await compare(bench, path, rounds, done, busyPromise('benchWarm', busyMs), host);
    // Page life: from the navigation to the busy page's end, by the page's own clock.
    let lifeSeconds = Number.NaN;
    const lived: Settle = async (page) => {
      await done(page);
      lifeSeconds = (await page.evaluate(() => performance.now())) / 1000;
    };
    const [trace] = await traceLoads(bench, extension, path, lived, 1, host);
    if (!trace) throw new Error(`No trace of the busy ${label}`);
    const name = `busy ${label} on ${host} (${busyMs / 1000} s)`;
    const ratio = ratioFigure(
      `${name}: scripting with ÷ without`,
      arms,
      (l) => l.whole.scriptMs,
      '; ~10,000 elements, ~150 mutations/s, nothing to detect; whole load',
      target,
    );
    const perSecond = trace.extensionCpuMs / lifeSeconds;
    const withoutMs = median(arms.without.map((l) => l.whole.scriptMs));
    figures.push(
      { ...ratio, section },
      figure(
        section,
        `${name}: scripting with ÷ without, by the trace`,
        (withoutMs + trace.extensionCpuMs) / withoutMs,
        '×',
        `${withoutMs.toFixed(1)} ms without, + ${trace.extensionCpuMs.toFixed(1)} ms of ` +
          "extension script (CPU, traced load): the same ratio, without the loads' own spread",
        target === undefined ? {} : { target },
      ),
      figure(
        section,
        `${name}: extension script per second of page life (trace)`,
        perSecond,
        'ms',
        `${trace.extensionCpuMs.toFixed(1)} ms CPU over ${lifeSeconds.toFixed(1)} s in ` +
          `${trace.tasks.length} tasks, the longest ${trace.tasks[0]?.extensionCpuMs.toFixed(1) ?? 0} ms ` +
          `(${trace.tasks[0]?.what ?? '—'})`,
      ),
    );
    costs.push({ kind, ratio: ratio.value ?? Number.NaN, extensionMsPerSecond: perSecond });
    if (target !== undefined) figures.push({ ...longestTaskFigure(name, [trace]), section });
  }
  return { figures, costs };
}
