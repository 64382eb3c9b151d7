// The bench's browser: the e2e harness's Chromium (same flags, so the extension runs as it does
// in the end-to-end tests), with the bench's fixture hosts on their own server and background
// throttling off.

import type { Browser, CDPSession, ElementHandle, Page, Target } from 'puppeteer-core';
import { launchChromium } from '../e2e/harness/chromium';
import { SANDBOX_API_KEY } from '../sandbox/server';

export const STEP_MS = 15_000;
/** Every measured page's size, in both browsers. */
export const VIEWPORT = { width: 1280, height: 800 };

export interface BenchBrowserOptions {
  extensionDir: string;
  /** Port of the Reply sandbox (api.reply.io, run.reply.io). */
  sandboxPort: number;
  /** The bench's fixture hosts → the local port they are served on. */
  fixtureHosts: Record<string, number>;
}

/** What the in-page measures need of a browser, Chromium or Firefox: pages to measure in. */
export interface PageSource {
  /** A fresh page in a window of its own (headless Chromium gives background tabs no input). */
  newPage(): Promise<Page>;
}

export interface BenchBrowser extends PageSource {
  browser: Browser;
  extensionId: string;
  /** The extension's background service worker, for a CDP session on its heap. */
  serviceWorker(): Promise<Target>;
  close(): Promise<void>;
}

export async function launchBenchBrowser(opts: BenchBrowserOptions): Promise<BenchBrowser> {
  const session = await launchChromium({
    extensionDir: opts.extensionDir,
    sandboxPort: opts.sandboxPort,
    otherHosts: opts.fixtureHosts,
    extraArgs: [
      // Several windows are open at once and only one has focus: keep every measured page's
      // timers and rendering at full rate, so both arms of a comparison get the same.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  });
  const isWorker = (target: Target) =>
    target.type() === 'service_worker' &&
    target.url().startsWith(`chrome-extension://${session.extensionId}/`);
  return {
    browser: session.browser,
    extensionId: session.extensionId,
    async newPage() {
      const page = await session.newPage();
      await page.setViewport(VIEWPORT);
      page.setDefaultTimeout(STEP_MS);
      return page;
    },
    serviceWorker: () => session.browser.waitForTarget(isWorker, { timeout: STEP_MS }),
    close: () => session.close(),
  };
}

/** Connects the sandbox's demo key the way a rep does: in the popup, "API key", Save. */
export async function connectKey(bench: BenchBrowser): Promise<void> {
  const popup = await bench.newPage();
  try {
    await popup.goto(`chrome-extension://${bench.extensionId}/popup.html`);
    const field = await popup.waitForFunction(() =>
      [...document.querySelectorAll('label')]
        .find((label) => label.textContent?.trim().startsWith('API key'))
        ?.querySelector('input'),
    );
    await (field as ElementHandle<HTMLInputElement>).type(SANDBOX_API_KEY);
    const save = await popup.waitForFunction(() =>
      [...document.querySelectorAll('button')].find(
        (button) => button.textContent?.trim() === 'Save' && !button.disabled,
      ),
    );
    await (save as ElementHandle<HTMLButtonElement>).click();
    await popup.waitForFunction(() =>
      document.querySelector('[role="status"]')?.textContent?.startsWith('Connected'),
    );
  } finally {
    await popup.close();
  }
}

/** Runs `work` with a CDP session on `page` (or a worker target), detaching afterwards. */
export async function withCdp<T>(
  source: Page | Target,
  work: (cdp: CDPSession) => Promise<T>,
): Promise<T> {
  const cdp = await source.createCDPSession();
  try {
    return await work(cdp);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Full garbage collections, so a heap reading shows what is really kept. */
export async function collectGarbage(cdp: CDPSession): Promise<void> {
  // A second pass frees what the first one's finalizers released.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
