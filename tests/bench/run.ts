/**
 * `npm run bench`: the production build measured in real headless Chromium against the Reply
 * sandbox, and what can be timed in the page in Firefox ESR too (firefox.ts). Prints a table and
 * writes `.output/bench.json`. `--quick` runs few iterations (for the test command); the default
 * is the full run. Every figure is a ratio or a comparison measured
 * in this run, since the machine's speed is not ours to know. Exits 0 whether or not targets
 * are met; non-zero only when something could not be measured.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startSandbox } from '../sandbox/server';
import { type BenchBrowser, connectKey, launchBenchBrowser, sleep } from './browser';
import { measureBulkPacing } from './bulk-pacing';
import { measureClickToStatus } from './click-status';
import { type BenchFirefox, connectKeyInFirefox, launchBenchFirefox } from './firefox';
import { BUSY_HOSTS, type BusyKind, startFixtureServer, WITH_HOST, WITHOUT_HOST } from './fixtures';
import { measureHeapGrowth, measurePageMemory, withBackgroundHeap } from './memory';
import { createPacer, type Pacer } from './pacing';
import { measureBusyHosts, measurePageCost } from './page-cost';
import { measureTimeToPanel } from './panel-timing';
import { buildProbe, PROBE_NAME } from './probe';
import { type Figure, figure, KB, renderTable, writeJson } from './report';
import { type BuiltFile, type LibrarySize, measureBundle } from './sizes';

const BUILD = resolve('.output/chrome-mv3');
/** The same code with Reply's rate windows at a tenth (`npm run build:bench`), for bulk pacing. */
const BENCH_BUILD = resolve('.output/chrome-mv3-bench');
const FIREFOX_BUILD = resolve('.output/firefox-mv3');
/** The section of the plain-JS probe's own figures (probe.ts), measured the same way. */
const PROBE = 'Probe (plain JS)';
/** Before the sections and labels of figures taken in Firefox; the others are Chromium's. */
const FIREFOX = 'Firefox: ';
/** The table's order; parts are measured in the order that suits the browsers. */
const SECTIONS = [
  'Against the probe',
  'Bundle',
  'Page cost',
  'Memory',
  'Time to panel',
  'Click to status',
  'Bulk pacing',
  `${FIREFOX}Time to panel`,
  `${FIREFOX}Click to status`,
  PROBE,
  `${FIREFOX}${PROBE}`,
];
const OUTPUT = resolve('.output/bench.json');
/**
 * The sandbox's rate limit: the bare fetches in "click to status" use the demo user's quota too,
 * and the sandbox must not refuse them. The extension still paces itself with its own limiter
 * (95 a minute).
 */
const UNLIMITED = { perMinute: 1_000_000, perHour: 1_000_000 };

const MODES = {
  quick: {
    busyMs: 3_000,
    plainMs: 1_000,
    rounds: 3,
    /** The busy mail and CRM pages: how long each load works, loads per arm, the probe's. */
    busyHosts: { busyMs: 2_000, rounds: 3, probe: ['mail'] as BusyKind[] },
    navigations: 10,
    clickExecutions: 10,
    backgroundExecutions: 20,
    bulkTasks: 60,
  },
  full: {
    busyMs: 10_000,
    plainMs: 3_000,
    rounds: 3,
    busyHosts: { busyMs: 5_000, rounds: 3, probe: ['mail', 'crm'] as BusyKind[] },
    navigations: 50,
    clickExecutions: 30,
    backgroundExecutions: 100,
    bulkTasks: 200,
  },
};

/** The probe's figures: the same measures, its own section, no targets of their own. */
const asProbe = (figures: Figure[], section = PROBE): Figure[] =>
  figures.map((f) => ({ ...f, section, target: undefined, verdict: '' }));

/** Figures taken in Firefox, in sections of their own. */
const inFirefoxSections = (figures: Figure[]): Figure[] =>
  figures.map((f) => ({ ...f, section: `${FIREFOX}${f.section}` }));

