import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../sandbox/server';
import { type BrowserUnderTest, connectKey, panel, startScenario } from './support';

/**
 * axe-core over the popup (connected, with the due list; and with a task open), the options
 * page and the page panel, in Chromium. The panel is checked alone: the sandbox's Reply page is
 * deliberately garish around it.
 */
const axeSource: string = createRequire(import.meta.url)('axe-core').source;

async function violations(page: Page, scope?: string): Promise<string[]> {
  // Evaluated over the DevTools protocol: extension pages refuse inline script tags.
  await page.evaluate(axeSource);
  return page.evaluate(async (selector) => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
      }
    ).axe;
    const context = selector ? document.querySelector(selector) : document;
    const result = await axe.run(context);
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  }, scope ?? null);
}

describe('chromium: accessibility (axe-core)', () => {
  let sandbox: Sandbox;
  let browser: BrowserUnderTest;

  beforeAll(async () => {
    ({ sandbox, browser } = await startScenario('chromium'));
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('finds no violations in the popup, the options page and the panel', async () => {
    const popup = await connectKey(browser);
    await popup.waitForText('#evr-due-title', 'Due today (');
    // The check itself can fail: a bare image and an unlabelled field are violations.
    const blank = await browser.openPage('about:blank');
    await blank.evaluate(() => {
      document.body.append(document.createElement('img'), document.createElement('input'));
    });
    expect(await violations(blank)).not.toEqual([]);

    const pages = await blank.browser().pages();
    const popupPage = pages.find((p) => p.url().endsWith('/popup.html'));
    if (!popupPage) throw new Error('The popup page was not found.');
    expect(await violations(popupPage)).toEqual([]);

    await popup.fill('.evr-form input[type="text"]', '101');
    await popup.click('.evr-form button[type="submit"]');
    await popup.waitForText('.evr-panel', 'Step 2 - Email');
    expect(await violations(popupPage)).toEqual([]);

    const options = await browser.openPage(popupPage.url().replace('/popup.html', '/options.html'));
    await options.waitForSelector('#evr-settings-title');
    expect(await violations(options)).toEqual([]);

    const page = await browser.openPage('https://run.reply.io/tasks/102');
    await panel.text(page, 'Send from');
    expect(await violations(page, 'execute-via-reply')).toEqual([]);
  });
});
