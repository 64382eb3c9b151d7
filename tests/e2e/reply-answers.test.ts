import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { seedWorld } from '../sandbox/data';
import { type RecordedRequest, SANDBOX_TEAMS_API_KEY, type Sandbox } from '../sandbox/server';
import {
  type BrowserName,
  type BrowserUnderTest,
  connectKey,
  panel,
  STEP_MS,
  useScenario,
} from './support';

/**
 * Reply as its own clients show it answering: list pages smaller than `top` asked, a contact
 * search by containment that ignores `rules`, two contacts sharing an address, a user in two
 * teams, a contact who opted out and one who replied. Everything is asserted on what the
 * sandbox received.
 */
const ADA = 'https://app.hubspot.com/contacts/7794512/record/0-1/51201';
const MARIE = 'https://curie-labs.lightning.force.com/lightning/r/Contact/0035g00000XyZ12AAB/view';
const PAGE_CAP = 3;
/** The queue's first eight tasks are overdue, so more than one page is due at any hour. */
const QUEUE_SIZE = 8;

const SCENARIOS = {
  chromium: { auth: 'x-api-key', enumForm: 'integer' },
  firefox: { auth: 'bearer', enumForm: 'string' },
} as const;

/** What the sandbox holds due today for the demo user: New tasks of every type. */
function dueToday(): number[] {
  const world = seedWorld(Date.now(), QUEUE_SIZE);
  const end = new Date();
  end.setHours(23, 59, 59, 999);
  return [...world.tasks.values()]
    .filter(
      (t) => t.assignedUserId === 1001 && t.status === 0 && Date.parse(t.dueTo) <= end.getTime(),
    )
    .map((t) => t.id);
}

const isBody = (r: RecordedRequest, key: string) =>
  typeof r.body === 'object' && r.body !== null && key in r.body;

