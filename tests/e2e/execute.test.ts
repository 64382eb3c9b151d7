import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, type Sandbox } from '../sandbox/server';
import { type BrowserName, type BrowserUnderTest, panel, typeOver, useScenario } from './support';

/**
 * The execute slice as a rep lives it, in both browsers, against a sandbox that accepts only
 * one auth header and speaks one enum form: Chromium meets the seed's docs, Firefox the
 * current ones.
 */
const scenarios = [
  {
    name: 'chromium',
    auth: 'x-api-key',
    enumForm: 'integer',
    header: 'x-api-key',
    value: SANDBOX_API_KEY,
  },
  {
    name: 'firefox',
    auth: 'bearer',
    enumForm: 'string',
    header: 'authorization',
    value: `Bearer ${SANDBOX_API_KEY}`,
  },
] as const;

describe.each(scenarios)('$name: execute a Reply task from the page', (scenario) => {
  let sandbox: Sandbox;
  let browser: BrowserUnderTest;
  let page: Page;

  useScenario(
    scenario.name as BrowserName,
    (started) => {
      ({ sandbox, browser } = started);
    },
    { auth: scenario.auth, enumForm: scenario.enumForm },
  );

  it('connects with the API key from the popup, after refusing a wrong one', async () => {
    const popup = await browser.popup();
    await popup.fill('input[type="password"]', 'not-a-key');
    await popup.click('button[type="submit"]');
    expect(await popup.waitForText('[role="alert"]', 'Reply rejected this API key')).toMatch(
      /^Reply rejected this API key\./,
    );

    await popup.fill('input[type="password"]', SANDBOX_API_KEY);
    await popup.click('button[type="submit"]');
    expect(await popup.waitForText('[role="status"]', 'Connected')).toBe(
      'Connected as demo.rep@example.com (user id 1001)',
    );
    expect(await popup.text('.evr-mono')).toBe('••••••••1001');
    await popup.close();

    const whoami = sandbox.apiRequests({ pathPattern: /^\/v3\/whoami$/ });
    expect(whoami.at(-1)?.headers[scenario.header]).toBe(scenario.value);
  });

  it('shows a sequence email task and executes it with {} when nothing was edited', async () => {
    page = await browser.openPage('https://run.reply.io/tasks/101');
    const text = await panel.text(page, 'Step 2 - Email');
    for (const fact of ['Manual email', 'New', 'jane.doe@example.com', 'Due']) {
      expect(text).toContain(fact);
    }
    const subject = await panel.field(page, 'Subject');
    expect(await subject.evaluate((el) => (el as HTMLInputElement).value)).toBe(
      'Quick question, Jane',
    );
    expect(await panel.hasField(page, 'Send from')).toBe(false);
    await browser.screenshot?.(page, 'panel-reply-task');

    await (await panel.button(page, 'Execute via Reply')).click();
    expect(await panel.region(page, 'status', 'Sent.')).toMatch(/^Sent\. Finished at /);

    const calls = sandbox.executeCalls(101);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body).toEqual({});
    expect(calls[0]?.headers[scenario.header]).toBe(scenario.value);
    expect(sandbox.sent.filter((m) => m.taskId === 101)).toMatchObject([
      { to: 'jane.doe@example.com', subject: 'Quick question, Jane' },
    ]);
    expect(await panel.hasButton(page, 'Execute via Reply')).toBe(false);
  });

  it('sends the edited subject and the picked account for a one-off email', async () => {
    await page.goto('https://run.reply.io/tasks/102');
    await panel.text(page, 'Send from');
    await (await panel.field(page, 'Send from')).select('2');
    await typeOver(await panel.field(page, 'Subject'), 'Following up on our call');
    await (await panel.button(page, 'Edit HTML')).click();
    const body = await (await panel.field(page, 'Body HTML')).evaluate(
      (el) => (el as HTMLTextAreaElement).value,
    );

    await (await panel.button(page, 'Execute via Reply')).click();
    await panel.region(page, 'status', 'Sent.');

    expect(sandbox.executeCalls(102).map((c) => c.body)).toEqual([
      { content: { subject: 'Following up on our call', body }, emailAccountId: 2 },
    ]);
    expect(sandbox.sent.find((m) => m.taskId === 102)).toMatchObject({
      subject: 'Following up on our call',
      emailAccountId: 2,
    });
  });

  it('follows in-app navigation, offers a call its outcomes instead of a send, and leaves with the task', async () => {
    await page.goto('https://run.reply.io/tasks/103');
    await panel.text(page, 'SMS');
    expect(await panel.hasField(page, 'Subject')).toBe(false);
    expect(await panel.hasField(page, 'Body')).toBe(true);

    await page.click('nav a[href="/tasks/104"]');
    expect(await panel.text(page, 'Reached: negative')).toContain('Task 104');
    expect(await panel.hasButton(page, 'Execute via Reply')).toBe(false);
    expect(await panel.hasButton(page, 'Call again')).toBe(true);

    await page.click('nav a[href="/"]');
    await panel.waitGone(page);
    expect(sandbox.executeCalls(104)).toHaveLength(0);
    expect(sandbox.executeCalls(103)).toHaveLength(0);
    expect(sandbox.completed).toEqual([]);
  });

  it('is not restyled by the page', async () => {
    await page.goto('https://run.reply.io/tasks/105');
    await panel.text(page, 'Finished');
    const style = await page.evaluate(() => {
      const heading = document.querySelector('execute-via-reply')?.shadowRoot?.querySelector('h2');
      const css = heading ? getComputedStyle(heading) : null;
      return {
        color: css?.color,
        font: css?.fontFamily,
        size: css?.fontSize,
        spacing: css?.letterSpacing,
      };
    });
    expect(style.color).not.toBe('rgb(255, 0, 0)');
    expect(style.font).not.toMatch(/^serif$/);
    expect(style.size).toBe('15px');
    expect(style.spacing).toBe('normal');
  });

  it('puts Reply errors into words and recovers on "Try again"', async () => {
    sandbox.inject({ method: 'GET', path: /^\/v3\/tasks\/105$/ }, { kind: 'status', status: 503 });
    await page.goto('https://run.reply.io/tasks/105');
    expect(await panel.region(page, 'alert', 'Reply had a problem')).toMatch(
      /^Reply had a problem on its side \(error 503\)\. Try again in a moment\./,
    );
    await (await panel.button(page, 'Try again')).click();
    expect(await panel.text(page, 'This task is finished')).toContain('nothing to send');
    expect(await panel.hasButton(page, 'Execute via Reply')).toBe(false);
  });

  it('waits out a 429, saying nothing was sent yet, then sends the kept draft once', async () => {
    sandbox.inject(
      { method: 'POST', path: /^\/v3\/tasks\/201\/execute$/ },
      { kind: 'status', status: 429, retryAfter: '2' },
    );
    await page.goto('https://run.reply.io/tasks/201');
    await (await panel.button(page, 'Edit HTML')).click();
    const body = await panel.field(page, 'Body HTML');
    await typeOver(body, 'Edited before the limit');
    await (await panel.button(page, 'Execute via Reply')).click();
    expect(await panel.region(page, 'alert', 'rate limit')).toMatch(
      /^Reply’s rate limit was reached, so nothing has been sent yet\./,
    );
    expect(await panel.text(page, 'Sending in')).toMatch(/Sending in [0-2] s/);
    await panel.region(page, 'status', 'Sent.');
    expect(sandbox.apiRequests({ pathPattern: /^\/v3\/tasks\/201\/execute$/ })).toHaveLength(2);
    expect(sandbox.sent.filter((m) => m.taskId === 201)).toMatchObject([
      { body: 'Edited before the limit' },
    ]);
  });
});
