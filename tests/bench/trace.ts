// Which main-thread tasks of a page ran the extension's scripts, and for how long, from a
// Chromium trace. Two kinds of evidence, because neither sees everything:
// - trace events that name the extension: a script evaluated or compiled from a
//   chrome-extension:// URL, a call into the extension's isolated world (v8.callFunction
//   carries the world's name, and covers the microtasks that call runs);
// - CPU profile samples whose stack holds a chrome-extension:// frame, which also catch promise
//   continuations run from a bare microtask checkpoint, where no event names the world.
// Durations are given as thread (CPU) time too: on a shared machine the wall time of a task
// includes the moments other processes had the core, which is not the extension's doing.

import type { Page } from 'puppeteer-core';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'disabled-by-default-v8.cpu_profiler',
];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, in µs. */
  tdur?: number;
  id?: string;
  args?: {
    name?: string;
    fileName?: string;
    worldName?: string;
    data?: {
      url?: string;
      frames?: { url?: string; processId?: number }[];
      processId?: number;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string };
}

/** One main-thread task in which the extension's scripts ran. */
export interface ExtensionTask {
  /** Wall time the extension's scripts took in this task (events and samples, counted once). */
  extensionMs: number;
  /** The same in thread time: the task's CPU share of its wall time, applied to extensionMs. */
  extensionCpuMs: number;
  /** The whole task's wall time, including the page's own work and rendering in it. */
  taskMs: number;
  /** The first thing that named the extension in the task, e.g. "EvaluateScript reply.js". */
  what: string;
}

export interface TraceSummary {
  /** Longest first, by thread time. */
  tasks: ExtensionTask[];
  /** Extension script time over the whole trace, wall and thread time. */
  extensionMs: number;
  extensionCpuMs: number;
  /** Extension files the page evaluated, as paths inside the build, e.g. `content-scripts/x.js`. */
  scripts: string[];
}

export interface ExtensionIdentity {
  /** The name of the content scripts' isolated world: the manifest's `name`. */
  worldName: string;
}

/** Traces `run` (which loads something into `page`) and summarises the extension's share. */
export async function traceExtension(
  page: Page,
  extension: ExtensionIdentity,
  pageHost: string,
  run: () => Promise<void>,
): Promise<TraceSummary> {
  await page.tracing.start({ categories: CATEGORIES });
  let buffer: Uint8Array | undefined;
  try {
    await run();
  } finally {
    buffer = await page.tracing.stop();
  }
  if (!buffer) throw new Error('Chromium returned no trace');
  const parsed = JSON.parse(Buffer.from(buffer).toString('utf8')) as
    | { traceEvents: TraceEvent[] }
    | TraceEvent[];
  return summarise(Array.isArray(parsed) ? parsed : parsed.traceEvents, extension, pageHost);
}

type Interval = [start: number, end: number];

function summarise(
  events: TraceEvent[],
  extension: ExtensionIdentity,
  pageHost: string,
): TraceSummary {
  const pids = pageProcesses(events, pageHost);
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .filter((e) => pids.has(e.pid))
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e: TraceEvent) => mainThreads.has(`${e.pid}:${e.tid}`);

  const isExtensionUrl = (url: string | undefined) => !!url?.startsWith('chrome-extension://');
  const markers: { span: Interval; what: string }[] = [];
  const scripts = new Set<string>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || !onMain(e)) continue;
    const url = e.args?.data?.url ?? e.args?.fileName;
    const named = isExtensionUrl(url) || e.args?.worldName === extension.worldName;
    if (!named) continue;
    markers.push({ span: [e.ts, e.ts + e.dur], what: describe(e.name, url) });
    if (url && isExtensionUrl(url) && (e.name === 'EvaluateScript' || e.name === 'v8.compile')) {
      scripts.add(new URL(url).pathname.replace(/^\//, ''));
    }
  }
  const sampled = sampledIntervals(events, pids, isExtensionUrl);

  const tasks: ExtensionTask[] = [];
  for (const { span: task, cpu } of topLevelTasks(events.filter(onMain))) {
    const [start, end] = task;
    const clip = (span: Interval): Interval | null =>
      span[1] > start && span[0] < end ? [Math.max(span[0], start), Math.min(span[1], end)] : null;
    const inTask = markers.filter((m) => clip(m.span));
    const spans = [...inTask.map((m) => m.span), ...sampled]
      .map(clip)
      .filter((s): s is Interval => s !== null);
    const ms = unionLength(spans) / 1000;
    if (ms === 0) continue;
    const wall = end - start;
    tasks.push({
      extensionMs: ms,
      extensionCpuMs: wall > 0 ? ms * Math.min(1, cpu / wall) : ms,
      taskMs: wall / 1000,
      what: inTask[0]?.what ?? 'microtasks (CPU samples)',
    });
  }
  tasks.sort((a, b) => b.extensionCpuMs - a.extensionCpuMs);
  const total = (key: 'extensionMs' | 'extensionCpuMs') => tasks.reduce((t, x) => t + x[key], 0);
  return {
    tasks,
    extensionMs: total('extensionMs'),
    extensionCpuMs: total('extensionCpuMs'),
    scripts: [...scripts].sort(),
  };
}

