import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ElementHandle, KeyInput, Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import {
  SANDBOX_API_KEY,
  type Sandbox,
  type SandboxOptions,
  SITE_HOSTS,
  startSandbox,
} from '../sandbox/server';
import { launchChromium } from './harness/chromium';
import { type ExtensionPageDriver, launchFirefox } from './harness/firefox';
import { withTimeout } from './harness/util';

export type BrowserName = 'chromium' | 'firefox';

const BUILDS: Record<BrowserName, string> = {
  chromium: resolve('.output/chrome-mv3'),
  firefox: resolve('.output/firefox-mv3'),
};

/** One real browser with the production build, seen the way a user sees it. */
export interface BrowserUnderTest {
  name: BrowserName;
  openPage(url: string): Promise<Page>;
  /** The toolbar popup, opened as a page. */
  popup(): Promise<ExtensionPageDriver>;
  /** A page of the extension by its path (`options.html`), opened as a page. */
  extensionPage(path: string): Promise<ExtensionPageDriver>;
  /** Chromium only: stop the service worker, as Chrome does when it idles. */
  stopBackground?: () => Promise<void>;
  /** Chromium only: saves what a page shows as `docs/screenshots/<name>.png`, for the README. */
  screenshot?: (page: Page, name: string) => Promise<void>;
  /** Chromium only: saves a page at the stores' 1280 × 800 as `docs/store/<name>.png`. */
  storeScreenshot?: (page: Page, name: string) => Promise<void>;
  /**
   * Updates the installed extension in place to the build in `dir`, as a store update does: its
   * storage stays. Chromium rewrites the unpacked folder it loaded and reloads the extension;
   * Firefox installs the new build over the add-on of the same id.
   */
  update(dir: string): Promise<void>;
  /** Chromium only: run an expression in the extension's content-script world of a page. */
  inContentScript?: (page: Page, expression: string) => Promise<unknown>;
  close(): Promise<void>;
}

/** Hosts a hostile email points at; mapped to the sandbox so a request to them would show. */
export const TRACKER_HOST = 'tracker.example';

/**
 * A sandbox and a browser wired to it on Reply's real host names. Firefox's DNS override keeps
 * the URL's port, so for Firefox the sandbox must listen on 443.
 */
