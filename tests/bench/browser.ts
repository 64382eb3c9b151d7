// The bench's own Chromium launcher. The e2e harness maps every host it knows to one port, but
// the bench needs two: Reply's hosts go to the sandbox, the bench's fixture hosts to its own
// server. The flags otherwise follow tests/e2e/harness/chromium.ts, so the extension runs the
// way it does in the end-to-end tests.

import { resolve } from 'node:path';
import puppeteer, {
  type Browser,
  type CDPSession,
  type ElementHandle,
  type Page,
  type Target,
} from 'puppeteer-core';
import { makeTempDir, removeDir, withTimeout } from '../e2e/harness/util';
import { SANDBOX_API_KEY } from '../sandbox/server';

const CHROMIUM = '/usr/bin/chromium';
export const STEP_MS = 15_000;

export interface BenchBrowserOptions {
  extensionDir: string;
  /** Host name → local port it is served on. Every other host fails to resolve. */
  hosts: Record<string, number>;
}

export interface BenchBrowser {
  browser: Browser;
  extensionId: string;
  /** A fresh page in a window of its own (headless Chromium gives background tabs no input). */
  newPage(): Promise<Page>;
  /** The extension's background service worker, for a CDP session on its heap. */
  serviceWorker(): Promise<Target>;
  close(): Promise<void>;
}

export async function launchBenchBrowser(opts: BenchBrowserOptions): Promise<BenchBrowser> {
  const extensionDir = resolve(opts.extensionDir);
  const userDataDir = await makeTempDir('evr-bench');
  const hostRules = [
    ...Object.entries(opts.hosts).map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`),
    'MAP * ~NOTFOUND',
  ].join(', ');
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      enableExtensions: true,
      userDataDir,
      defaultViewport: { width: 1280, height: 800 },
      timeout: STEP_MS,
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--window-size=1280,800',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        `--host-resolver-rules=${hostRules}`,
        '--ignore-certificate-errors',
        // Several windows are open at once and only one has focus: keep every measured page's
        // timers and rendering at full rate, so both arms of a comparison get the same.
        '--disable-background-timer-throttling',
        '--disable-renderer-backgrounding',
        '--disable-backgrounding-occluded-windows',
      ],
    });
  } catch (error) {
    await removeDir(userDataDir);
    throw error;
  }

  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    try {
      await withTimeout(browser.close(), STEP_MS, 'closing Chromium');
    } catch {
      browser.process()?.kill('SIGKILL');
    } finally {
      await removeDir(userDataDir);
    }
  };

  try {
    const isWorker = (target: Target) =>
      target.type() === 'service_worker' && target.url().startsWith('chrome-extension://');
    const worker = await browser.waitForTarget(isWorker, { timeout: STEP_MS });
    const extensionId = new URL(worker.url()).host;
    return {
      browser,
      extensionId,
      async newPage() {
        const page = await browser.newPage({ type: 'window' });
        page.setDefaultTimeout(STEP_MS);
        return page;
      },
      serviceWorker: () => browser.waitForTarget(isWorker, { timeout: STEP_MS }),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
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
