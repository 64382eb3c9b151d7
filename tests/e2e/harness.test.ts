/**
 * Smoke test for the e2e harness itself: a throwaway extension built at test time, in real
 * Chromium and Firefox, on the real host name run.reply.io mapped to a local HTTPS server.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { type FirefoxSession, launchFirefox } from './harness/firefox';
import { makeTempDir, removeDir, withTimeout } from './harness/util';

const GECKO_ID = 'harness-smoke@example.test';
/** Each step fails within a few seconds rather than at vitest's 60 s test timeout. */
const step = <T>(promise: Promise<T>, what: string): Promise<T> =>
  withTimeout(promise, 5_000, what);

const files: Record<string, string> = {
  'popup.html': `<!doctype html>
<html>
  <body>
    <input aria-label="API key" />
    <button>Save</button>
    <p id="out"></p>
    <script src="popup.js"></script>
  </body>
</html>
`,
  'popup.js': `document.querySelector('button').addEventListener('click', () => {
  document.getElementById('out').textContent = 'Saved ' + document.querySelector('input').value;
});
`,
  'content.js': `const marker = document.createElement('div');
marker.id = 'marker';
marker.textContent = 'content script ran';
document.body.append(marker);
`,
  // A fresh id per worker start shows whether the worker was really stopped and started again.
  'background.js': `const instance = crypto.randomUUID();
(globalThis.browser ?? chrome).runtime.onMessage.addListener((message, sender, sendResponse) => {
  sendResponse({ instance });
});
`,
};

const manifest = (background: object) => ({
  manifest_version: 3,
  name: 'Harness smoke test',
  version: '1.0.0',
  action: { default_popup: 'popup.html' },
  background,
  host_permissions: ['https://run.reply.io/*'],
  content_scripts: [{ matches: ['https://run.reply.io/*'], js: ['content.js'] }],
});

async function writeExtension(dir: string, manifestJson: object): Promise<void> {
  await mkdir(dir);
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifestJson));
  for (const [name, body] of Object.entries(files)) await writeFile(join(dir, name), body);
}

interface StandIn {
  port: number;
  hosts: string[];
  close(): Promise<void>;
}

