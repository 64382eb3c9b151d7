import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Sandbox } from '../sandbox/server';
import { buildPreviousRelease, type PreviousRelease } from './previous-release';
import {
  type BrowserName,
  type BrowserUnderTest,
  connectKey,
  panel,
  STEP_MS,
  typeOver,
  useScenario,
} from './support';

/**
 * Updating loses nothing: the previous release (built from this repository's history) is
 * installed and used as a rep uses it (a key, a draft, a sent task in the history, a "send all"
 * run paused midway), then updated in place to this tree's production build. Afterwards the key
 * still works, the draft, the history and the paused run are all there, and the run resumes and
 * sends each remaining task exactly once.
 */
let release: PreviousRelease;
const copies: string[] = [];

beforeAll(() => {
  release = buildPreviousRelease();
}, 600_000);

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** Chromium rewrites the folder it loaded on update, so it loads a copy of the old build. */
function installable(name: BrowserName): string {
  if (name === 'firefox') return release.builds.firefox;
  const copy = mkdtempSync(join(tmpdir(), 'evr-previous-'));
  copies.push(copy);
  cpSync(release.builds.chromium, copy, { recursive: true });
  return copy;
}

const NEW_BUILDS: Record<BrowserName, string> = {
  chromium: resolve('.output/chrome-mv3'),
  firefox: resolve('.output/firefox-mv3'),
};

const DRAFT_TASK = 112;
const DRAFT_SUBJECT = 'Kept across the update';

describe.each(['chromium', 'firefox'] as const)(
  '%s: updating from the previous release',
  (name: BrowserName) => {
    let sandbox: Sandbox;
    let browser: BrowserUnderTest;

    useScenario(
      name,
      (started) => {
        ({ sandbox, browser } = started);
      },
      {},
      () => installable(name),
    );

    it('keeps the key, the draft, the history and a paused run, which then finishes once', async () => {
      // The previous release, used as a rep would.
      let popup = await connectKey(browser);
      await popup.waitForText('#evr-due-title', 'Due today (');

      const page = await browser.openPage(`https://run.reply.io/tasks/${DRAFT_TASK}`);
      await typeOver(await panel.field(page, 'Subject'), DRAFT_SUBJECT);
      // Drafts are saved a moment after the last keystroke.
      await new Promise((r) => setTimeout(r, 1_000));

      await popup.click('.evr-send-all');
      await popup.click('.evr-send-all-confirm');
      await vi.waitFor(() => expect(sandbox.sent.length).toBeGreaterThanOrEqual(3), {
        timeout: 30_000,
        interval: 50,
      });
      await popup.click('.evr-bulk button'); // Pause, the first action while it runs
      await popup.waitForText('.evr-bulk [role="status"]', 'Paused');
      // The task that was sending when the rep paused settles; then nothing more goes out.
      const storedRun = () =>
        popup.evaluate<{ items: { state: string }[] }>(
          "return (globalThis.browser ?? chrome).storage.local.get('bulkRun').then((s) => s.bulkRun);",
        );
      await vi.waitFor(
        async () =>
          expect((await storedRun()).items.filter((i) => i.state === 'sending')).toEqual([]),
        { timeout: STEP_MS, interval: 100 },
      );
      const sentBefore = sandbox.sent.length;
      const left = (await storedRun()).items.filter((i) => i.state === 'pending').length;
      expect(left).toBeGreaterThan(0);
      await popup.waitForText('.evr-bulk [role="status"]', `Left ${left} `);
      await popup.close();
      await page.close();

      // The update, in place.
      await browser.update(NEW_BUILDS[name]);
      expect(sandbox.sent).toHaveLength(sentBefore);

      // The key still works: the popup is connected and the due list loads from Reply.
      const requestsBefore = sandbox.requests.length;
      popup = await browser.popup();
      await popup.waitForText('[role="status"]', 'Connected');
      await popup.waitForText('#evr-due-title', 'Due today (');
      expect(
        sandbox.requests
          .slice(requestsBefore)
          .some((r) => r.path === '/v3/tasks/filter' && r.status === 200),
      ).toBe(true);

      // The history the previous release wrote, migrated to the new shape (type and contact id
      // unknown for entries written before they were kept).
      const history = await popup.waitForText('.evr-history summary', 'History (');
      expect(Number(/\((\d+)\)/.exec(history)?.[1])).toBeGreaterThanOrEqual(sentBefore);
      const stored = await popup.evaluate<Record<string, unknown>[]>(
        "return (globalThis.browser ?? chrome).storage.local.get('history').then((s) => s.history);",
      );
      expect(stored.length).toBeGreaterThanOrEqual(sentBefore);
      for (const entry of stored) expect(entry).toMatchObject({ taskType: null, contactId: null });

      // The paused run, as it was, then resumed to the end.
      const status = await popup.waitForText('.evr-bulk [role="status"]', 'Paused');
      expect(status).toContain(`Left ${left} `);
      await popup.click('.evr-bulk button.evr-primary'); // Resume
      const done = await popup.waitForText('.evr-bulk [role="status"]', 'Left 0 ', 180_000);
      const count = (label: string) => Number(new RegExp(`${label} (\\d+)`).exec(done)?.[1]);
      const perTask = new Map<number, number>();
      for (const { taskId } of sandbox.sent) perTask.set(taskId, (perTask.get(taskId) ?? 0) + 1);
      expect([...perTask].filter(([, n]) => n !== 1)).toEqual([]);
      expect(sandbox.sent).toHaveLength(count('Sent') + count('Failed'));
      expect(sandbox.sent.length).toBeGreaterThan(sentBefore);
      await popup.close();

      // The draft, still there for the rep.
      const again = await browser.openPage(`https://run.reply.io/tasks/${DRAFT_TASK}`);
      const subject = await panel.field(again, 'Subject');
      expect(await subject.evaluate((el) => (el as HTMLInputElement).value)).toBe(DRAFT_SUBJECT);
      expect(sandbox.executeCalls(DRAFT_TASK)).toEqual([]);
      await again.close();
    }, 300_000);
  },
);
