import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { ExtensionPageDriver } from './harness/firefox';
import {
  type BrowserName,
  type BrowserUnderTest,
  connectKey,
  evaluateBody,
  panel,
  useScenario,
} from './support';

/**
 * axe-core over the popup (connected, with the due list; and with a task open), the options
 * page and the page panel, in both browsers. The panel is checked alone: the sandbox's Reply
 * page is deliberately garish around it.
 */
const axeSource: string = createRequire(import.meta.url)('axe-core').source;

/** A function body: loads axe, checks the document (or the element `arguments[0]` selects). */
const AXE_RUN = `${axeSource}
const scope = arguments[0] ? document.querySelector(arguments[0]) : document;
return window.axe.run(scope).then((result) => ({
  passed: result.passes.length,
  violations: result.violations.map((v) => v.id + ' (' + v.nodes.length + ')'),
}));`;

/** Anything that runs a function body in a page: a puppeteer page or an extension page driver. */
type Evaluates = Pick<ExtensionPageDriver, 'evaluate'>;
async function violations(page: Evaluates, scope: string | null = null): Promise<string[]> {
  const result = await page.evaluate<{ passed: number; violations: string[] }>(AXE_RUN, scope);
  // No rule passing would mean axe saw nothing, not that the page is fine.
  expect(result.passed).toBeGreaterThan(0);
  return result.violations;
}

describe.each(['chromium', 'firefox'] as const)(
  '%s: accessibility (axe-core)',
  (name: BrowserName) => {
    let browser: BrowserUnderTest;

    useScenario(name, (started) => {
      ({ browser } = started);
    });

    it('finds no violations in the popup, the options page and the panel', async () => {
      const inPage = (page: Parameters<typeof evaluateBody>[0]): Evaluates => ({
        evaluate: (body, ...args) => evaluateBody(page, body, ...args),
      });
      // The check itself can fail: a bare image and an unlabelled field are violations.
      const blank = await browser.openPage('about:blank');
      await blank.evaluate(() => {
        document.body.append(document.createElement('img'), document.createElement('input'));
      });
      expect(await violations(inPage(blank))).not.toEqual([]);

      const popup = await connectKey(browser);
      await popup.waitForText('#evr-due-title', 'Due today (');
      expect(await violations(popup)).toEqual([]);

      await popup.fill('.evr-form input[type="text"]', '101');
      await popup.click('.evr-form button[type="submit"]');
      await popup.waitForText('.evr-panel', 'Step 2 - Email');
      expect(await violations(popup)).toEqual([]);
      // With the formatted-text editor open (its toolbar shows once it has loaded).
      await popup.click('.evr-modes button');
      await popup.waitForText('.evr-panel [role="toolbar"]', 'Link');
      expect(await violations(popup)).toEqual([]);
      await popup.close();

      const options = await browser.extensionPage('options.html');
      await options.waitForText('#evr-settings-title', 'Settings');
      expect(await violations(options)).toEqual([]);
      await options.close();

      const page = await browser.openPage('https://run.reply.io/tasks/102');
      await panel.text(page, 'Send from');
      expect(await violations(inPage(page), 'execute-via-reply')).toEqual([]);
      await (await panel.button(page, 'Edit text')).click();
      await panel.text(page, 'Link↶Undo↷Redo');
      expect(await violations(inPage(page), 'execute-via-reply')).toEqual([]);

      // The dark theme follows the system, and its contrast holds too. Emulating the system's
      // choice needs the DevTools protocol: Chromium only.
      if (name !== 'chromium') return;
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      const background = await page.evaluate(() => {
        const root = document.querySelector('execute-via-reply')?.shadowRoot;
        const frame = root?.querySelector('.evr-panel');
        return frame ? getComputedStyle(frame).backgroundColor : null;
      });
      expect(background).toBe('rgb(28, 31, 38)');
      expect(await violations(inPage(page), 'execute-via-reply')).toEqual([]);
    });
  },
);
