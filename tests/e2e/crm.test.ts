import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { RecordedRequest, Sandbox } from '../sandbox/server';
import { type BrowserName, type BrowserUnderTest, connectKey, panel, useScenario } from './support';

/**
 * The panel on CRM record pages (fixtures copied in structure from HubSpot, Salesforce and
 * Pipedrive, served on their real host names): the person on screen is looked up in Reply and
 * their pending manual emails and SMS are offered.
 */
const ADA = 'https://app.hubspot.com/contacts/7794512/record/0-1/51201';

describe.each(['chromium', 'firefox'] as const)('%s: CRM record pages', (name: BrowserName) => {
  let sandbox: Sandbox;
  let browser: BrowserUnderTest;
  let page: Page;

  const lookups = () => sandbox.apiRequests({ pathPattern: /^\/v3\/contacts\/filter$/ });

  useScenario(name, async (started) => {
    ({ sandbox, browser } = started);
    const popup = await connectKey(browser);
    // The due list (and the step names it reads) loads in the background: let it finish, so
    // the page's own requests are all that follow.
    await popup.waitForText('#evr-due-title', 'Due today (');
    await popup.close();
  });

  it('a record with no email, phone or task reference costs no API request', async () => {
    const before = sandbox.requests.length;
    page = await browser.openPage('https://app.hubspot.com/contacts/7794512/record/0-1/30001');
    await page.waitForSelector('#sandbox-records');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await page.$('execute-via-reply')).toBeNull();
    // The toolbar badge's own refresh (an alarm) is not the page's doing.
    const badge = (r: RecordedRequest) =>
      r.path === '/v3/tasks/filter' &&
      typeof r.body === 'object' &&
      r.body !== null &&
      'to' in r.body;
    expect(sandbox.requests.slice(before).filter((r) => !badge(r))).toEqual([]);
  });

  it('HubSpot: shows the person’s pending tasks, each executable on its own', async () => {
    await page.goto(ADA);
    const text = await panel.text(page, 'Task 302');
    await browser.screenshot?.(page, 'panel-hubspot-record');
    expect(text).toContain('Task 301');
    expect(text).not.toContain('Task 303'); // a call: never listed
    expect(lookups().at(-1)?.body).toEqual({ searchTerm: 'ada.byron@example.com' });
    const personFilters = sandbox
      .apiRequests({ pathPattern: /^\/v3\/tasks\/filter$/ })
      .filter((r) => typeof r.body === 'object' && r.body !== null && 'contactId' in r.body);
    expect(personFilters.at(-1)?.body).toEqual({
      contactId: 9,
      status: [0],
      taskType: [7, 8],
    });

    // The first panel is the earliest due: task 301.
    await (await panel.button(page, 'Execute via Reply')).click();
    await panel.region(page, 'status', 'Sent.');
    expect(sandbox.executeCalls(301).map((call) => call.body)).toEqual([{}]);
    expect(sandbox.executeCalls(302)).toEqual([]);
  });

  it('follows the record on screen and never shows the previous person’s tasks', async () => {
    await page.click('#sandbox-records a[href$="/90210"]');
    await panel.text(page, 'No Reply tasks for Grace Hopper');
    expect(await panel.text(page)).not.toContain('Task 302');
  });

  it('shares lookups across tabs for a while', async () => {
    const other = await browser.openPage(ADA);
    try {
      const before = lookups().length;
      await panel.text(other, 'Task 302');
      // Executing 301 cleared the cache once; this second view of Ada is answered from it.
      const again = await browser.openPage(ADA);
      await panel.text(again, 'Task 302');
      await again.close();
      expect(lookups().length - before).toBeLessThanOrEqual(1);
    } finally {
      await other.close();
      await page.bringToFront();
    }
  });

  it('Salesforce and Pipedrive: the contact’s one pending task', async () => {
    await page.goto(
      'https://curie-labs.lightning.force.com/lightning/r/Contact/0035g00000XyZ12AAB/view',
    );
    expect(await panel.text(page, 'marie.curie@example.com')).toContain('Task 304');
    await page.goto('https://nordlicht.pipedrive.com/person/4821');
    expect(await panel.text(page, '+48 22 000 00 00')).toContain('Task 305');
  });

  it('an explicit reference to a Reply task wins over the person', async () => {
    await page.goto('https://app.hubspot.com/contacts/7794512/record/0-1/777');
    expect(await panel.text(page, 'Step 2 - Email')).toContain('Task 101');
  });
});