function figureValue(figures: Figure[], section: string, label: string): number {
  const found = figures.find((f) => f.section === section && f.label === label);
  if (found?.value === null || found?.value === undefined) {
    throw new Error(`bench: no figure "${label}" in ${section}`);
  }
  return found.value;
}

const CLICK = 'click → "Sent." (median)';
const FETCH = 'bare fetch of the same POST from the page (median)';
const PANEL = 'click → panel with its task loaded (median)';

/**
 * The figures timed in the page, as ratios to the probe's in the same browser: Chromium's
 * sections (`prefix` empty) or Firefox's (`prefix` FIREFOX, before the rows' names too).
 */
function inPageRatios(figures: Figure[], prefix: string, click: string): Figure[] {
  const ours = (section: string, label: string) =>
    figureValue(figures, `${prefix}${section}`, label);
  const probe = (label: string) => figureValue(figures, `${prefix}${PROBE}`, label);
  const overhead = ours('Click to status', CLICK) - ours('Click to status', FETCH);
  const probeOverhead = probe(CLICK) - probe(FETCH);
  const panel = ours('Time to panel', PANEL);
  return [
    figure(
      'Against the probe',
      `${prefix}click → status overhead over the bare fetch, ÷ the probe's`,
      overhead / probeOverhead,
      '×',
      `${overhead.toFixed(1)} ms ÷ ${probeOverhead.toFixed(1)} ms (${click}'s event time → ` +
        'first frame with "Sent." painted, less the bare fetch in the same browser)',
      { target: 1 },
    ),
    figure(
      'Against the probe',
      `${prefix}time to panel, ÷ the probe's`,
      panel / probe(PANEL),
      '×',
      `${panel.toFixed(1)} ms ÷ ${probe(PANEL).toFixed(1)} ms (in-app navigation → first frame ` +
        "with the task's facts)",
      { target: 1 },
    ),
  ];
}

/** The extension's figures as ratios to the probe's, the targets beside them. */
function againstProbe(figures: Figure[]): Figure[] {
  const ours = (section: string, label: string) => figureValue(figures, section, label);
  const probe = (label: string) => figureValue(figures, PROBE, label);
  const HEAP = 'task page, panel open: JS heap with − without';
  const HEAP_IDLE = 'plain page: JS heap with − without';
  const rows: Figure[] = [
    ...inPageRatios(figures, '', 'mouse click'),
    ...inPageRatios(figures, FIREFOX, 'WebDriver BiDi pointer click'),
    figure(
      'Against the probe',
      "page heap added on a page with nothing to show, ÷ the probe's",
      ours('Memory', HEAP_IDLE) / probe(HEAP_IDLE),
      '×',
      `${(ours('Memory', HEAP_IDLE) * 1024).toFixed(0)} KB ÷ ` +
        `${(probe(HEAP_IDLE) * 1024).toFixed(0)} KB (the page a rep keeps open all day)`,
      { target: 1 },
    ),
    figure(
      'Against the probe',
      "page heap added with the panel open, ÷ the probe's",
      ours('Memory', HEAP) / probe(HEAP),
      '×',
      `${(ours('Memory', HEAP) * 1024).toFixed(0)} KB ÷ ${(probe(HEAP) * 1024).toFixed(0)} KB ` +
        '(Preact, Zustand and the views against a few DOM nodes)',
    ),
  ];
  for (const f of figures.filter((x) => x.section === 'Page cost' && x.label.startsWith('busy '))) {
    if (!f.label.includes('scripting with ÷ without') || f.value === null) continue;
    const probeFigure = figures.find((p) => p.section === PROBE && p.label === f.label);
    if (!probeFigure || probeFigure.value === null) continue;
    rows.push(
      figure(
        'Against the probe',
        f.label,
        f.value,
        '×',
        `the probe's ${probeFigure.value.toFixed(3)}× beside it`,
        { target: 1.1 },
      ),
    );
  }
  return rows;
}

