import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type ConnectionTransport, type Page } from 'puppeteer-core';
// Puppeteer's own WebSocket transport (exported under `internal/`): Node 20 has no WebSocket
// client without a flag, and the shared session below needs a custom transport around one.
import { NodeWebSocketTransport } from 'puppeteer-core/internal/node/NodeWebSocketTransport.js';
import { ELEMENT_KEY, type ElementRef, MarionetteClient } from './marionette';
import { freePort, makeTempDir, removeDir, waitFor, withTimeout } from './util';

const FIREFOX = '/usr/bin/firefox-esr';
const STEP_MS = 10_000;

export interface FirefoxOptions {
  /** Unpacked extension build, e.g. `.output/firefox-mv3`; installed as a temporary add-on. */
  extensionDir: string;
  /** The build's `browser_specific_settings.gecko.id`; needed to pin the add-on's UUID. */
  geckoId: string;
  /** Default `true`. */
  headless?: boolean;
  /** The browser's UI language (`de`); needs Debian's `firefox-esr-l10n-<language>`. */
  language?: string;
  /** More prefs for a particular use (the benchmark turns off timer precision reduction). */
  prefs?: Record<string, string | number | boolean>;
}

/** Drives one extension page (e.g. the popup) in its own window, the way a user would. */
export interface ExtensionPageDriver {
  /** Clears the first element matching the CSS selector, then types `text` into it. */
  fill(selector: string, text: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** Presses one key (a character, or `Tab`, `Enter`, `Escape`) where the focus is, as a user does. */
  press(key: string): Promise<void>;
  /** `textContent` of the first match, `''` if nothing matches. */
  text(selector: string): Promise<string>;
  /** Waits until the first match's text contains `includes` (default 5 s) and returns the text. */
  waitForText(selector: string, includes: string, timeoutMs?: number): Promise<string>;
  /** Runs `fnBody` as a function body in the page (`arguments` holds `args`); returns its value. */
  evaluate<T>(fnBody: string, ...args: unknown[]): Promise<T>;
  /** Chromium only: saves the page at a popup's size as `docs/screenshots/<name>.png`. */
  screenshot?(name: string): Promise<void>;
  /** Chromium only: saves the page, as a popup in a 1280 × 800 frame, as `docs/store/<name>.png`. */
  storeScreenshot?(name: string): Promise<void>;
  close(): Promise<void>;
}

/** WebDriver's code points for the named keys a test presses. */
const WEBDRIVER_KEYS: Record<string, string> = {
  Tab: '\uE004',
  Enter: '\uE007',
  Escape: '\uE00C',
};

export interface FirefoxSession {
  /**
   * Puppeteer over WebDriver BiDi. End the session with `FirefoxSession.close()`: Firefox refuses
   * BiDi's `browser.close` in a session that Marionette created, so `browser.close()` does nothing.
   */
  browser: Browser;
  /** `moz-extension://<uuid>`, fixed for the whole session. */
  extensionOrigin: string;
  /** A page in a window of its own, optionally navigated to `url`. */
  newPage(url?: string): Promise<Page>;
  /**
   * Opens `path` (relative to the extension root, e.g. `popup.html`) through Marionette: WebDriver
   * BiDi neither navigates to nor scripts `moz-extension://` pages.
   */
  extensionPage(path: string): Promise<ExtensionPageDriver>;
  /** Quits Firefox and removes its profile. Safe to call more than once. */
  close(): Promise<void>;
}

interface SessionInfo {
  sessionId: string;
  capabilities: { webSocketUrl: string } & Record<string, unknown>;
}

/**
 * Firefox allows one WebDriver session at a time, shared by Marionette and BiDi, and only a session
 * that Marionette created has the state Marionette commands need. Puppeteer, however, always sends
 * `session.new`. This transport connects to the BiDi socket of Marionette's session and answers
 * that `session.new` with the existing session, forwarding everything else unchanged.
 */
class SharedSessionTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;

  constructor(
    private readonly socket: NodeWebSocketTransport,
    private readonly session: SessionInfo,
  ) {
    socket.onmessage = (message) => this.onmessage?.(String(message));
    socket.onclose = () => this.onclose?.();
  }