/** Serves one page for run.reply.io and records the Host header of every request. */
async function startStandIn(tls: { key: string; cert: string }, port: number): Promise<StandIn> {
  const hosts: string[] = [];
  const server: Server = createServer(tls, (request, response) => {
    const host = request.headers.host ?? '';
    hosts.push(host);
    if (host.split(':')[0] === 'run.reply.io' && request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>Reply stand-in</title><h1>Tasks</h1>');
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    hosts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A value a `beforeAll` set up; fails clearly instead of with a TypeError if it did not. */
function ready<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('beforeAll did not finish setting up');
  return value;
}

let workDir: string;
let tls: { key: string; cert: string };

beforeAll(async () => {
  workDir = await makeTempDir('evr-harness-smoke');
  await writeExtension(join(workDir, 'chrome'), manifest({ service_worker: 'background.js' }));
  await writeExtension(join(workDir, 'firefox'), {
    ...manifest({ scripts: ['background.js'] }),
    browser_specific_settings: { gecko: { id: GECKO_ID } },
  });
  await promisify(execFile)(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=run.reply.io',
      '-addext',
      'subjectAltName=DNS:run.reply.io',
      '-keyout',
      join(workDir, 'key.pem'),
      '-out',
      join(workDir, 'cert.pem'),
    ],
    { timeout: 5_000 },
  );
  tls = {
    key: await readFile(join(workDir, 'key.pem'), 'utf8'),
    cert: await readFile(join(workDir, 'cert.pem'), 'utf8'),
  };
});

afterAll(async () => {
  if (workDir) await removeDir(workDir);
});

describe('Chromium harness', () => {
  let standIn: StandIn | undefined;
  let chromium: ChromiumSession | undefined;

  beforeAll(async () => {
    standIn = await startStandIn(tls, 0);
    chromium = await launchChromium({
      extensionDir: join(workDir, 'chrome'),
      sandboxPort: standIn.port,
    });
  });

  afterAll(async () => {
    try {
      await chromium?.close();
    } finally {
      await standIn?.close();
    }
  });

  it('runs the content script on https://run.reply.io/', async () => {
    const page = await step(
      ready(chromium).newPage('https://run.reply.io/'),
      'opening run.reply.io',
    );
    const marker = await step(page.waitForSelector('#marker'), 'the content script marker');
    expect(await marker?.evaluate((el) => el.textContent)).toBe('content script ran');
    expect(await page.title()).toBe('Reply stand-in');
    // Only the page itself: the browser made no requests of its own to the stand-in.
    expect(new Set(ready(standIn).hosts)).toEqual(new Set(['run.reply.io']));
  });

  it('fills, clicks and reads the popup', async () => {
    const popup = await step(ready(chromium).openExtensionPage('popup.html'), 'opening the popup');
    expect(popup.url()).toBe(`chrome-extension://${ready(chromium).extensionId}/popup.html`);
    await step(
      popup.locator('::-p-aria([name="API key"][role="textbox"])').fill('key-123'),
      'fill',
    );
    await step(popup.locator('::-p-aria([name="Save"][role="button"])').click(), 'click Save');
    const out = await step(
      popup.waitForFunction(() => document.querySelector('#out')?.textContent || undefined),
      'the popup output',
    );
    expect(await out.jsonValue()).toBe('Saved key-123');
  });

  it('stops the service worker, which starts again on the next message', async () => {
    const session = ready(chromium);
    const isWorker = () =>
      session.browser
        .targets()
        .some(
          (target) =>
            target.type() === 'service_worker' &&
            target.url().startsWith(`chrome-extension://${session.extensionId}/`),
        );
    const page = await step(session.openExtensionPage('popup.html'), 'opening the popup');
    const ping = () =>
      step(
        page.evaluate(`chrome.runtime.sendMessage('ping')`) as Promise<{ instance: string }>,
        'a message round trip to the worker',
      );

    const before = await ping();
    expect(isWorker()).toBe(true);
    await step(session.stopServiceWorker(), 'stopping the worker');
    expect(isWorker()).toBe(false);
    const after = await ping();
    expect(after.instance).not.toBe(before.instance);
    expect(isWorker()).toBe(true);
  });
});

describe('Firefox harness', () => {
  let standIn: StandIn | undefined;
  let firefox: FirefoxSession | undefined;

  beforeAll(async () => {
    // Firefox keeps the URL's port when it maps host names to 127.0.0.1.
    standIn = await startStandIn(tls, 443);
    firefox = await launchFirefox({ extensionDir: join(workDir, 'firefox'), geckoId: GECKO_ID });
  });

  afterAll(async () => {
    try {
      await firefox?.close();
    } finally {
      await standIn?.close();
    }
  });

  it('runs the content script on https://run.reply.io/', async () => {
    const page = await step(
      ready(firefox).newPage('https://run.reply.io/'),
      'opening run.reply.io',
    );
    const marker = await step(page.waitForSelector('#marker'), 'the content script marker');
    expect(await marker?.evaluate((el) => el.textContent)).toBe('content script ran');
    expect(await page.title()).toBe('Reply stand-in');
    // Only the page itself: Firefox, whose every host name resolves to the stand-in, made no
    // requests of its own (update checks, remote settings, telemetry).
    expect(new Set(ready(standIn).hosts)).toEqual(new Set(['run.reply.io']));
  });

  it('fills, clicks and reads the popup through Marionette', async () => {
    const popup = await step(ready(firefox).extensionPage('popup.html'), 'opening the popup');
    try {
      await step(popup.fill('input[aria-label="API key"]', 'key-456'), 'fill');
      await step(popup.click('button'), 'click Save');
      expect(await popup.waitForText('#out', 'key-456', 3_000)).toBe('Saved key-456');
      expect(await step(popup.text('#missing'), 'text of a missing element')).toBe('');
      expect(await step(popup.evaluate<string>('return location.origin'), 'evaluate')).toBe(
        ready(firefox).extensionOrigin,
      );
      const reply = await step(
        popup.evaluate<{ instance: string }>(
          'return browser.runtime.sendMessage(arguments[0])',
          'ping',
        ),
        'a message round trip to the background script',
      );
      expect(reply.instance).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await popup.close();
    }
  });
});
