// The bench's Firefox: the e2e harness's Firefox ESR (puppeteer-core over WebDriver BiDi sharing
// a Marionette session), so the extension runs as it does in the end-to-end tests. BiDi has no
// DevTools protocol (no metrics, traces or heap), so Firefox gives the figures timed inside the
// page with performance.now(): time to panel and click → status. Its clicks are WebDriver BiDi
// pointer actions, trusted events with their own timestamps, as the DevTools mouse is in Chromium.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FirefoxSession, launchFirefox } from '../e2e/harness/firefox';
import { SANDBOX_API_KEY } from '../sandbox/server';
import { type PageSource, STEP_MS, VIEWPORT } from './browser';

export interface BenchFirefox extends PageSource {
  session: FirefoxSession;
  close(): Promise<void>;
}

/**
 * Firefox with the unpacked extension in `extensionDir` installed. The Reply hosts resolve to
 * 127.0.0.1 with the URL's port kept, so the sandbox must listen on 443.
 */
export async function launchBenchFirefox(extensionDir: string): Promise<BenchFirefox> {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const session = await launchFirefox({
    extensionDir,
    geckoId: manifest.browser_specific_settings.gecko.id,
    // Firefox rounds performance.now() and event timestamps to the millisecond, with jitter,
    // against fingerprinting; the bench's differences are a few milliseconds.
    prefs: { 'privacy.reduceTimerPrecision': false },
  });
  return {
    session,
    async newPage() {
      const page = await session.newPage();
      await page.setViewport(VIEWPORT);
      page.setDefaultTimeout(STEP_MS);
      return page;
    },
    close: () => session.close(),
  };
}

/** Connects the sandbox's demo key as a rep does: in the popup, the key, Save. */
export async function connectKeyInFirefox(bench: BenchFirefox): Promise<void> {
  const popup = await bench.session.extensionPage('popup.html');
  try {
    await popup.fill('input[type="password"]', SANDBOX_API_KEY);
    await popup.click('button[type="submit"]');
    await popup.waitForText('[role="status"]', 'Connected', STEP_MS);
  } finally {
    await popup.close();
  }
}
