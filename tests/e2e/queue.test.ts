import { describe, expect, it } from 'vitest';
import { CreationSource, formatEnum, TaskType } from '../sandbox/enums';
import { SANDBOX_QUEUE_API_KEY, type Sandbox } from '../sandbox/server';
import type { ExtensionPageDriver } from './harness/firefox';
import { type BrowserName, type BrowserUnderTest, STEP_MS, useScenario } from './support';

/**
 * The rep's whole day from the popup: five tasks of five kinds (the sandbox's queue rep, all
 * overdue, so due today at any hour and in the order 701…705) worked through with the keyboard
 * alone, one snoozed out of today's list, and tasks completed together with one failing.
 * Asserted on what the sandbox received; Chromium speaks integer enums, Firefox string ones.
 */
const SCENARIOS = {
  chromium: { auth: 'x-api-key', enumForm: 'integer' },
  firefox: { auth: 'bearer', enumForm: 'string' },
} as const;

async function connectQueueRep(browser: BrowserUnderTest): Promise<ExtensionPageDriver> {
  const popup = await browser.popup();
  await popup.fill('input[type="password"]', SANDBOX_QUEUE_API_KEY);
  await popup.click('button[type="submit"]');
  await popup.waitForText('[role="status"]', 'Connected');
  await popup.waitForText('#evr-due-title', 'Due today (5)');
  return popup;
}

describe.each(['chromium', 'firefox'] as const)('%s: the day’s queue', (name: BrowserName) => {
  let sandbox: Sandbox;
  let browser: BrowserUnderTest;
  const form = SCENARIOS[name].enumForm;

  useScenario(
    name,
    (started) => {
      ({ sandbox, browser } = started);
    },
    SCENARIOS[name],
  );
  it('works through five kinds of task with the keyboard alone, snoozing the last out of today', async () => {
    const popup = await connectQueueRep(browser);
    const overdue = await popup.text('.evr-due-overdue');
    expect(overdue).toContain('Overdue (5)');
    await popup.click('.evr-queue-start');
    const step = async (position: number, taskId: number) => {
      await popup.waitForText('#evr-queue-title', `Task ${position} of 5`);
      await popup.waitForText('.evr-panel', `Task ${taskId}`);
    };

    // The email and the SMS: E sends each (the next opens by itself).
    await step(1, 701);
    await popup.waitForText('.evr-keys-hint', 'E send or complete');
    await popup.press('e');
    await step(2, 702);
    expect(await popup.text('.evr-queue-last')).toContain('Done: Jane Doe.');
    await popup.press('e');

    // The call: 3 is "Reached: negative".
    await step(3, 703);
    await popup.waitForText('.evr-panel', 'Reached: negative');
    // ? lists every key in a dialog; Escape closes it.
    await popup.press('?');
    await popup.waitForText('[role="dialog"]', 'Keyboard shortcuts');
    await popup.press('Escape');
    await waitGone(popup, '[role="dialog"]');
    await popup.press('3');

    // The LinkedIn step: E is "Mark done".
    await step(4, 704);
    await popup.waitForText('.evr-panel', 'Mark done');
    await popup.press('e');

    // The to-do: Z, then 2 snoozes it until tomorrow morning.
    await step(5, 705);
    await popup.press('z');
    await popup.waitForText('.evr-snooze', 'Tomorrow morning');
    await popup.press('2');
    await popup.waitForText('#evr-queue-title', 'Nothing left in the queue.');
    expect(await popup.text('[role="status"]')).toBe(
      'The queue is done: 4 done, 0 skipped, 1 snoozed.',
    );

    expect(sandbox.sent.map((m) => m.taskId)).toEqual([701, 702]);
    expect(sandbox.executeCalls()).toHaveLength(2);
    expect(sandbox.completed.map((c) => [c.taskId, c.callResolution])).toEqual([
      [703, 2],
      [704, null],
    ]);
    // The snooze: one PUT, the task as read but for its times, which moved to tomorrow.
    expect(sandbox.replacements).toHaveLength(1);
    const replaced = sandbox.replacements[0];
    if (!replaced) throw new Error('no PUT');
    const { taskId, before } = replaced;
    const body = replaced.body as Record<string, unknown>;
    expect(taskId).toBe(705);
    const { startAt, dueTo, ...rest } = body;
    expect(rest).toEqual({
      contactId: before.contactId,
      taskType: formatEnum(TaskType, before.taskType, form),
      linkedInTaskType: null,
      sequenceId: null,
      sequenceStepId: null,
      assignedUserId: before.assignedUserId,
      creationSource: formatEnum(CreationSource, before.creationSource, form),
      isScheduled: before.isScheduled,
      template: before.template,
    });
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    tomorrow.setHours(9, 0, 0, 0);
    // Tomorrow as the extension reckoned it, a moment ago (a test run across midnight: the day after).
    expect([tomorrow.getTime(), tomorrow.getTime() + 86_400_000]).toContain(
      Date.parse(String(startAt)),
    );
    // The span the task had (three hours in the sandbox) is kept.
    expect(Date.parse(String(dueTo)) - Date.parse(String(startAt))).toBe(3 * 3_600_000);

    // Back in the list, nothing is left for today: four done, one moved to tomorrow.
    await popup.click('.evr-queue button.evr-primary');
    await popup.waitForText('#evr-due-title', 'Due today (0)');
    await popup.close();
  });
});