/**
 * Time to panel and click → status in Firefox, the extension's production build and then the
 * probe, each in a browser of its own, against a sandbox of their own on port 443 (Firefox keeps
 * the URL's port when it maps the Reply hosts to 127.0.0.1).
 */
async function measureInFirefox(
  mode: (typeof MODES)[keyof typeof MODES],
  progress: (what: string) => void,
): Promise<Figure[]> {
  const sandbox = await startSandbox({ port: 443, rateLimit: UNLIMITED });
  try {
    const inFirefox = async (
      what: string,
      extensionDir: string,
      work: (bench: BenchFirefox, pacer: Pacer) => Promise<Figure[]>,
    ) => {
      progress(what);
      const bench = await launchBenchFirefox(extensionDir);
      try {
        const pacer = createPacer(sandbox);
        if (extensionDir === FIREFOX_BUILD) await connectKeyInFirefox(bench);
        return await work(bench, pacer);
      } finally {
        await bench.close();
      }
    };
    const measure = async (bench: BenchFirefox, pacer: Pacer) => [
      ...(await measureTimeToPanel(bench, pacer, mode.navigations)),
      ...(await measureClickToStatus(bench, sandbox, pacer, mode.clickExecutions)),
    ];
    return [
      ...inFirefoxSections(
        await inFirefox('Firefox: time to panel, click to status', FIREFOX_BUILD, measure),
      ),
      ...asProbe(
        await inFirefox('Firefox: the plain-JS probe, the same', buildProbe(), measure),
        `${FIREFOX}${PROBE}`,
      ),
    ];
  } finally {
    await sandbox.close();
  }
}