  send(message: string): void {
    const { id, method } = JSON.parse(message) as { id: number; method: string };
    if (method !== 'session.new') {
      this.socket.send(message);
      return;
    }
    const reply = JSON.stringify({ type: 'success', id, result: this.session });
    // Real replies arrive asynchronously; answering inside `send` would re-enter puppeteer.
    setImmediate(() => this.onmessage?.(reply));
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * Quiet Firefox: no update checks, telemetry, studies, blocklist or speculative connections. The
 * Remote Agent's recommended prefs and puppeteer's defaults cover the rest (including
 * `browser.shell.checkDefaultBrowser` and `app.update.disabledForTesting`; `app.update.enabled`
 * no longer exists in this Firefox). This matters beyond politeness: with `network.dns.forceResolve`
 * every host name resolves to 127.0.0.1, so any HTTPS request Firefox makes on its own would land
 * on the local Reply stand-in and skew what it recorded.
 */
const QUIET_PREFS = {
  'app.update.auto': false,
  'app.shield.optoutstudies.enabled': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.urlbar.speculativeConnect.enabled': false,
  'extensions.blocklist.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'security.OCSP.enabled': 0,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
};

/**
 * Under load, Firefox over BiDi now and then reports a navigation as aborted
 * (`NS_BINDING_ABORTED`) when the page it leaves was still finishing work of its own; the same
 * navigation again goes through. Navigating sends nothing to Reply, so going again is safe.
 */
function retryAbortedNavigations(page: Page): void {
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    try {
      return await goto(url, options);
    } catch (error) {
      if (!String(error).includes('NS_BINDING_ABORTED')) throw error;
      return goto(url, options);
    }
  };
}

export async function launchFirefox(opts: FirefoxOptions): Promise<FirefoxSession> {
  const uuid = randomUUID();
  const extensionOrigin = `moz-extension://${uuid}`;
  const marionettePort = await freePort();
  const profileDir = await makeTempDir('evr-firefox');

  let launched: Browser;
  try {
    launched = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: opts.headless ?? true,
      // Our own directory, so close() can remove it once Firefox has exited.
      userDataDir: profileDir,
      timeout: STEP_MS,
      // Release builds ignore the Remote Agent's dummy `services.settings.server` without this,
      // and poll firefox.settings.services.mozilla.com (which would hit the local stand-in).
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        ...QUIET_PREFS,
        // Real host names: every name resolves to 127.0.0.1 but the URL's port is kept, so the
        // local HTTPS stand-in for the Reply hosts must listen on 127.0.0.1:443.
        'network.dns.forceResolve': '127.0.0.1',
        // DNS over HTTPS would bypass forceResolve.
        'network.trr.mode': 5,
        // Pins the add-on's moz-extension:// origin before it is installed.
        'extensions.webextensions.uuids': JSON.stringify({ [opts.geckoId]: uuid }),
        'marionette.port': marionettePort,
        ...(opts.language
          ? { 'intl.locale.requested': opts.language, 'intl.accept_languages': opts.language }
          : {}),
        ...opts.prefs,
      },
      // `--remote-allow-system-access` lets Marionette navigate to moz-extension:// pages.
      args: ['--marionette', '--remote-allow-system-access'],
    });
  } catch (error) {
    await removeDir(profileDir);
    throw error;
  }
  const firefox = launched.process();
  const exited = new Promise<void>((resolveExit) => {
    if (!firefox || firefox.exitCode !== null || firefox.signalCode !== null) resolveExit();
    else firefox.once('exit', () => resolveExit());
  });

  let marionette: MarionetteClient | undefined;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    try {
      if (!marionette) throw new Error('no Marionette connection to quit through');
      await marionette.send('Marionette:Quit', { flags: ['eForceQuit'] });
      await withTimeout(exited, STEP_MS, 'Firefox to exit');
    } catch {
      // A wedged browser must not outlive the test run.
      firefox?.kill('SIGKILL');
      await withTimeout(exited, STEP_MS, 'Firefox to exit after SIGKILL');
    } finally {
      marionette?.close();
      await removeDir(profileDir);
    }
  };

  try {
    marionette = await MarionetteClient.connect(marionettePort, STEP_MS);
    // Ends the BiDi-only session puppeteer opened at launch, so Marionette can create the one
    // session Firefox allows; Firefox keeps running.
    await withTimeout(launched.disconnect(), STEP_MS, "ending puppeteer's launch session");
    const session = await marionette.send<SessionInfo>('WebDriver:NewSession', {
      acceptInsecureCerts: true,
      webSocketUrl: true,
      // As puppeteer does over BiDi, so its `dialog` events work.
      unhandledPromptBehavior: 'ignore',
      // Finding an element waits for it to render, as a user would wait to see it.
      timeouts: { implicit: 5_000, pageLoad: STEP_MS, script: STEP_MS },
    });
    const socket = await NodeWebSocketTransport.create(
      session.capabilities.webSocketUrl,
      undefined,
      () => undefined,
    );
    const browser = await withTimeout(
      puppeteer.connect({
        transport: new SharedSessionTransport(socket, session),
        protocol: 'webDriverBiDi',
        defaultViewport: null,
      }),
      STEP_MS,
      'puppeteer to attach to the Marionette session',
    );
    await withTimeout(
      browser.installExtension(resolve(opts.extensionDir)),
      STEP_MS,
      'installing the extension',
    );

    const client = marionette;
    // Marionette has one "current window"; each operation switches to its own window first, and
    // operations run one at a time so two drivers cannot interleave.
    let queue: Promise<unknown> = Promise.resolve();
    const exclusive = <T>(operation: () => Promise<T>): Promise<T> => {
      const result = queue.then(operation);
      queue = result.catch(() => undefined);
      return result;
    };

    const driver = (handle: string): ExtensionPageDriver => {
      const switchTo = () => client.send('WebDriver:SwitchToWindow', { handle });
      const find = async (selector: string): Promise<string> => {
        const { value } = await client.send<{ value: ElementRef }>('WebDriver:FindElement', {
          using: 'css selector',
          value: selector,
        });
        return value[ELEMENT_KEY];
      };
      const evaluate = <T>(fnBody: string, ...args: unknown[]): Promise<T> =>
        exclusive(async () => {
          await switchTo();
          // No sandbox name: the script runs against the page's own window, without Xrays.
          const { value } = await client.send<{ value: T }>('WebDriver:ExecuteScript', {
            script: fnBody,
            args,
          });
          return value;
        });
      const text = (selector: string): Promise<string> =>
        evaluate<string>(
          'const el = document.querySelector(arguments[0]); return el ? el.textContent : "";',
          selector,
        );
      return {
        fill: (selector, value) =>
          exclusive(async () => {
            await switchTo();
            const id = await find(selector);
            await client.send('WebDriver:ElementClear', { id });
            await client.send('WebDriver:ElementSendKeys', { id, text: value });
          }),
        click: (selector) =>
          exclusive(async () => {
            await switchTo();
            await client.send('WebDriver:ElementClick', { id: await find(selector) });
          }),
        press: (key) =>
          exclusive(async () => {
            await switchTo();
            const value = WEBDRIVER_KEYS[key] ?? key;
            await client.send('WebDriver:PerformActions', {
              actions: [
                {
                  type: 'key',
                  id: 'keyboard',
                  actions: [
                    { type: 'keyDown', value },
                    { type: 'keyUp', value },
                  ],
                },
              ],
            });
            await client.send('WebDriver:ReleaseActions');
          }),
        text,
        waitForText: async (selector, includes, timeoutMs = 5_000) => {
          let last = '';
          try {
            return await waitFor(
              async () => {
                last = await text(selector);
                return last.includes(includes) ? last : undefined;
              },
              timeoutMs,
              `"${includes}" in ${selector}`,
            );
          } catch (error) {
            throw new Error(`${(error as Error).message}; its text was "${last}"`);
          }
        },
        evaluate,
        close: () =>
          exclusive(async () => {
            await switchTo();
            await client.send('WebDriver:CloseWindow');
          }),
      };
    };

    const extensionPage = (path: string): Promise<ExtensionPageDriver> =>
      exclusive(async () => {
        // A new window is opened from the current one, which may have been closed since.
        const [anyWindow] = await client.send<string[]>('WebDriver:GetWindowHandles');
        if (!anyWindow) throw new Error('Firefox has no window left to open an extension page');
        await client.send('WebDriver:SwitchToWindow', { handle: anyWindow });
        // A window, not a tab, so no page in another tab is pushed into the background.
        const { handle } = await client.send<{ handle: string }>('WebDriver:NewWindow', {
          type: 'window',
        });
        await client.send('WebDriver:SwitchToWindow', { handle });
        await client.send('WebDriver:Navigate', { url: `${extensionOrigin}/${path}` });
        return driver(handle);
      });

    // The tab Firefox starts with is alone in its window, so it can be reused once.
    let startupTab: Page | undefined = (await browser.pages()).find(
      (page) => page.url() === 'about:blank',
    );
    const newPage = async (url?: string): Promise<Page> => {
      const page = startupTab ?? (await browser.newPage({ type: 'window' }));
      startupTab = undefined;
      retryAbortedNavigations(page);
      // Puppeteer's 30 s default would let a missing element eat most of a test's budget.
      page.setDefaultTimeout(STEP_MS);
      if (url) await withTimeout(page.goto(url), STEP_MS, `opening ${url}`);
      return page;
    };

    return { browser, extensionOrigin, newPage, extensionPage, close };
  } catch (error) {
    await close();
    throw error;
  }
}