export async function startScenario(
  name: BrowserName,
  options: Omit<SandboxOptions, 'port'> = {},
  build = BUILDS[name],
  /** The browser's UI language (`de`); English (the machine's) when not given. */
  language?: string,
): Promise<{ sandbox: Sandbox; browser: BrowserUnderTest }> {
  if (!existsSync(resolve(build, 'manifest.json'))) {
    throw new Error(`No build at ${build}: run "npm run build && npm run build:firefox" first.`);
  }
  const sandbox = await startSandbox({ ...options, port: name === 'firefox' ? 443 : 0 });
  try {
    return { sandbox, browser: await launch(name, build, sandbox.port, language) };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}

/**
 * `startScenario` for the enclosing `describe`: started before its tests (then `started` runs,
 * to keep the pair and set up more), closed after them whatever happened.
 */
export function useScenario(
  name: BrowserName,
  started: (scenario: { sandbox: Sandbox; browser: BrowserUnderTest }) => void | Promise<void>,
  options: Omit<SandboxOptions, 'port'> = {},
  /** The unpacked extension to install, when not this tree's production build. */
  build?: () => string,
  language?: string,
): void {
  let scenario: { sandbox: Sandbox; browser: BrowserUnderTest } | undefined;
  beforeAll(async () => {
    scenario = await startScenario(name, options, build?.(), language);
    await started(scenario);
  });
  afterAll(async () => {
    await scenario?.browser.close();
    await scenario?.sandbox.close();
  });
}

async function launch(
  name: BrowserName,
  build: string,
  port: number,
  language?: string,
): Promise<BrowserUnderTest> {
  if (name === 'chromium') {
    const session = await launchChromium({
      extensionDir: build,
      sandboxPort: port,
      extraHosts: [TRACKER_HOST, ...SITE_HOSTS],
      language,
    });
    return {
      name,
      openPage: (url) => session.newPage(url),
      popup: async () => pageDriver(await session.openExtensionPage('popup.html')),
      extensionPage: async (path) => pageDriver(await session.openExtensionPage(path)),
      stopBackground: () => session.stopServiceWorker(),
      update: (dir) => session.updateExtension(dir),
      inContentScript: evaluateInContentScript,
      screenshot: savePage,
      storeScreenshot: saveStorePage,
      close: () => session.close(),
    };
  }
  const manifest = JSON.parse(readFileSync(resolve(build, 'manifest.json'), 'utf8'));
  const session = await launchFirefox({
    extensionDir: build,
    geckoId: manifest.browser_specific_settings.gecko.id,
    language,
  });
  return {
    name,
    openPage: (url) => session.newPage(url),
    popup: () => session.extensionPage('popup.html'),
    extensionPage: (path) => session.extensionPage(path),
    update: async (dir) => void (await session.browser.installExtension(resolve(dir))),
    close: () => session.close(),
  };
}

/** The content-script world is an isolated world named after the extension (CDP only). */
async function evaluateInContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp = await page.createCDPSession();
  try {
    const worlds: { id: number; name: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
    await cdp.send('Runtime.enable');
    const world = worlds.find(
      (w) => w.name === 'Execute via Reply' && w.auxData?.type === 'isolated',
    );
    if (!world) throw new Error('The content script world was not found.');
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? 'threw');
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** Connects the demo key in the popup, as a rep would; returns the popup, still open. */
export async function connectKey(browser: BrowserUnderTest): Promise<ExtensionPageDriver> {
  const popup = await browser.popup();
  await popup.fill('input[type="password"]', SANDBOX_API_KEY);
  await popup.click('button[type="submit"]');
  await popup.waitForText('[role="status"]', 'Connected');
  return popup;
}

/**
 * Runs `fnBody` as a function body in a page (`arguments` holds `args`), as the Firefox
 * driver's `evaluate` does. An expression, not `new Function`: extension pages' CSP forbids
 * eval, DevTools' own evaluation isn't bound by it.
 */
export function evaluateBody<T>(page: Page, fnBody: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    `(function () { ${fnBody}
}).apply(null, ${JSON.stringify(args)})`,
  ) as Promise<T>;
}

/** Chromium can drive extension pages with puppeteer itself; give them Firefox's driver shape. */
function pageDriver(page: Page): ExtensionPageDriver {
  return {
    async fill(selector, text) {
      const field = await page.waitForSelector(selector, { timeout: STEP_MS });
      await field?.click({ count: 3 });
      await page.keyboard.press('Backspace');
      await field?.type(text);
    },
    click: async (selector) => void (await page.locator(selector).setTimeout(STEP_MS).click()),
    press: (key) => page.keyboard.press(key as KeyInput),
    text: (selector) => page.$eval(selector, (el) => el.textContent ?? '').catch(() => ''),
    async waitForText(selector, includes, timeoutMs = STEP_MS) {
      const handle = await page.waitForFunction(
        (sel, want) => {
          const text = document.querySelector(sel)?.textContent ?? '';
          return text.includes(want) ? text : false;
        },
        { timeout: timeoutMs, polling: POLL_MS },
        selector,
        includes,
      );
      return (await handle.jsonValue()) as string;
    },
    evaluate: (fnBody, ...args) => evaluateBody(page, fnBody, ...args),
    async screenshot(name) {
      await page.setViewport({ width: POPUP_SIZE.width, height: POPUP_SIZE.height });
      await savePage(page, name);
    },
    async storeScreenshot(name) {
      // The popup as the toolbar shows it: its own width, on a plain backdrop at the store's size.
      await page.addStyleTag({
        content: `html{background:#dfe3ea;min-height:100%}body{width:${POPUP_SIZE.width}px;margin:40px auto;box-shadow:0 6px 24px rgb(0 0 0/.25)}`,
      });
      await saveStorePage(page, name);
    },
    close: () => page.close(),
  };
}

/** The README's screenshots, taken by the end-to-end run (Chromium's). */
const SCREENSHOTS = resolve('docs/screenshots');
/** A toolbar popup is at most 800 × 600; ours keeps to a narrow column. */
const POPUP_SIZE = { width: 420, height: 600 };

async function savePage(page: Page, name: string, dir = SCREENSHOTS): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: resolve(dir, `${name}.png`) as `${string}.png` });
}

/** The Chrome Web Store's and Firefox Add-ons' listing screenshots: 1280 × 800. */
const STORE_SCREENSHOTS = resolve('docs/store');
export const STORE_SIZE = { width: 1280, height: 800 };

async function saveStorePage(page: Page, name: string): Promise<void> {
  await page.setViewport(STORE_SIZE);
  await savePage(page, name, STORE_SCREENSHOTS);
}

