import type { PanelMount } from '@/components/panel-module';
import type { PersonContext } from '../detect/context';
import { firstTaskReference } from '../detect/references';
import { ARRIVAL_ANIMATION, type DomWatch } from './arrivals';
import type { ContentContext } from './context';
import { loadPanel, type Panel } from './load-panel';

/** What a page offers: a stable key (a new key replaces the panel) and how to show it. */
export interface PanelTarget {
  key: string;
  show(panel: Panel): PanelMount;
  /**
   * Shown only once the page has settled on it: no change for SETTLE_MS (and at most
   * MAX_SETTLE_MS after it was first seen, so a page that never stops changing still gets it).
   * For "couldn't read who this is", which late rendering would otherwise flash.
   */
  afterSettle?: boolean;
}

export const SETTLE_MS = 1500;
export const MAX_SETTLE_MS = 5000;

/** How long a check after a change may wait for an idle moment on a page that never idles. */
const IDLE_TIMEOUT_MS = 200;

/**
 * Keeps one panel on the page for what `detect` finds, following in-app navigation and, with
 * `observeDom`, the page's own re-renders. While nothing is found, no script runs for the page's
 * changes: the content script's stylesheet (arrivalStylesheet, built from the same DomWatch)
 * makes the browser start ARRIVAL_ANIMATION on each arrival, and its `animationstart` schedules
 * a check on the next frame. Once something is found (a draft open, a record shown, a
 * reference), a MutationObserver makes any change schedule one, at an idle moment, so the panel
 * follows the page without taking frames from it; it is disconnected when nothing is found
 * again. A new target replaces the panel; none removes it. Everything hangs off `ctx`, so an
 * invalidated content script leaves nothing behind.
 *
 * The context's validity (which touches the extension's runtime, and announces the script to an
 * older copy: see ./context.ts) is asked only once there is a target, before the panel loads.
 */
