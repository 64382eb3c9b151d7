import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { RecordedRequest, Sandbox } from '../sandbox/server';
import {
  type BrowserName,
  type BrowserUnderTest,
  connectKey,
  contactLookups,
  panel,
  typeOver,
  useScenario,
} from './support';

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
  const lookedUp = (from: number) => contactLookups(sandbox, from);
  /** Opens a page and checks its panel shows `expected`; only `allowed` may have been looked up. */
  async function expectPerson(url: string, expected: string, allowed: string[]) {
    const before = lookups().length;
    await page.goto(url);
    const text = await panel.text(page, expected);
    for (const value of lookedUp(before)) expect(allowed).toContain(value);
    return text;
  }

  useScenario(name, async (started) => {
    ({ sandbox, browser } = started);
    const popup = await connectKey(browser);
    // The due list (and the step names it reads) loads in the background: let it finish, so
    // the page's own requests are all that follow.
    await popup.waitForText('#evr-due-title', 'Due today (');
    await popup.close();
  });

  it('a record with no email, phone or task reference says so and costs no API request', async () => {
    const before = sandbox.requests.length;
    page = await browser.openPage('https://app.hubspot.com/contacts/7794512/record/0-1/30001');
    await page.waitForSelector('#sandbox-records');
    // Once the page has settled, the small control says the record has nothing to look up by.
    await (await panel.button(page, 'Reply: no email or phone on this record')).click();
    await panel.region(page, 'status', 'shows no email address or phone number');
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
    // A call is listed too, with the number to dial and its outcomes, never a send.
    expect(text).toContain('Task 303');
    await panel.text(page, 'Reached: negative'); // its own panel loads its task
    expect(lookups().at(-1)?.body).toEqual({ searchTerm: 'ada.byron@example.com' });
    const personFilters = sandbox
      .apiRequests({ pathPattern: /^\/v3\/tasks\/filter$/ })
      .filter((r) => typeof r.body === 'object' && r.body !== null && 'contactId' in r.body);
    // Every type: no taskType narrows the person's tasks.
    expect(personFilters.at(-1)?.body).toEqual({ contactId: 9, status: [0] });

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

  it('HubSpot’s older and 2026 layouts: the record’s own person, never the timeline’s', async () => {
    await expectPerson(
      'https://app.hubspot.com/contacts/7794512/contact/90211/',
      'No Reply tasks for Grace Hopper',
      ['grace.hopper@navy.example', '(202) 555-0143'],
    );
    // Late-rendered, found by structure, Spanish UI, EU host, ?eschref= query.
    const text = await expectPerson(
      'https://app-eu1.hubspot.com/contacts/26445107/record/0-1/51202?eschref=%2Fcontacts%2F26445107%2Fobjects%2F0-1%2Fviews%2Fall%2Flist',
      'Task 302',
      ['ada.byron@example.com', '+44 20 7946 0018'],
    );
    expect(text).not.toContain('couldn’t read');
  });

  it('Salesforce console and Dynamic Forms: the current record, never a stale view', async () => {
    await expectPerson(
      'https://curie-labs.lightning.force.com/lightning/app/06m5g000001AbCdAAK/r/Lead/00Q5g00000QrStU/view',
      'Rosalind Franklin is not a contact in Reply',
      ['r.franklin@kings.example', '+44 20 7836 5454'],
    );
    await expectPerson(
      'https://curie-labs.lightning.force.com/lightning/r/0035g00000XyZ12AAB/view',
      'Task 304',
      ['marie.curie@example.com', '+33 1 44 27 00 00'],
    );
  });

  it('Pipedrive’s older RTL app and the 2025 layout: the visible person, never Smart BCC', async () => {
    const text = await expectPerson(
      'https://app.pipedrive.com/person/4822',
      'is not a contact in Reply',
      ['noa.levi@example.co.il', '+972 3 555 0100'],
    );
    expect(text).toContain('נועה לוי');
    await expectPerson('https://nordlicht.pipedrive.com/person/4830/', 'Task 305', [
      'marta.kowalska@nordlicht.example',
      '+48 22 000 00 00',
    ]);
  });

  it('a record that can’t be read asks the rep, and looks up only what they choose', async () => {
    const before = lookups().length;
    await page.goto(
      'https://curie-labs.lightning.force.com/lightning/r/Contact/0035g00000ShAd0AAB/view',
    );
    await (await panel.button(page, 'Reply: couldn’t read who this is')).click();
    await panel.region(page, 'alert', 'doesn’t show who this is');
    // Addresses the page shows are offered, never looked up on their own.
    expect(await panel.hasButton(page, 'Look up helpdesk@curie-labs.example')).toBe(true);
    expect(lookups().length).toBe(before);
    const field = await panel.field(page, 'Email address');
    await typeOver(field, 'irene');
    await (await panel.button(page, 'Look up')).click();
    await panel.region(page, 'alert', '“irene” is not an email address.');
    expect(lookups().length).toBe(before);
    await typeOver(field, 'irene.joliot-curie@example.com');
    await (await panel.button(page, 'Look up')).click();
    await panel.text(page, 'irene.joliot-curie@example.com is not a contact in Reply');
    expect(lookedUp(before)).toEqual(['irene.joliot-curie@example.com']);
  });

  it('an explicit reference to a Reply task wins over the person', async () => {
    await page.goto('https://app.hubspot.com/contacts/7794512/record/0-1/777');
    expect(await panel.text(page, 'Step 2 - Email')).toContain('Task 101');
  });

  // Off a record page nothing is found and no script follows the page's changes: the browser
  // reports a reference arriving (the content script's stylesheet starts an animation on it).
  it('a task reference arriving on a page with nothing on it gets its panel', async () => {
    await page.goto(ADA);
    await panel.text(page, 'Task 302');
    // The panel goes at the navigation's check (the page itself is unchanged): from then on
    // only an arrival brings a check.
    await page.evaluate(() =>
      history.pushState(null, '', '/contacts/7794512/objects/0-1/views/all/list'),
    );
    await panel.waitGone(page);
    await page.evaluate(() => document.body.replaceChildren());

    await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'https://run.reply.io/tasks/101';
      document.body.append(link);
    });
    expect(await panel.text(page, 'Step 2 - Email')).toContain('Task 101');
    await page.evaluate(() => document.body.replaceChildren(document.createElement('div')));
    await panel.waitGone(page);

    await page.evaluate(() =>
      document.querySelector('div')?.setAttribute('data-reply-task-id', '101'),
    );
    expect(await panel.text(page, 'Step 2 - Email')).toContain('Task 101');
  });
});