export const STEP_MS = 10_000;
/** Waits poll on a timer: the default, animation frames, stops in a window that is covered. */
const POLL_MS = 50;
const PANEL_HOST = 'execute-via-reply';

/**
 * The injected panel, found the way a user finds things: by its labels, button names and
 * live regions. The panel sits in an open shadow root, reached from the page.
 */
export const panel = {
  /** Waits for the panel and returns its text. */
  async text(page: Page, includes = ''): Promise<string> {
    const handle = await page.waitForFunction(
      (host, want) => {
        const text = document.querySelector(host)?.shadowRoot?.textContent ?? null;
        return text?.includes(want) ? text : false;
      },
      { timeout: STEP_MS, polling: POLL_MS },
      PANEL_HOST,
      includes,
    );
    return (await handle.jsonValue()) as string;
  },

  async waitGone(page: Page): Promise<void> {
    await page.waitForFunction(
      (host) => !document.querySelector(host),
      { timeout: STEP_MS, polling: POLL_MS },
      PANEL_HOST,
    );
  },

  /** The form control labelled `label` (its <label> starts with that text). */
  async field(page: Page, label: string): Promise<ElementHandle<Element>> {
    return find(page, 'label', label);
  },

  async button(page: Page, name: string): Promise<ElementHandle<Element>> {
    return find(page, 'button', name);
  },

  async hasButton(page: Page, name: string): Promise<boolean> {
    return page.evaluate(
      (host, want) =>
        [...(document.querySelector(host)?.shadowRoot?.querySelectorAll('button') ?? [])].some(
          (b) => b.textContent?.trim() === want,
        ),
      PANEL_HOST,
      name,
    );
  },

  async hasField(page: Page, label: string): Promise<boolean> {
    return page.evaluate(
      (host, want) =>
        [...(document.querySelector(host)?.shadowRoot?.querySelectorAll('label') ?? [])].some(
          (l) => l.firstChild?.textContent?.trim() === want,
        ),
      PANEL_HOST,
      label,
    );
  },

  /** Text of the live region with this role, once it contains `includes`. */
  async region(
    page: Page,
    role: 'alert' | 'status',
    includes: string,
    timeoutMs = STEP_MS,
  ): Promise<string> {
    const handle = await page.waitForFunction(
      (host, r, want) => {
        const regions = document.querySelector(host)?.shadowRoot?.querySelectorAll(`[role="${r}"]`);
        const text = [...(regions ?? [])]
          .map((el) => el.textContent ?? '')
          .find((t) => t.includes(want));
        return text ?? false;
      },
      { timeout: timeoutMs, polling: POLL_MS },
      PANEL_HOST,
      role,
      includes,
    );
    return (await handle.jsonValue()) as string;
  },
};

async function find(page: Page, kind: 'label' | 'button', name: string) {
  const handle = await withTimeout(
    page.waitForFunction(
      (host, k, want) => {
        const root = document.querySelector(host)?.shadowRoot;
        if (!root) return false;
        if (k === 'button') {
          return (
            [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === want) ??
            false
          );
        }
        const label = [...root.querySelectorAll('label')].find(
          (l) => l.firstChild?.textContent?.trim() === want,
        );
        return label?.querySelector('input, textarea, select') ?? false;
      },
      { timeout: STEP_MS, polling: POLL_MS },
      PANEL_HOST,
      kind,
      name,
    ),
    STEP_MS + 1_000,
    `panel ${kind} "${name}"`,
  );
  return handle as ElementHandle<Element>;
}

/** Replaces a field's text the way a user does: select all, type over it. */
export async function typeOver(field: ElementHandle<Element>, text: string): Promise<void> {
  await field.click();
  await field.evaluate((el) => (el as HTMLInputElement).select());
  await field.press('Backspace');
  await field.type(text);
}

/**
 * Every value the extension asked Reply's contacts filter for (its `searchTerm`, or the values
 * of `rules` in the older form), lower-cased, after the first `from` of those requests.
 */
export function contactLookups(sandbox: Sandbox, from = 0): string[] {
  return sandbox
    .apiRequests({ pathPattern: /^\/v3\/contacts\/filter$/ })
    .slice(from)
    .flatMap((r) => {
      const body = r.body as { searchTerm?: unknown; rules?: { value?: unknown }[] } | null;
      const values: unknown[] = body?.searchTerm !== undefined ? [body.searchTerm] : [];
      for (const rule of body?.rules ?? []) values.push(rule.value);
      return values.map((value) => String(value).toLowerCase());
    });
}
