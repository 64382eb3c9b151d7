import { describe, expect, it, vi } from 'vitest';
import type { Sandbox } from '../sandbox/server';
import {
  type BrowserName,
  type BrowserUnderTest,
  connectKey,
  panel,
  STEP_MS,
  useScenario,
} from './support';

/** The toolbar popup as the rep's queue: today's due tasks, each executable right there. */
describe.each(['chromium', 'firefox'] as const)('%s: the popup’s due list', (name: BrowserName) => {
  let sandbox: Sandbox;
  let browser: BrowserUnderTest;

  useScenario(name, (started) => {
    ({ sandbox, browser } = started);
  });

  it('lists what is due, marks overdue tasks, and executes one from the popup', async () => {
    const popup = await connectKey(browser);
    const heading = await popup.waitForText('#evr-due-title', 'Due today (');
    const count = Number(/\((\d+)\)/.exec(heading)?.[1]);
    expect(count).toBeGreaterThan(8);
    const list = await popup.text('.evr-due');
    expect(list).toContain('Overdue');
    // Summaries carry no step names: one task per step was read for them.
    expect(list).toContain('Email · Step 2 - Email');
    expect(list).toContain('SMS · Step 3 - SMS');
    expect(list).toContain('One-off');
    // The list asks for every type; the badge (the same filter narrowed to emails and SMS)
    // may ask alongside it.
    const filters = sandbox
      .apiRequests({ pathPattern: /^\/v3\/tasks\/filter$/ })
      .map((r) => r.body as Record<string, unknown>)
      .filter((body) => typeof body === 'object' && body !== null && 'to' in body);
    expect(filters).toContainEqual({ status: [0], to: expect.any(String) });
    const narrowed = filters.filter((body) => 'taskType' in body).map((body) => body.taskType);
    for (const types of narrowed) expect(types).toEqual([7, 8]);

    await popup.fill('.evr-form input[type="text"]', '203');
    await popup.click('.evr-form button[type="submit"]');
    await popup.waitForText('.evr-panel', 'Task 203');
    await popup.click('button.evr-primary');
    expect(await popup.waitForText('.evr-success', 'Sent.')).toMatch(/^Sent\. Finished at/);
    expect(sandbox.sent.filter((m) => m.taskId === 203)).toHaveLength(1);
    await popup.close();
  });

  it('notifies the rep of a send that settled after its panel was closed', async () => {
    let popup = await browser.popup();
    // Headless Firefox closes a notification at once: count the ones shown or closed too.
    const notified = () =>
      popup.evaluate<string[]>(`
        const api = globalThis.browser ?? chrome;
        if (!window.evrNotified) {
          window.evrNotified = new Set();
          for (const event of [api.notifications.onShown, api.notifications.onClosed])
            event?.addListener((id) => window.evrNotified.add(id));
        }
        return api.notifications.getAll()
          .then((open) => [...Object.keys(open), ...window.evrNotified]);`);
    expect(await notified()).toEqual([]);

    sandbox.inject({ method: 'POST', path: '/v3/tasks/102/execute' }, { kind: 'delay', ms: 1_500 });
    const page = await browser.openPage('https://run.reply.io/tasks/102');
    await (await panel.button(page, 'Execute via Reply')).click();
    await vi.waitFor(() => expect(sandbox.executeCalls(102)).toHaveLength(1), { timeout: STEP_MS });
    await page.close();
    await vi.waitFor(async () => expect(await notified()).toContain('execution:102'), {
      timeout: STEP_MS,
      interval: 100,
    });
    expect(sandbox.sent.filter((m) => m.taskId === 102)).toHaveLength(1);

    // A send the rep watches to the end raises none.
    const watched = await browser.openPage('https://run.reply.io/tasks/205');
    await (await panel.button(watched, 'Execute via Reply')).click();
    await panel.region(watched, 'status', 'Sent.');
    await watched.close();
    expect(await notified()).toEqual(['execution:102']);

    // The history the popup shows is read when it opens.
    await popup.close();
    popup = await browser.popup();
    await popup.click('.evr-history summary');
    const history = await popup.waitForText('.evr-history', 'john.roe@example.com');
    // Task 102 is a manual email; the history keeps its type since version 2.
    expect(history).toMatch(/john\.roe@example\.com · Manual email · Sent/);
    await popup.close();
  });
});
