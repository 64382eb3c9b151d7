import type { ElementHandle, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../sandbox/server';
import {
  type BrowserName,
  type BrowserUnderTest,
  connectKey,
  panel,
  STEP_MS,
  useScenario,
} from './support';

/**
 * Tasks the rep does themselves, finished from Reply's task page: a call completed with its
 * outcome, a LinkedIn step with its profile link, each completed once. Asserted on what the
 * sandbox received; Chromium speaks integer enums, Firefox string ones.
 */
const SCENARIOS = {
  chromium: { auth: 'x-api-key', enumForm: 'integer' },
  firefox: { auth: 'bearer', enumForm: 'string' },
} as const;

/** The panel's links, as a user's browser would follow them. */
function panelLinks(
  page: Page,
): Promise<{ text: string; href: string; target: string; rel: string }[]> {
  return page.evaluate(() =>
    [...(document.querySelector('execute-via-reply')?.shadowRoot?.querySelectorAll('a') ?? [])].map(
      (a) => ({
        text: a.textContent?.trim() ?? '',
        href: a.getAttribute('href') ?? '',
        target: a.getAttribute('target') ?? '',
        rel: a.getAttribute('rel') ?? '',
      }),
    ),
  );
}

/** The sequence choice: a checkbox whose label's text follows the box. */
async function finishProspectBox(page: Page) {
  const handle = await page.waitForFunction(
    () =>
      [
        ...(document.querySelector('execute-via-reply')?.shadowRoot?.querySelectorAll('label') ??
          []),
      ]
        .find((l) => l.textContent?.trim() === 'Finish this prospect in the sequence')
        ?.querySelector('input[type="checkbox"]') ?? false,
    { timeout: STEP_MS },
  );
  return handle.asElement() as ElementHandle<Element>;
}

const completeCalls = (sandbox: Sandbox, taskId: number) =>
  sandbox.apiRequests({
    method: 'POST',
    pathPattern: new RegExp(`^/v3/tasks/${taskId}/complete$`),
  });

describe.each(['chromium', 'firefox'] as const)('%s: every task type', (name: BrowserName) => {
  let sandbox: Sandbox;
  let browser: BrowserUnderTest;

  useScenario(
    name,
    async (started) => {
      ({ sandbox, browser } = started);
      await (await connectKey(browser)).close();
    },
    SCENARIOS[name],
  );

  it('completes a call as "Reached: negative", once, with the number to dial', async () => {
    const page = await browser.openPage('https://run.reply.io/tasks/104');
    const text = await panel.text(page, 'Reached: negative');
    expect(text).toContain('Ask about the Q3 budget.');
    expect(await panel.hasButton(page, 'Execute via Reply')).toBe(false);
    expect(await panelLinks(page)).toContainEqual({
      text: '+1 555 0101',
      href: 'tel:+15550101',
      target: '',
      rel: '',
    });

    const negative = await panel.button(page, 'Reached: negative');
    // A double click: the second must not complete the task again.
    await negative.click({ count: 2 });
    expect(await panel.region(page, 'status', 'Completed in Reply')).toMatch(
      /^Completed in Reply: reached, negative\. Finished at /,
    );
    expect(completeCalls(sandbox, 104).map((r) => r.body)).toEqual([{ callResolution: 2 }]);
    expect(sandbox.completed).toEqual([
      { taskId: 104, callResolution: 2, finishProspectInSequence: false, at: expect.any(Number) },
    ]);
    expect(sandbox.executeCalls(104)).toEqual([]);
    expect(await panel.hasButton(page, 'Reached: negative')).toBe(false);

    // Opened again, the task is finished: nothing to complete, nothing posted.
    await page.reload();
    await panel.text(page, 'nothing left to complete');
    expect(completeCalls(sandbox, 104)).toHaveLength(1);
    await page.close();
  });

  it('shows a LinkedIn step with its profile link and marks it done, finishing the prospect', async () => {
    const page = await browser.openPage('https://run.reply.io/tasks/108');
    const text = await panel.text(page, 'Mark done');
    expect(text).toContain('Send a connection request with this note.');
    expect(await panelLinks(page)).toEqual([
      {
        text: 'Open the LinkedIn profile',
        href: 'https://www.linkedin.com/in/li-wei',
        target: '_blank',
        rel: 'noopener noreferrer',
      },
    ]);
    const note = await panel.field(page, 'Text for LinkedIn');
    expect(await note.evaluate((el) => (el as HTMLTextAreaElement).value)).toBe(
      'Hi Li, let us connect.',
    );

    await finishProspectBox(page).then((box) => box.click());
    await (await panel.button(page, 'Mark done')).click();
    expect(await panel.region(page, 'status', 'Completed in Reply', STEP_MS)).toMatch(
      /^Completed in Reply: done\./,
    );
    expect(completeCalls(sandbox, 108).map((r) => r.body)).toEqual([
      { finishProspectInSequence: true },
    ]);
    expect(sandbox.completed.filter((c) => c.taskId === 108)).toEqual([
      { taskId: 108, callResolution: null, finishProspectInSequence: true, at: expect.any(Number) },
    ]);
    expect(sandbox.task(108)?.status).toBe(1);
    await page.close();
  });
});
