import { cp, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import { makeTempDir, removeDir, withTimeout } from './util';

const CHROMIUM = '/usr/bin/chromium';
/** Reply host names the extension talks to; each is mapped to the local sandbox. */
const REPLY_HOSTS = ['api.reply.io', 'run.reply.io', 'app.reply.io'];

export interface ChromiumOptions {
  /** Unpacked extension build, e.g. `.output/chrome-mv3`. */
  extensionDir: string;
  /** Port of the local HTTPS server that stands in for the Reply hosts. */
  sandboxPort: number;
  /**
   * More host names to send to the sandbox, e.g. a tracker a hostile email points at, so a
   * test can see whether anything asked for it. Like Firefox's DNS override, which maps all.
   */
  extraHosts?: string[];
  /** Host names served on other local ports (the benchmark's own fixture server). */
  otherHosts?: Record<string, number>;
  /** More Chromium flags for a particular use (the benchmark turns off background throttling). */
  extraArgs?: string[];
  /** Default `true`. `false` shows real windows (needs a display), e.g. for the demo. */
  headless?: boolean;
  windowSize?: { width: number; height: number };
  /**
   * The browser's UI language (`de`): Chromium on Linux takes it from the environment, not from
   * `--lang` (both are given), and only with Debian's `chromium-l10n` installed.
   */
  language?: string;
}

export interface ChromiumSession {
  browser: Browser;
  extensionId: string;
  /** A page that can take input, optionally navigated to `url`. */
  newPage(url?: string): Promise<Page>;
  /** `path` relative to the extension root, e.g. `popup.html`, opened as a normal tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Stops the extension's service worker the way Chrome does when it is idle. */
  stopServiceWorker(): Promise<void>;
  /**
   * Replaces the unpacked folder's files with the build in `dir` and reloads the extension from
   * it, as an update does: same id, storage kept, `runtime.onInstalled` with reason "update".
   * Only for a folder the test made for the purpose: the one loaded is rewritten.
   */
  updateExtension(dir: string): Promise<void>;
  /** Closes the browser and removes its profile. Safe to call more than once. */
  close(): Promise<void>;
}

const STEP_MS = 10_000;

function isExtensionWorker(target: Target, extensionId?: string): boolean {
  const prefix = extensionId ? `chrome-extension://${extensionId}/` : 'chrome-extension://';
  return target.type() === 'service_worker' && target.url().startsWith(prefix);
}

/** `de` → `de_DE`, as a POSIX locale names a language in its own country. */
const localeOf = (language: string) =>
  language.includes('_') ? language : `${language}_${language.toUpperCase()}`;

export async function launchChromium(opts: ChromiumOptions): Promise<ChromiumSession> {
  const extensionDir = resolve(opts.extensionDir);
  const { width, height } = opts.windowSize ?? { width: 1280, height: 800 };
  const userDataDir = await makeTempDir('evr-chromium');
  const hostRules = [
    ...[...REPLY_HOSTS, ...(opts.extraHosts ?? [])].map(
      (host) => `MAP ${host} 127.0.0.1:${opts.sandboxPort}`,
    ),
    ...Object.entries(opts.otherHosts ?? {}).map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`),
    // Anything else fails fast instead of reaching the real internet.
    'MAP * ~NOTFOUND',
  ].join(', ');

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      // Puppeteer turns `true` into `--headless=new`, and omits the flag for `false`.
      headless: opts.headless ?? true,
      // Otherwise puppeteer adds `--disable-extensions`.
      enableExtensions: true,
      userDataDir,
      // Pages get the real window size, so the headful demo looks like a normal browser.
      defaultViewport: null,
      timeout: STEP_MS,
      // The Extensions domain (reloading the extension as an update) is served over a pipe only.
      pipe: true,
      ...(opts.language
        ? {
            env: {
              ...process.env,
              LANGUAGE: opts.language,
              LANG: `${localeOf(opts.language)}.UTF-8`,
            },
          }
        : {}),
      args: [
        ...(opts.language ? [`--lang=${opts.language}`] : []),
        '--enable-unsafe-extension-debugging',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        `--window-size=${width},${height}`,
        // Running as root without a display or GPU.
        '--no-sandbox',
        '--disable-gpu',
        // No calls home: without these Chromium keeps dialing out and being refused.
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // The local stand-in speaks HTTP over TCP only; no HTTP/3 attempts.
        '--disable-quic',
        `--host-resolver-rules=${hostRules}`,
        // The sandbox serves a self-signed certificate for the real Reply host names.
        '--ignore-certificate-errors',
        ...(opts.extraArgs ?? []),
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
      // A wedged browser must not outlive the test run.
      browser.process()?.kill('SIGKILL');
    } finally {
      await removeDir(userDataDir);
    }
  };

  try {
    const worker = await browser
      .waitForTarget((target) => isExtensionWorker(target), { timeout: STEP_MS })
      .catch((error: unknown) => {
        throw new Error(
          `No extension service worker started within ${STEP_MS} ms; is ${extensionDir} an ` +
            'unpacked MV3 build with a background service worker?',
          { cause: error },
        );
      });
    const extensionId = new URL(worker.url()).host;
    // The tab Chromium starts with is alone in its window, so it is visible and can be reused once.
    let startupTab: Page | undefined = (await browser.pages()).find(
      (page) => page.url() === 'about:blank',
    );

    const newPage = async (url?: string): Promise<Page> => {
      // Headless Chromium hides background tabs and they take no input, so every further page
      // gets a window of its own.
      const page = startupTab ?? (await browser.newPage({ type: 'window' }));
      startupTab = undefined;
      // Puppeteer's 30 s default would let a missing element eat most of a test's budget.
      page.setDefaultTimeout(STEP_MS);
      if (url) await withTimeout(page.goto(url), STEP_MS, `opening ${url}`);
      return page;
    };

    const stopServiceWorker = async (): Promise<void> => {
      const workers = browser.targets().filter((target) => isExtensionWorker(target, extensionId));
      if (workers.length === 0) return;
      const gone = Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolveGone) => {
              const onDestroyed = (target: Target): void => {
                if (target !== worker) return;
                browser.off('targetdestroyed', onDestroyed);
                resolveGone();
              };
              browser.on('targetdestroyed', onDestroyed);
            }),
        ),
      );
      // The ServiceWorker domain lives on page sessions, not on the browser session; it acts on
      // the whole storage partition, which the extension's worker shares with every tab.
      const [page] = await browser.pages();
      if (!page) throw new Error('stopServiceWorker needs at least one open page');
      const cdp = await page.createCDPSession();
      try {
        await cdp.send('ServiceWorker.enable');
        await withTimeout(
          cdp.send('ServiceWorker.stopAllWorkers'),
          STEP_MS,
          'ServiceWorker.stopAllWorkers',
        );
      } finally {
        await cdp.detach();
      }
      await withTimeout(gone, STEP_MS, 'the extension service worker to stop');
    };

    const updateExtension = async (dir: string): Promise<void> => {
      for (const entry of await readdir(extensionDir)) {
        await rm(join(extensionDir, entry), { recursive: true, force: true });
      }
      await cp(resolve(dir), extensionDir, { recursive: true });
      // Loading the folder again (DevTools' Extensions domain) reloads the extension from it as
      // an update; `runtime.reload()` unloads a command-line-loaded extension instead.
      await withTimeout(browser.installExtension(extensionDir), STEP_MS, 'reloading the extension');
    };

    return {
      browser,
      extensionId,
      updateExtension,
      newPage,
      openExtensionPage: (path) => newPage(`chrome-extension://${extensionId}/${path}`),
      stopServiceWorker,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
