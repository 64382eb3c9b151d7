import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../sandbox/server';
import { type BrowserName, type BrowserUnderTest, connectKey, useScenario } from './support';

/**
 * Clearing the day's due list from the popup: "Review and send" one task at a time (edit and
 * send one, skip one), then "send the remaining N as they are", with Reply's rate limit hit
 * midway. Every task goes out at most once, tasks with unresolved placeholders and the skipped
 * one are not sent, and the history matches what Reply (the sandbox) received.
 */
describe.each(['chromium', 'firefox'] as const)(
  '%s: review, then send the rest',
  (name: BrowserName) => {
    let sandbox: Sandbox;
    let browser: BrowserUnderTest;

    useScenario(name, (started) => {
      ({ sandbox, browser } = started);
    });

    it('reviews two tasks, sends the rest through a 429, and the history matches', async () => {
      const popup = await connectKey(browser);
      const heading = await popup.waitForText('#evr-due-title', 'Due today (');
      const listed = Number(/\((\d+)\)/.exec(heading)?.[1]);
      // Review and send-all take the emails and SMS; the rest of the list is done by the rep.
      const due = Number(/Send all (\d+)/.exec(await popup.text('.evr-send-all'))?.[1]);
      expect(due).toBeGreaterThanOrEqual(30);
      expect(listed).toBeGreaterThanOrEqual(due);
      await popup.screenshot?.('popup-due-list');

      // The first task: edited, then sent from the review.
      await popup.click('.evr-due-actions button.evr-primary');
      await popup.waitForText('#evr-review-title', `Review 1 of ${due}`);
      const first = Number(/Task (\d+)/.exec(await popup.waitForText('.evr-panel', 'Task '))?.[1]);
      // An email's source is edited in its secondary "Edit HTML" mode; an SMS is plain text.
      if ((await popup.text('.evr-panel')).includes('Manual email')) {
        await popup.click('.evr-panel .evr-mode-html');
      }
      await popup.fill('.evr-panel textarea', 'Edited in review.');
      await popup.screenshot?.('popup-review');
      await popup.click('.evr-panel button.evr-primary');
      await popup.waitForText('.evr-panel .evr-success', 'Sent.');
      expect(sandbox.executeCalls(first).map((c) => c.body)).toEqual([
        { content: expect.objectContaining({ body: 'Edited in review.' }) },
      ]);

      // The second: skipped, so never sent.
      await popup.click('button.evr-review-next');
      await popup.waitForText('#evr-review-title', `Review 2 of ${due}`);
      const skipped = Number(
        /Task (\d+)/.exec(await popup.waitForText('.evr-panel', 'Task '))?.[1],
      );
      expect(skipped).not.toBe(first);
      await popup.click('button.evr-review-next');
      await popup.waitForText('#evr-review-title', `Review 3 of ${due}`);

      // The rest as they are, with Reply's limit hit midway.
      const sentBefore = sandbox.sent.length;
      await popup.click('.evr-review-rest');
      while (sandbox.sent.length < sentBefore + 3) await new Promise((r) => setTimeout(r, 50));
      sandbox.inject(
        { method: 'POST', path: /\/execute$/ },
        { kind: 'status', status: 429, retryAfter: '2' },
      );
      // Past 95 calls in a minute the client waits: about two calls per task, so over a minute.
      const status = await popup.waitForText('.evr-bulk [role="status"]', 'Left 0 ', 120_000);
      await popup.screenshot?.('popup-send-the-rest');
      const count = (label: string) => Number(new RegExp(`${label} (\\d+)`).exec(status)?.[1]);
      expect(count('Sent') + count('Failed') + count('Skipped')).toBe(due - 2);
      expect(count('Skipped')).toBeGreaterThan(0); // the {{calendarLink}} ones

      const perTask = new Map<number, number>();
      for (const { taskId } of sandbox.sent) perTask.set(taskId, (perTask.get(taskId) ?? 0) + 1);
      expect([...perTask].filter(([, n]) => n !== 1)).toEqual([]);
      expect(perTask.has(skipped)).toBe(false);
      expect(sandbox.sent).toHaveLength(1 + count('Sent') + count('Failed'));
      expect(
        sandbox
          .apiRequests({ pathPattern: /\/execute$/ })
          .filter((r) => r.headers['x-api-key'] || r.headers.authorization),
      ).toHaveLength(sandbox.sent.length + 1); // + the one refused with 429

      // The history: what Reply received, sent or failed, plus what the run skipped.
      const history = await popup.evaluate<{ taskId: number; outcome: string }[]>(
        "return (globalThis.browser ?? chrome).storage.local.get('history').then((s) => s.history);",
      );
      expect(
        history
          .filter((h) => h.outcome !== 'skipped')
          .map((h) => h.taskId)
          .sort(),
      ).toEqual([...perTask.keys()].sort());
      expect(history.filter((h) => h.outcome === 'skipped')).toHaveLength(count('Skipped'));
      expect(await popup.text('.evr-history summary')).toBe(`History (${due - 1})`);
      // Left due: the skipped one, the ones with placeholders, and what the rep does.
      await popup.waitForText(
        '#evr-due-title',
        `Due today (${1 + count('Skipped') + listed - due})`,
      );
      await popup.close();
    }, 180_000);
  },
);