function bundleFigures(files: BuiltFile[], libraries: LibrarySize[]): Figure[] {
  const own = (name: string) => libraries.find((l) => l.name === name)?.gzip ?? 0;
  return [
    ...files.map((file) => {
      const contains = file.contains.map((name) => `${name} ${(own(name) / KB).toFixed(1)} KB`);
      return figure(
        'Bundle',
        `${file.path} (gzip)`,
        file.gzip / KB,
        'KB',
        `${file.role}; ${(file.bytes / KB).toFixed(1)} KB raw` +
          (contains.length ? `; contains ${contains.join(', ')} (gzip on their own)` : ''),
      );
    }),
    ...libraries.map((library) => {
      const inFiles = files.filter((f) => f.contains.includes(library.name)).map((f) => f.path);
      return figure(
        'Bundle',
        `${library.name} on its own (gzip)`,
        library.gzip / KB,
        'KB',
        `published ESM files; in ${inFiles.join(', ') || 'no built file'}`,
      );
    }),
  ];
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const mode = quick ? MODES.quick : MODES.full;
  const manifestPath = join(BUILD, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`No build at ${BUILD}: run "npm run build" first.`);
  if (!existsSync(join(BENCH_BUILD, 'manifest.json')))
    throw new Error(`No build at ${BENCH_BUILD}: run "npm run build:bench" first.`);
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json')))
    throw new Error(`No build at ${FIREFOX_BUILD}: run "npm run build:firefox" first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name: string };
  // Chromium names a content script's isolated world after the extension.
  const extension = { worldName: manifest.name };
  const startedAt = Date.now();
  const progress = (what: string) =>
    console.error(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0)} s] ${what}`);

  const { files, libraries } = measureBundle(BUILD);
  const figures: Figure[] = bundleFigures(files, libraries);

  const sandbox = await startSandbox({ rateLimit: UNLIMITED });
  try {
    const fixtures = await startFixtureServer();
    try {
      const fixtureHosts = {
        [WITH_HOST]: fixtures.port,
        [WITHOUT_HOST]: fixtures.port,
        [BUSY_HOSTS.mail.host]: fixtures.port,
        [BUSY_HOSTS.crm.host]: fixtures.port,
      };
      const busyOptions = mode.busyHosts;
      // A browser per part, so each starts with a fresh background (heap, rate limiter). Its
      // pacer counts the extension's calls from the start, connecting the key included.
      const inBrowser = async (
        what: string,
        work: (bench: BenchBrowser, pacer: Pacer) => Promise<Figure[]>,
        extensionDir = BUILD,
      ) => {
        progress(what);
        const bench = await launchBenchBrowser({
          extensionDir,
          sandboxPort: sandbox.port,
          fixtureHosts,
        });
        try {
          const pacer = createPacer(sandbox);
          if (extensionDir === BUILD) await connectKey(bench);
          figures.push(...(await work(bench, pacer)));
        } finally {
          await bench.close();
        }
      };
      await inBrowser('page cost, page memory, time to panel', async (bench, pacer) => [
        ...(await measurePageCost(bench, extension, files, mode)),
        ...(
          await measureBusyHosts(bench, extension, ['mail', 'crm'], busyOptions, 'Page cost', 1.1)
        ).figures,
        ...(await measurePageMemory(bench, mode.rounds)),
        ...(await measureTimeToPanel(bench, pacer, mode.navigations)),
      ]);
      // The plain-JS probe (probe.ts), measured the same way in browsers of its own: its
      // clicks, like the extension's, in a fresh one, not after the other parts' navigations.
      const probe = { worldName: PROBE_NAME };
      const probeBuild = buildProbe();
      await inBrowser(
        'the plain-JS probe: busy pages, memory, time to panel',
        async (bench, pacer) =>
          asProbe([
            ...(await measureBusyHosts(bench, probe, busyOptions.probe, busyOptions, PROBE))
              .figures,
            ...(await measurePageMemory(bench, mode.rounds)),
            ...(await measureTimeToPanel(bench, pacer, mode.navigations)),
          ]),
        probeBuild,
      );
      await inBrowser(
        'the plain-JS probe: click to status',
        async (bench, pacer) =>
          asProbe(await measureClickToStatus(bench, sandbox, pacer, mode.clickExecutions)),
        probeBuild,
      );
      // One browser: the executions timed for "click to status" are the first of those the
      // background's heap is watched over (the extension's rate limit makes each one count).
      await inBrowser('click to status, background heap', (bench, pacer) =>
        withBackgroundHeap(bench, async (heap) => {
          // Let what connecting started (the popup's own calls) finish first.
          await sleep(1_000);
          const idleHeap = await heap.read();
          const click = await measureClickToStatus(bench, sandbox, pacer, mode.clickExecutions);
          const growth = await measureHeapGrowth(bench, sandbox, pacer, heap, {
            idleHeap,
            done: mode.clickExecutions,
            total: mode.backgroundExecutions,
          });
          return [...click, ...growth];
        }),
      );
    } finally {
      await fixtures.close();
    }
  } finally {
    await sandbox.close();
  }
  figures.push(...(await measureInFirefox(mode, progress)));
  progress(`bulk pacing (${mode.bulkTasks} tasks)`);
  figures.push(...(await measureBulkPacing(BENCH_BUILD, mode.bulkTasks)));

  const seconds = (Date.now() - startedAt) / 1000;
  progress('done');
  figures.push(...againstProbe(figures));
  figures.sort((a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section));
  console.log(renderTable(figures));
  console.log(`\n${quick ? 'Quick' : 'Full'} run in ${seconds.toFixed(0)} s; written to ${OUTPUT}`);
  writeJson(OUTPUT, {
    mode: quick ? 'quick' : 'full',
    finishedAt: new Date().toISOString(),
    seconds,
    build: BUILD,
    settings: mode,
    figures,
    bundle: { files, libraries },
  });
}

main().catch((error: unknown) => {
  console.error('bench: could not measure:', error);
  process.exitCode = 1;
});