export function followPageContext(
  ctx: ContentContext,
  detect: () => PanelTarget | null,
  { observeDom }: { observeDom: DomWatch | null },
) {
  let shown: { key: string; mount: PanelMount } | null = null;
  let latest = 0;
  /** Whether the last check found a target: then every change is worth a check. */
  let found = false;
  /** Observes the page's changes while something is found (see below). */
  let followChanges: ((on: boolean) => void) | undefined;
  /** Starts following the page's leaving and return, with the first panel (see below). */
  let followPageLife: (() => void) | undefined;
  /** A target waiting for the page to settle, and the key that has settled, if any. */
  let settling: { key: string; since: number; timer: ReturnType<typeof setTimeout> } | null = null;
  let settledKey: string | null = null;
  const stopSettling = () => {
    if (settling) clearTimeout(settling.timer);
    settling = null;
  };

  const hide = () => {
    latest++;
    shown?.mount.remove();
    shown = null;
  };

  async function update() {
    const target = detect();
    found = target !== null;
    followChanges?.(found);
    const key = target?.key ?? null;
    if (key !== settling?.key) stopSettling();
    if (key !== settledKey) settledKey = null;
    // A page that replaces its body's children takes the panel with it: the same target then
    // gets a new one.
    if (key === (shown?.key ?? null) && (!shown || shown.mount.host.isConnected)) return;
    // The panel being replaced goes once the new one is up, in the same task (so no frame shows
    // both): its teardown, a preview frame's among it, then runs while the new panel's request
    // is out, not before it leaves.
    latest++;
    const replaced = shown;
    shown = null;
    const removeReplaced = () => replaced?.mount.remove();
    if (!target) return removeReplaced();
    if (target.afterSettle && settledKey !== key) {
      removeReplaced();
      // Every check is a change: wait again, but not past the cap.
      const since = settling?.since ?? Date.now();
      stopSettling();
      const wait = Math.max(0, Math.min(SETTLE_MS, since + MAX_SETTLE_MS - Date.now()));
      const timer = setTimeout(() => {
        settling = null;
        settledKey = target.key;
        schedule();
      }, wait);
      settling = { key: target.key, since, timer };
      return;
    }
    if (ctx.isInvalid) return removeReplaced();
    const turn = latest;
    const panel = await loadPanel();
    // A newer change won while the panel loaded.
    if (!panel || turn !== latest || ctx.signal.aborted) return removeReplaced();
    shown = { key: target.key, mount: target.show(panel) };
    removeReplaced();
    followPageLife?.();
  }

  /**
   * One check pending at a time, the soonest asked for winning: in the next task (in-app
   * navigation: the URL has changed once the navigating task ends, and a frame's wait is time
   * the rep waits for the panel), on the next frame (an arrival, a settled target), or at the
   * next idle moment (changes to a page where something was found). One timer, frame or idle
   * id, not WXT's ctx helpers, which add an abort listener per call.
   */
  enum When {
    NextTask,
    NextFrame,
    Idle,
  }
  let pending: { when: When; cancel: () => void } | null = null;
  const run = () => {
    pending = null;
    if (!ctx.signal.aborted) void update();
  };
  const later = (when: When): (() => void) => {
    if (when === When.NextTask) {
      const timer = setTimeout(run, 0);
      return () => clearTimeout(timer);
    }
    if (when === When.NextFrame) {
      const frame = requestAnimationFrame(run);
      return () => cancelAnimationFrame(frame);
    }
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
      return () => cancelIdleCallback(id);
    }
    const timer = setTimeout(run, IDLE_TIMEOUT_MS / 4);
    return () => clearTimeout(timer);
  };
  const check = (when: When) => {
    if (pending && pending.when <= when) return;
    pending?.cancel();
    pending = { when, cancel: later(when) };
  };
  const schedule = () => check(When.NextFrame);
  const scheduleIdle = () => check(When.Idle);
  const scheduleNavigation = () => check(When.NextTask);

  ctx.onInvalidated(() => {
    pending?.cancel();
    stopSettling();
    hide();
  });
  const { signal } = ctx;
  // In-app navigation: the Navigation API where there is one, else a look at the URL each
  // second (a history change fires no event a content script can hear).
  const { navigation } = globalThis as { navigation?: EventTarget };
  if (navigation) navigation.addEventListener('navigate', scheduleNavigation, { signal });
  else {
    let url = location.href;
    const poll = setInterval(() => {
      if (location.href === url) return;
      url = location.href;
      scheduleNavigation();
    }, 1000);
    ctx.onInvalidated(() => clearInterval(poll));
  }
  /**
   * From the first panel on, leaving the page unmounts the panel, which saves a draft still
   * waiting to be saved, and a page restored from the back-forward cache gets its panel back.
   * A page that never showed one has nothing to put away, nor listeners to pay for.
   */
  followPageLife = () => {
    followPageLife = undefined;
    addEventListener('pagehide', hide, { signal });
    addEventListener(
      'pageshow',
      (event) => {
        if (event.persisted) scheduleNavigation();
      },
      { signal },
    );
  };
  if (observeDom) {
    // Capturing on the window: the page stopping the event's propagation can't hide it.
    addEventListener(
      'animationstart',
      (event) => {
        if (event.animationName === ARRIVAL_ANIMATION) schedule();
      },
      { capture: true, signal },
    );
    // The panel's own changes happen in its shadow root, which this observer doesn't see.
    const observer = new MutationObserver(scheduleIdle);
    const options = { childList: true, subtree: true, attributeFilter: [...observeDom.attributes] };
    let observing = false;
    followChanges = (on) => {
      if (on === observing) return;
      observing = on;
      if (on) observer.observe(document.documentElement, options);
      else observer.disconnect();
    };
    ctx.onInvalidated(() => observer.disconnect());
  }
  // A first check that scans the document (a few ms on a 10,000-element page) waits for an idle
  // moment, at most IDLE_TIMEOUT_MS, instead of lengthening the page's load task; navigation or
  // an arrival meanwhile checks on the next frame instead. One that reads only the URL runs now,
  // which costs the page less heap than an idle callback (README, "Speed, measured").
  if (observeDom) scheduleIdle();
  else run();
}

/** The panel for one Reply task. */
export const taskTarget = (taskId: number): PanelTarget => ({
  key: `task:${taskId}`,
  show: (panel) => panel.mountTaskPanel(taskId),
});

/** The panel for the first Reply task the page references (a link or an attribute), if any. */
export function referencedTaskTarget(): PanelTarget | null {
  const taskId = firstTaskReference(document);
  return taskId === null ? null : taskTarget(taskId);
}

/** The panel for a CRM person, replaced when the record or its details change. */
export const personTarget = (person: PersonContext): PanelTarget => ({
  key: `person:${person.site}:${person.recordId}:${person.emails.join()}:${person.phones.join()}`,
  show: (panel) => panel.mountPersonPanel(person),
});
