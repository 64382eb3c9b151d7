// In-page probes of the injected panel. Timings are taken inside the page with
// performance.now() and MutationObservers, so the DevTools protocol's round trips are not in them.
// The panel is found as a rep sees it: its host element, its heading, its button, its status.

import type { ElementHandle, Page } from 'puppeteer-core';
import type { Sandbox } from '../sandbox/server';
import { STEP_MS } from './browser';

const PANEL_TAG = 'execute-via-reply';
const HEADING = 'Execute via Reply';
const EXECUTE = 'Execute via Reply';

/**
 * `page.evaluate` for a function with helpers of its own. tsx compiles with esbuild's keepNames,
 * which wraps named inner functions in a `__name()` call the page does not have; this supplies
 * one, scoped to the call, so the page's globals stay untouched.
 */
function inPage<A extends unknown[], R>(
  page: Page,
  fn: (...args: A) => Promise<R>,
  ...args: A
): Promise<R> {
  const source = `(() => { const __name = (f) => f; return (${fn})(...${JSON.stringify(args)}); })()`;
  return page.evaluate(source) as Promise<R>;
}

export interface PanelTiming {
  /** The panel's shadow root shows its heading. */
  rendered: number;
  /** ...and the task's facts (the `<dl>` of type, status, due), i.e. the task has loaded. */
  loaded: number;
}

/**
 * Clicks `linkSelector` (an in-app link that pushState-navigates to a task) and times, from the
 * click, the panel's appearance and the first frame after its task's facts are in the DOM.
 * Rejects on a panel alert.
 */
export function timePanelAfterClick(page: Page, linkSelector: string): Promise<PanelTiming> {
  return inPage(
    page,
    (tag: string, heading: string, selector: string, timeoutMs: number) =>
      new Promise<PanelTiming>((resolve, reject) => {
        const link = document.querySelector<HTMLElement>(selector);
        if (!link) throw new Error(`no ${selector} on the page`);
        let rendered: number | undefined;
        const observed = new WeakSet<ShadowRoot>();
        const observer = new MutationObserver(() => check());
        const timer = setTimeout(() => finish(new Error('the panel did not load')), timeoutMs);
        const finish = (error?: Error, timing?: PanelTiming) => {
          observer.disconnect();
          clearTimeout(timer);
          if (timing) resolve(timing);
          else reject(error);
        };
        const check = () => {
          const root = document.querySelector(tag)?.shadowRoot;
          if (!root) return;
          const now = performance.now() - start;
          if (!observed.has(root)) {
            observed.add(root);
            observer.observe(root, { childList: true, subtree: true, characterData: true });
          }
          if (rendered === undefined && root.querySelector('h2')?.textContent?.includes(heading)) {
            rendered = now;
          }
          // An alert next to the task's facts is about the task (e.g. its content); one
          // without them means the task did not load.
          const alert = root.querySelector('[role="alert"]')?.textContent;
          if (rendered !== undefined && root.querySelector('dl')) {
            // The first frame that paints the task's facts.
            observer.disconnect();
            const shownAt = rendered;
            requestAnimationFrame(() =>
              finish(undefined, { rendered: shownAt, loaded: performance.now() - start }),
            );
          } else if (alert) finish(new Error(`panel alert: ${alert}`));
        };
        observer.observe(document, { childList: true, subtree: true });
        const start = performance.now();
        link.click();
      }),
    PANEL_TAG,
    HEADING,
    linkSelector,
    STEP_MS,
  );
}

/**
 * Clicks the panel's "Execute via Reply" as a rep does (a real mouse click through the DevTools
 * protocol, on the button's box) and times what the rep feels: from the click event's own
 * timestamp to the first frame after "Sent." is in the status region (a requestAnimationFrame
 * once the text is in the DOM, so the frame that paints it). Rejects on an alert that was not
 * there before the click.
 */