function describe(name: string, url: string | undefined): string {
  const file = url?.startsWith('chrome-extension://') ? ` ${url.split('/').pop()}` : '';
  return `${name}${file}`;
}

/** Renderer processes that showed a frame of the page under test. */
function pageProcesses(events: TraceEvent[], pageHost: string): Set<number> {
  const pids = new Set<number>();
  const onHost = (url: string | undefined) => {
    try {
      return !!url && new URL(url).hostname === pageHost;
    } catch {
      return false;
    }
  };
  for (const e of events) {
    const data = e.args?.data;
    if (e.name === 'FrameCommittedInBrowser' && onHost(data?.url) && data?.processId) {
      pids.add(data.processId);
    }
    if (e.name === 'TracingStartedInBrowser') {
      for (const frame of data?.frames ?? []) {
        if (onHost(frame.url) && frame.processId) pids.add(frame.processId);
      }
    }
  }
  return pids;
}

/**
 * The thread's tasks with their thread time (µs), outermost only (a nested run loop's tasks are
 * part of their parent).
 */
function topLevelTasks(events: TraceEvent[]): { span: Interval; cpu: number }[] {
  const tasks = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined)
    .map((e) => ({ span: [e.ts, e.ts + (e.dur ?? 0)] as Interval, cpu: e.tdur ?? e.dur ?? 0 }))
    .sort((a, b) => a.span[0] - b.span[0]);
  const outer: typeof tasks = [];
  for (const task of tasks) {
    const last = outer[outer.length - 1];
    if (!last || task.span[0] >= last.span[1]) outer.push(task);
  }
  return outer;
}

/** Time spans of CPU samples, on the page's main threads, whose stack holds extension code. */
function sampledIntervals(
  events: TraceEvent[],
  pids: Set<number>,
  isExtensionUrl: (url: string | undefined) => boolean,
): Interval[] {
  const spans: Interval[] = [];
  // A profile's chunks come from a profiler thread; the Profile event names the sampled one.
  for (const profile of events.filter((e) => e.name === 'Profile' && pids.has(e.pid))) {
    const chunks = events.filter(
      (e) => e.name === 'ProfileChunk' && e.pid === profile.pid && e.id === profile.id,
    );
    const parent = new Map<number, number | undefined>();
    const url = new Map<number, string | undefined>();
    for (const chunk of chunks) {
      for (const node of chunk.args?.data?.cpuProfile?.nodes ?? []) {
        parent.set(node.id, node.parent);
        url.set(node.id, node.callFrame.url);
      }
    }
    const extensionNode = new Map<number, boolean>();
    const isExtension = (id: number): boolean => {
      const known = extensionNode.get(id);
      if (known !== undefined) return known;
      const up = parent.get(id);
      const result = isExtensionUrl(url.get(id)) || (up !== undefined && isExtension(up));
      extensionNode.set(id, result);
      return result;
    };
    let time = profile.args?.data?.startTime ?? 0;
    let previous: { at: number; extension: boolean } | null = null;
    for (const chunk of chunks) {
      const samples = chunk.args?.data?.cpuProfile?.samples ?? [];
      const deltas = chunk.args?.data?.timeDeltas ?? [];
      samples.forEach((node, i) => {
        time += deltas[i] ?? 0;
        // A sample stands for the time until the next one, as in DevTools.
        if (previous?.extension) spans.push([previous.at, time]);
        previous = { at: time, extension: isExtension(node) };
      });
    }
  }
  return spans;
}

function unionLength(spans: Interval[]): number {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let current: Interval | null = null;
  for (const span of sorted) {
    if (current && span[0] <= current[1]) current[1] = Math.max(current[1], span[1]);
    else {
      if (current) total += current[1] - current[0];
      current = [span[0], span[1]];
    }
  }
  return total + (current ? current[1] - current[0] : 0);
}