// A browser of its own: the first one's records (what it completed) would answer for these.
describe.each(['chromium', 'firefox'] as const)('%s: completing together', (name: BrowserName) => {
  let sandbox: Sandbox;
  let browser: BrowserUnderTest;

  useScenario(
    name,
    (started) => {
      ({ sandbox, browser } = started);
    },
    SCENARIOS[name],
  );

  it('completes the chosen tasks together, and says which one Reply refused', async () => {
    const popup = await connectQueueRep(browser);
    for (const id of [703, 704, 705])
      await popup.click(`li[data-task-id="${id}"] input.evr-select`);
    // Emails and SMS are sent, not completed together: they have no box.
    expect(
      await popup.evaluate<boolean>(
        'return !!document.querySelector(\'li[data-task-id="701"] input.evr-select\')',
      ),
    ).toBe(false);
    // Meanwhile a teammate cancels the LinkedIn step in Reply.
    sandbox.setStatusElsewhere(704, 'cancelled');
    await popup.waitForText('.evr-complete-selected', 'Complete the 3 selected tasks');
    await popup.click('.evr-complete-selected');

    const alert = await popup.waitForText('[role="alert"]', 'Not completed: Li Wei.', STEP_MS);
    expect(alert).toMatch(/couldn’t complete task 704/);
    expect(await popup.text('.evr-batch-result [role="status"]')).toBe(
      '2 tasks completed in Reply.',
    );
    expect(
      await popup.evaluate<number>(
        'return document.querySelectorAll(\'.evr-batch-result [role="alert"]\').length',
      ),
    ).toBe(1);

    // One batch call with the three ids; the two New ones completed, each once.
    expect(sandbox.batchCompletions).toHaveLength(1);
    const batch = sandbox.batchCompletions[0];
    if (!batch) throw new Error('no batch complete');
    expect([...(batch.body as { ids: number[] }).ids].sort()).toEqual([703, 704, 705]);
    expect(batch.failed).toEqual({ 704: 7 });
    expect(sandbox.completed.map((c) => [c.taskId, c.batch]).sort()).toEqual([
      [703, true],
      [705, true],
    ]);
    expect(
      sandbox.apiRequests({ method: 'POST', pathPattern: /^\/v3\/tasks\/\d+\/complete$/ }),
    ).toHaveLength(0);
    expect(sandbox.executeCalls()).toHaveLength(0);
    // The list now holds the email and the SMS only.
    await popup.waitForText('#evr-due-title', 'Due today (2)');
    await popup.close();
  });
});

async function waitGone(popup: ExtensionPageDriver, selector: string): Promise<void> {
  const until = Date.now() + STEP_MS;
  while (Date.now() < until) {
    const present = await popup.evaluate<boolean>(
      'return !!document.querySelector(arguments[0])',
      selector,
    );
    if (!present) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${selector} is still there`);
}