async function timeExecuteClick(page: Page): Promise<number> {
  await inPage(
    page,
    async (tag: string, name: string, timeoutMs: number) => {
      const root = document.querySelector(tag)?.shadowRoot;
      const button = [...(root?.querySelectorAll('button') ?? [])].find(
        (b) => b.textContent?.trim() === name,
      );
      if (!root || !button) throw new Error(`no "${name}" button in the panel`);
      const alerts = () => [...root.querySelectorAll('[role="alert"]')].map((a) => a.textContent);
      const before = new Set(alerts());
      (globalThis as { benchClick?: Promise<number> }).benchClick = new Promise<number>(
        (resolve, reject) => {
          let clickedAt: number | undefined;
          const observer = new MutationObserver(() => check());
          const timer = setTimeout(() => finish(new Error('no "Sent." status')), timeoutMs);
          const finish = (error?: Error, ms?: number) => {
            observer.disconnect();
            clearTimeout(timer);
            if (ms === undefined) reject(error);
            else resolve(ms);
          };
          const check = () => {
            if (clickedAt === undefined) return;
            const alert = alerts().find((text) => !before.has(text));
            if (alert) return finish(new Error(`panel alert: ${alert}`));
            const statuses = [...root.querySelectorAll('[role="status"]')];
            if (!statuses.some((s) => s.textContent?.includes('Sent.'))) return;
            observer.disconnect();
            const from = clickedAt;
            requestAnimationFrame(() => finish(undefined, performance.now() - from));
          };
          button.addEventListener(
            'click',
            (event) => {
              clickedAt = event.timeStamp;
            },
            { capture: true, once: true },
          );
          observer.observe(root, { childList: true, subtree: true, characterData: true });
        },
      );
    },
    PANEL_TAG,
    EXECUTE,
    STEP_MS,
  );
  const button = await page.evaluateHandle(
    (tag, name) =>
      [...(document.querySelector(tag)?.shadowRoot?.querySelectorAll('button') ?? [])].find(
        (b) => b.textContent?.trim() === name,
      ),
    PANEL_TAG,
    EXECUTE,
  );
  const element = button.asElement() as ElementHandle<HTMLButtonElement> | null;
  if (!element) throw new Error(`no "${EXECUTE}" button to click`);
  await element.click();
  await element.dispose();
  return (await page.evaluate('globalThis.benchClick')) as number;
}

/** In-app navigation, as the Reply web app does it: pushState, then the app re-renders. */
async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/**
 * Waits until the panel shows task `taskId` with its "Execute via Reply" button, and gets the
 * button ready as a rep would: a button held back by a confirmation (a checkbox, e.g. to send a
 * message that still has placeholders) gets the box ticked.
 */
async function readyToExecute(page: Page, taskId: number): Promise<void> {
  const button = (want: 'present' | 'enabled') =>
    page.waitForFunction(
      (tag, name, id, enabled) => {
        const root = document.querySelector(tag)?.shadowRoot;
        if (!root?.textContent?.includes(`Task ${id}`)) return false;
        return [...root.querySelectorAll('button')].some(
          (b) => b.textContent?.trim() === name && (!enabled || !b.disabled),
        );
      },
      { timeout: STEP_MS },
      PANEL_TAG,
      EXECUTE,
      taskId,
      want === 'enabled',
    );
  await button('present').catch(async (error: unknown) => {
    const text = await page.evaluate((tag) => {
      const root = document.querySelector(tag)?.shadowRoot;
      if (!root) return 'no panel';
      return [...root.children]
        .filter((child) => child.localName !== 'style')
        .map((child) => child.textContent)
        .join(' ');
    }, PANEL_TAG);
    throw new Error(`task ${taskId}: no "${EXECUTE}" button; the panel shows: ${text}`, {
      cause: error,
    });
  });
  await page.evaluate(
    (tag, name) => {
      const root = document.querySelector(tag)?.shadowRoot;
      const held = [...(root?.querySelectorAll('button') ?? [])].some(
        (b) => b.textContent?.trim() === name && b.disabled,
      );
      if (!held) return;
      for (const box of root?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? []) {
        if (!box.checked) box.click();
      }
    },
    PANEL_TAG,
    EXECUTE,
  );
  await button('enabled');
}

/** Waits until the panel shows its task's facts (loaded), or no panel when `present` is false. */
export async function waitForPanel(page: Page, present: boolean): Promise<void> {
  await page.waitForFunction(
    (tag, want) => {
      const host = document.querySelector(tag);
      return want ? !!host?.shadowRoot?.querySelector('dl') : !host;
    },
    { timeout: STEP_MS },
    PANEL_TAG,
    present,
  );
}

/** Opens task `taskId` in the app and executes it from the panel; returns click → "Sent." ms. */
export async function executeViaPanel(
  page: Page,
  sandbox: Sandbox,
  taskId: number,
): Promise<number> {
  await navigateInApp(page, `/tasks/${taskId}`);
  await readyToExecute(page, taskId);
  const ms = await timeExecuteClick(page);
  // "Sent." without a POST would be the extension answering from its record of an earlier send.
  if (sandbox.executeCalls(taskId).length !== 1) {
    throw new Error(`task ${taskId}: "Sent." without exactly one execute request`);
  }
  return ms;
}
