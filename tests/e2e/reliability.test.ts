import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, type Sandbox } from '../sandbox/server';
import {
  type BrowserName,
  type BrowserUnderTest,
  connectKey,
  panel,
  STEP_MS,
  TRACKER_HOST,
  typeOver,
  useScenario,
} from './support';

/**
 * Faults injected at the sandbox while a rep executes tasks. Every case ends with the task
 * sent exactly once or clearly not sent, the rep told which; the suite prints how many
 * messages went out twice.
 */
describe.each(['chromium', 'firefox'] as const)('%s: never send twice', (name: BrowserName) => {
  let sandbox: Sandbox;
  let browser: BrowserUnderTest;
  let page: Page;

  const executeUrl = (taskId: number) => new RegExp(`^/v3/tasks/${taskId}/execute$`);
  const sentCount = (taskId: number) => sandbox.sent.filter((m) => m.taskId === taskId).length;
  const open = async (taskId: number) => {
    await page.goto(`https://run.reply.io/tasks/${taskId}`);
    await panel.text(page, `Task ${taskId}`);
  };
  const execute = async () => (await panel.button(page, 'Execute via Reply')).click();

  useScenario(name, async (started) => {
    ({ sandbox, browser } = started);
    await (await connectKey(browser)).close();
    page = await browser.openPage('https://run.reply.io/');
  });

  // Runs before useScenario's own afterAll closes the pair (Vitest runs after-hooks as a stack).
  afterAll(async () => {
    if (sandbox) {
      const perTask = new Map<number, number>();
      for (const { taskId } of sandbox.sent) perTask.set(taskId, (perTask.get(taskId) ?? 0) + 1);
      const twice = [...perTask.values()].filter((count) => count > 1).length;
      console.log(`${name}: messages sent: ${sandbox.sent.length}; messages sent twice: ${twice}`);
      expect(twice).toBe(0);
    }
  });

  it('double click sends once', async () => {
    await open(202);
    await (await panel.button(page, 'Execute via Reply')).click({ count: 2 });
    await panel.region(page, 'status', 'Sent.');
    expect(sandbox.executeCalls(202)).toHaveLength(1);
    expect(sentCount(202)).toBe(1);
  });

  it('two windows executing the same task send once, and both say it went out', async () => {
    const other = await browser.openPage('https://run.reply.io/tasks/205');
    try {
      await open(205);
      await panel.text(other, 'Task 205');
      const [here, there] = [
        await panel.button(page, 'Execute via Reply'),
        await panel.button(other, 'Execute via Reply'),
      ];
      await Promise.all([here.click(), there.click()]);
      await panel.region(page, 'status', 'Sent.');
      await panel.region(other, 'status', 'Sent.');
      expect(sentCount(205)).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('a connection dropped after Reply sent is confirmed as sent, not sent again', async () => {
    sandbox.inject({ method: 'POST', path: executeUrl(207) }, { kind: 'drop-after-processing' });
    await open(207);
    await execute();
    // The browser itself may re-post after the drop; Reply then refuses the finished task.
    expect(await panel.region(page, 'status', 'Sent.')).toMatch(
      /(Reply confirms the message went out|Reply shows the task as finished)\.$/,
    );
    expect(sentCount(207)).toBe(1);
  });

  it('a 500 that sent nothing says so, keeps the draft, and the rep sends again once', async () => {
    sandbox.inject({ method: 'POST', path: executeUrl(219) }, { kind: 'status', status: 500 });
    await open(219);
    await typeOver(await panel.field(page, 'Subject'), 'Edited before the outage');
    await execute();
    expect(await panel.region(page, 'alert', 'Nothing was sent')).toMatch(
      /You can send it again\.$/,
    );
    expect(sentCount(219)).toBe(0);
    await execute();
    await panel.region(page, 'status', 'Sent.');
    expect(sandbox.sent.filter((m) => m.taskId === 219)).toMatchObject([
      { subject: 'Edited before the outage' },
    ]);
  });

  it('a 200 of the wrong shape is read back: Reply had sent it', async () => {
    sandbox.inject({ method: 'POST', path: executeUrl(215) }, { kind: 'wrong-shape' });
    await open(215);
    await execute();
    expect(await panel.region(page, 'status', 'Sent.')).toMatch(
      /Reply confirms the message went out\.$/,
    );
    expect(sentCount(215)).toBe(1);
  });

  it('an answer that is not JSON, from something that never reached Reply, is not sent', async () => {
    sandbox.inject({ method: 'POST', path: executeUrl(216) }, { kind: 'not-json' });
    await open(216);
    await execute();
    expect(await panel.region(page, 'alert', 'Nothing was sent')).toMatch(/send it again\.$/);
    expect(sentCount(216)).toBe(0);
  });

  it('an edited draft survives closing the page', async () => {
    await open(210);
    await (await panel.button(page, 'Edit HTML')).click();
    await typeOver(await panel.field(page, 'Body HTML'), 'Draft that must survive');
    await page.goto('https://run.reply.io/');
    await panel.waitGone(page);
    await open(210);
    await (await panel.button(page, 'Edit HTML')).click();
    const body = await panel.field(page, 'Body HTML');
    expect(await body.evaluate((el) => (el as HTMLTextAreaElement).value)).toBe(
      'Draft that must survive',
    );
    expect(sentCount(210)).toBe(0);
  });

  it('hostile task content runs nothing and loads nothing', async () => {
    await page.goto('https://run.reply.io/tasks/106');
    await panel.text(page, 'Task 106');
    const subject = await panel.field(page, 'Subject');
    expect(await subject.evaluate((el) => (el as HTMLInputElement).value)).toContain('<script>');
    await page.waitForFunction(
      () =>
        document
          .querySelector('execute-via-reply')
          ?.shadowRoot?.querySelector('iframe[title="Email preview"]'),
      { timeout: STEP_MS },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
    expect(sandbox.requests.filter((r) => r.host === TRACKER_HOST)).toEqual([]);
    expect(
      await page.evaluate(
        () => document.querySelectorAll('script:not([src]), img[onerror]').length,
      ),
    ).toBe(await page.evaluate(() => document.querySelectorAll('script:not([src])').length));
  });

  it('a page can neither reach the extension nor read the key', async () => {
    await open(211);
    expect(
      await page.evaluate(
        () =>
          typeof (window as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime
            ?.sendMessage,
      ),
    ).toBe('undefined');
    const panelText = await panel.text(page);
    expect(panelText).not.toContain(SANDBOX_API_KEY);
    expect(await page.content()).not.toContain(SANDBOX_API_KEY);

    if (!browser.inContentScript) return; // Firefox tests can't enter the content-script world.
    const storage = await browser.inContentScript(
      page,
      'chrome.storage.local.get(null).then((v) => JSON.stringify(v), (e) => "denied: " + e.message)',
    );
    expect(String(storage)).not.toContain(SANDBOX_API_KEY);
    expect(String(storage)).toMatch(/^denied/);
    const forged = await browser.inContentScript(
      page,
      `Promise.all(['getConnection', 'saveApiKey', 'removeApiKey'].map((type) => new Promise((r) =>
        chrome.runtime.sendMessage({ id: 1, type, data: type === 'saveApiKey' ? { apiKey: 'stolen' } : undefined, timestamp: Date.now() }, r))))`,
    );
    expect(forged).toEqual(
      Array(3).fill({
        res: { ok: false, error: expect.objectContaining({ kind: 'bad-message' }) },
      }),
    );
    expect(
      sandbox.apiRequests({ pathPattern: /whoami/ }).map((r) => r.headers['x-api-key']),
    ).not.toContain('stolen');
  });

  // Chromium's DevTools protocol can stop the service worker; Firefox's BiDi can't unload
  // an event page. The slow-answer case needs no second browser to prove the client's logic.
  if (name === 'chromium') {
    it('a service worker stopped mid-request comes back to the right outcome', async () => {
      sandbox.inject({ method: 'POST', path: executeUrl(220) }, { kind: 'delay', ms: 3_000 });
      await open(220);
      await execute();
      await waitUntil(() => sandbox.executeCalls(220).length === 1, 'the execute call');
      await browser.stopBackground?.();
      expect(await panel.region(page, 'status', 'Sent.')).toMatch(
        /Reply confirms the message went out\.$/,
      );
      expect(sentCount(220)).toBe(1);
      expect(sandbox.executeCalls(220)).toHaveLength(1);
    });

    it('an answer slower than the client timeout is reconciled, not re-sent', async () => {
      sandbox.inject({ method: 'POST', path: executeUrl(214) }, { kind: 'delay', ms: 17_000 });
      await open(214);
      await execute();
      // 15 s client timeout, then a short grace before reading the task back.
      const status = await panel.region(page, 'status', 'Sent.', 25_000);
      expect(status).toMatch(/Reply confirms the message went out\.$/);
      expect(sentCount(214)).toBe(1);
    }, 40_000);
  }
});

async function waitUntil(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + STEP_MS;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
