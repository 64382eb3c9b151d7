import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BrowserUnderTest, connectKey, panel, STORE_SIZE, useScenario } from './support';

/**
 * The store listings' screenshots (Chrome Web Store and Firefox Add-ons, 1280 × 800), taken from
 * the production build against the sandbox rather than drawn by hand: the panel on a CRM record,
 * a draft in Gmail, and the popup's queue. Rewritten on every run, in docs/store/.
 */
/** Takes a screenshot afresh and returns its width and height, from the PNG's header (IHDR). */
async function shot(
  name: string,
  take: ((name: string) => Promise<void>) | undefined,
): Promise<{ width: number; height: number }> {
  const file = resolve('docs/store', `${name}.png`);
  rmSync(file, { force: true });
  await take?.(name);
  const png = readFileSync(file);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('chromium: store listing screenshots', () => {
  let browser: BrowserUnderTest;

  useScenario('chromium', async (started) => {
    ({ browser } = started);
  });

  it('the popup with the day’s queue', async () => {
    const popup = await connectKey(browser);
    expect(await popup.waitForText('#evr-due-title', 'Due today (')).toMatch(/\(\d+\)/);
    expect(await shot('popup-queue', popup.storeScreenshot)).toEqual(STORE_SIZE);
    await popup.close();
  });

  it('the panel on a HubSpot contact record', async () => {
    const page = await browser.openPage(
      'https://app.hubspot.com/contacts/7794512/record/0-1/51201',
    );
    expect(await panel.text(page, 'Task 302')).toContain('Task 301');
    const save = browser.storeScreenshot;
    expect(await shot('panel-crm-record', save && ((name) => save(page, name)))).toEqual(
      STORE_SIZE,
    );
    await page.close();
  });

  it('the panel beside a Gmail draft', async () => {
    const page = await browser.openPage('https://mail.google.com/mail/u/0/');
    expect(await panel.text(page, 'Reply task 402')).toContain('Reply task 401');
    const save = browser.storeScreenshot;
    expect(await shot('panel-gmail-draft', save && ((name) => save(page, name)))).toEqual(
      STORE_SIZE,
    );
    await page.close();
  });
});
