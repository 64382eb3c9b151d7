import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../sandbox/server';
import { type BrowserName, type BrowserUnderTest, connectKey, startScenario } from './support';

/** The toolbar popup as the rep's queue: today's due tasks, each executable right there. */
describe.each(['chromium', 'firefox'] as const)('%s: the popup’s due list', (name: BrowserName) => {
  let sandbox: Sandbox;
  let browser: BrowserUnderTest;

  beforeAll(async () => {
    ({ sandbox, browser } = await startScenario(name));
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('lists what is due, marks overdue tasks, and executes one from the popup', async () => {
    const popup = await connectKey(browser);
    const heading = await popup.waitForText('#evr-due-title', 'Due today (');
    const count = Number(/\((\d+)\)/.exec(heading)?.[1]);
    expect(count).toBeGreaterThan(8);
    expect(await popup.text('.evr-due')).toContain('Overdue');
    const filter = sandbox.apiRequests({ pathPattern: /^\/v3\/tasks\/filter$/ }).at(-1);
    expect(filter?.body).toMatchObject({ status: [0], taskType: [7, 8], to: expect.any(String) });

    await popup.fill('.evr-form input[type="text"]', '203');
    await popup.click('.evr-form button[type="submit"]');
    await popup.waitForText('.evr-panel', 'Task 203');
    await popup.click('button.evr-primary');
    expect(await popup.waitForText('.evr-success', 'Sent.')).toMatch(/^Sent\. Finished at/);
    expect(sandbox.sent.filter((m) => m.taskId === 203)).toHaveLength(1);
    await popup.close();
  });
});
