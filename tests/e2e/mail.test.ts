import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../sandbox/server';
import {
  type BrowserName,
  type BrowserUnderTest,
  connectKey,
  contactLookups,
  panel,
  useScenario,
} from './support';

/**
 * Drafts in Gmail and Outlook on the web (fixtures copied in structure, served on the real
 * host names) to Reply contacts with a pending manual email go out through Reply with the
 * draft's own subject and body; the mailbox never sends, and the draft is discarded only when
 * the rep asks.
 */
describe.each(['chromium', 'firefox'] as const)('%s: email drafts', (name: BrowserName) => {
  let sandbox: Sandbox;
  let browser: BrowserUnderTest;
  let page: Page;

  useScenario(name, async (started) => {
    ({ sandbox, browser } = started);
    await (await connectKey(browser)).close();
  });

  it('Gmail: each recipient’s pending email is offered; the draft goes out through Reply', async () => {
    page = await browser.openPage('https://mail.google.com/mail/u/0/');
    const text = await panel.text(page, 'Reply task 402');
    expect(text).toContain('Bob Stone <bob.stone@example.org>: Reply task 401');
    expect(text).not.toContain('403'); // an SMS is no use for an email draft

    // The first offer is Bob's, the draft's first recipient.
    await (await panel.button(page, 'Execute via Reply')).click();
    expect(await panel.region(page, 'status', 'Sent through Reply')).toMatch(/Finished at/);
    const [sent] = sandbox.sent.filter((m) => m.taskId === 401);
    expect(sent?.subject).toBe('Order 10643 follow-up');
    expect(sent?.body).toContain('looping in');
    expect(sandbox.executeCalls(402)).toEqual([]);

    expect(await page.$('[aria-label^="Discard draft"]')).not.toBeNull();
    await (await panel.button(page, 'Discard draft')).click();
    await panel.waitGone(page);
    expect(await page.$('[aria-label^="Discard draft"]')).toBeNull();
  });

  // Nothing found, no script follows the inbox: the browser reports a compose body arriving
  // (the content script's stylesheet starts an animation on it), also when it is shown or made
  // editable later.
  it('Gmail: a compose window opened later gets its panel, also shown or made editable later', async () => {
    await page.goto('https://mail.google.com/mail/u/0/');
    await panel.text(page, 'Reply task 402');
    const closeAll = async () => {
      await page.evaluate(() => {
        for (const dialog of document.querySelectorAll('[role="dialog"]')) dialog.remove();
      });
      await panel.waitGone(page);
    };
    const compose = await page.$eval('[role="dialog"]', (dialog) => dialog.outerHTML);
    await closeAll();

    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), compose);
    await panel.text(page, 'Reply task 402');
    await closeAll();

    await page.evaluate((html) => {
      const hidden = document.createElement('div');
      hidden.id = 'later';
      hidden.hidden = true;
      hidden.innerHTML = html;
      document.body.append(hidden);
    }, compose);
    await page.evaluate(() => document.getElementById('later')?.removeAttribute('hidden'));
    await panel.text(page, 'Reply task 402');
    await closeAll();

    await page.evaluate((html) => {
      const holder = document.createElement('div');
      holder.innerHTML = html;
      holder.querySelector('[g_editable]')?.setAttribute('contenteditable', 'false');
      document.body.append(holder);
    }, compose);
    await page.evaluate(() =>
      document.querySelector('[g_editable]')?.setAttribute('contenteditable', 'true'),
    );
    await panel.text(page, 'Reply task 402');
  });

  const lookedUp = (from: number) => contactLookups(sandbox, from);
  const lookupCount = () => sandbox.apiRequests({ pathPattern: /^\/v3\/contacts\/filter$/ }).length;

  it('Gmail’s older chips (German) and a Spanish pop-out: recipients only, never suggestions', async () => {
    let before = lookupCount();
    await page.goto('https://mail.google.com/mail/u/1/');
    expect(await panel.text(page, 'Reply task 402')).toContain('maria.anders@alfreds.example');
    for (const value of lookedUp(before)) expect(value).toBe('maria.anders@alfreds.example');

    before = lookupCount();
    await page.goto('https://mail.google.com/mail/u/2/');
    const text = await panel.text(page, 'Reply task 404');
    expect(text).toContain(
      'Recipients without a readable address (not looked up): Equipo de compras',
    );
    for (const value of lookedUp(before)) expect(value).toBe('olivia.chen@contoso.com');

    // An inline reply inside a conversation: its own chips, not the conversation's addresses.
    before = lookupCount();
    await page.goto('https://mail.google.com/mail/u/3/');
    await panel.text(page, 'Reply task 402');
    for (const value of lookedUp(before)) expect(value).toBe('maria.anders@alfreds.example');
  });

  it('Outlook pop-out on outlook.cloud.microsoft (German, hashed classes): the pill’s address', async () => {
    const before = lookupCount();
    await page.goto('https://outlook.cloud.microsoft/mail/deeplink/compose');
    await panel.text(page, 'Reply task 402');
    for (const value of lookedUp(before)) expect(value).toBe('maria.anders@alfreds.example');
  });

  it('Outlook reply with a name-only pill: asks the rep, looks nothing up', async () => {
    const before = lookupCount();
    await page.goto('https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM0MDAAMS1iNTcw');
    await (await panel.button(page, 'Reply: couldn’t read who this is')).click();
    expect(await panel.region(page, 'alert', 'doesn’t show who this is')).toBeTruthy();
    expect(await panel.text(page)).toContain(
      'Recipients without a readable address: Equipo de compras, compras@',
    );
    expect(lookupCount()).toBe(before);
    // The rep picks an address the page shows: only that one is looked up, for this draft.
    await (await panel.button(page, 'Look up olivia.chen@contoso.com')).click();
    await panel.text(page, 'Reply task 404');
    for (const value of lookedUp(before)) expect(value).toBe('olivia.chen@contoso.com');
  });

  it('Outlook: the draft to a contact with a pending email goes out through Reply once', async () => {
    await page.goto('https://outlook.office.com/mail/');
    await panel.text(page, 'Reply task 404');
    const execute = await panel.button(page, 'Execute via Reply');
    await execute.click({ count: 2 });
    await panel.region(page, 'status', 'Sent through Reply');
    expect(sandbox.sent.filter((m) => m.taskId === 404)).toHaveLength(1);
    expect(sandbox.executeCalls(404).map((c) => c.body)).toEqual([
      { content: { subject: 'Quarterly review', body: expect.stringContaining('Hi Olivia,') } },
    ]);
  });
});