describe.each(['chromium', 'firefox'] as const)('%s: Reply as it answers', (name: BrowserName) => {
  let sandbox: Sandbox;
  let browser: BrowserUnderTest;
  let page: Page;

  useScenario(
    name,
    async (started) => {
      ({ sandbox, browser } = started);
    },
    { ...SCENARIOS[name], pageCap: PAGE_CAP, queueSize: QUEUE_SIZE },
  );

  it('lists every due task when Reply pages fewer than asked', async () => {
    const popup = await connectKey(browser);
    const due = dueToday();
    expect(due.length).toBeGreaterThan(PAGE_CAP);
    await popup.waitForText('#evr-due-title', `Due today (${due.length})`);
    const list = await popup.text('.evr-due');
    for (const who of ['John Roe', 'Otto Optout', 'Rita Replied']) {
      expect(list).toContain(who);
    }
    // Skipped by what came, not by what was asked: 0, 3, 6, … up to the last page.
    const dueFilters = sandbox
      .apiRequests({ pathPattern: /^\/v3\/tasks\/filter$/ })
      .filter((r) => isBody(r, 'to') && r.query.top !== '1');
    // (The badge pages the same list, perhaps at the same time.)
    const skips = [...new Set(dueFilters.map((r) => Number(r.query.skip)))].sort((a, b) => a - b);
    expect(skips).toEqual(
      Array.from({ length: Math.ceil(due.length / PAGE_CAP) }, (_, i) => i * PAGE_CAP),
    );
    await popup.close();
  });

  it('never shows the tasks of a contact whose address only contains the person’s', async () => {
    page = await browser.openPage(ADA);
    const text = await panel.text(page, 'Task 302');
    expect(text).toContain('Task 301');
    expect(text).not.toContain('Task 306'); // lady.ada.byron@example.com's
    const searches = sandbox.apiRequests({ pathPattern: /^\/v3\/contacts\/filter$/ });
    expect(searches.at(-1)?.body).toEqual({ searchTerm: 'ada.byron@example.com' });
    const personFilters = sandbox
      .apiRequests({ pathPattern: /^\/v3\/tasks\/filter$/ })
      .filter((r) => isBody(r, 'contactId'))
      .map((r) => (r.body as { contactId: number }).contactId);
    expect(personFilters).toContain(9);
    expect(personFilters).not.toContain(16);
  });

  it('shows both contacts that share one address, each named with their own tasks', async () => {
    await page.goto(MARIE);
    const text = await panel.text(page, 'Task 307');
    expect(text).toContain('2 contacts in Reply have marie.curie@example.com');
    expect(text).toContain('Marie Curie · Reply contact 10');
    expect(text).toContain('Marie Skłodowska · Reply contact 17');
    expect(text).toContain('Task 304');
    expect(sandbox.executeCalls()).toEqual([]);
  });

  it('“send all” skips the opted-out and the replied contact’s tasks, and lists why', async () => {
    const popup = await browser.popup();
    await popup.waitForText('#evr-due-title', 'Due today (');
    await popup.click('button.evr-send-all');
    await popup.click('button.evr-send-all-confirm');
    const status = await popup.waitForText('.evr-bulk [role="status"]', 'Left 0 ', 120_000);
    expect(status).toMatch(/Skipped [1-9]/);
    const problems = await popup.text('.evr-problems');
    expect(problems).toMatch(/Otto Optout \(skipped\): This contact has opted out/);
    expect(problems).toMatch(/Rita Replied \(skipped\): The contact has replied/);
    expect(sandbox.executeCalls(110)).toEqual([]);
    expect(sandbox.executeCalls(111)).toEqual([]);
    expect(sandbox.executeCalls(102)).toHaveLength(1); // overdue by a day: always due
    // The inbox was asked about several contacts at once.
    const inbox = sandbox.apiRequests({ pathPattern: /^\/v3\/inbox\/threads\/filter$/ });
    expect(
      inbox.some((r) => ((r.body as { contactIds?: number[] }).contactIds?.length ?? 0) > 1),
    ).toBe(true);
    expect(inbox.every((r) => (r.body as { source?: string }).source === 'inbox')).toBe(true);
    await popup.click('.evr-bulk button:not(.evr-primary)');
    await popup.close();
  }, 180_000);

  it('never sends to an opted-out contact; completes the task without sending on ask', async () => {
    const popup = await browser.popup();
    await popup.fill('.evr-form input[type="text"]', '110');
    await popup.click('.evr-form button[type="submit"]');
    await popup.waitForText('.evr-panel', 'Task 110');
    await popup.click('.evr-panel button.evr-primary');
    await popup.waitForText('.evr-panel [role="alert"]', 'opted out');
    expect(sandbox.executeCalls(110)).toEqual([]);
    await popup.click('.evr-pre-send button.evr-primary'); // Complete without sending
    await popup.waitForText('.evr-panel .evr-success', 'Completed in Reply without sending');
    expect(sandbox.executeCalls(110)).toEqual([]);
    expect(sandbox.apiRequests({ pathPattern: /^\/v3\/tasks\/110\/complete$/ })).toHaveLength(1);
    expect(sandbox.task(110)?.status).toBe(1);
    await popup.close();
  });

  it('asks before sending to a contact who replied, showing when and what', async () => {
    const popup = await browser.popup();
    await popup.fill('.evr-form input[type="text"]', '111');
    await popup.click('.evr-form button[type="submit"]');
    await popup.waitForText('.evr-panel', 'Task 111');
    await popup.click('.evr-panel button.evr-primary');
    await popup.waitForText('.evr-panel [role="alert"]', 'replied since');
    expect(await popup.text('.evr-reply')).toContain('“Thanks, but we went with another vendor.”');
    expect(sandbox.executeCalls(111)).toEqual([]);
    await popup.click('.evr-pre-send button'); // Send anyway
    await popup.waitForText('.evr-panel .evr-success', 'Sent.');
    expect(sandbox.executeCalls(111)).toHaveLength(1);
    await popup.close();
  });

  it('asks a rep in two teams which team, by name, and then names it on every call', async () => {
    const popup = await browser.popup();
    await popup.waitForText('#evr-key-title', 'Reply connection');
    await popup.evaluate(
      "[...document.querySelectorAll('button')].find((b) => b.textContent === 'Remove key').click();",
    );
    await popup.fill('input[type="password"]', SANDBOX_TEAMS_API_KEY);
    await popup.click('button[type="submit"]');
    const legend = await popup.waitForText('.evr-team legend', 'several teams');
    expect(legend).toContain('Which one');
    const names = await popup.text('.evr-team fieldset');
    expect(names).toContain('Northwind Agency');
    expect(names).toContain('Contoso Outreach');
    const before = sandbox.requests.length;
    await popup.click('input[name="evr-team"][value="502"]');
    await popup.click('.evr-team button[type="submit"]');
    await popup.waitForText('.evr-team', 'Contoso Outreach');
    await popup.waitForText('#evr-due-title', 'Due today (1)', STEP_MS);
    expect(await popup.text('.evr-due')).toContain('Maria Garcia'); // task 602's contact
    const after = sandbox.requests.slice(before);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((r) => r.headers['x-team-id'] !== '502')).toEqual([]);
    expect(after.filter((r) => r.status === 403)).toEqual([]);
    await popup.close();
  });
});
