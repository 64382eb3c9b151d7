import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../sandbox/server';
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
 * The body edited as formatted text in the page panel, in both browsers: what Reply receives
 * is the body with exactly the rep's change; a hostile paste runs and loads nothing; an SMS
 * shows what carriers will count.
 */
/** Everything the sanitiser must stop, as a web page could put it on the clipboard. */
const HOSTILE_PASTE =
  '<img src="https://tracker.example/paste.gif" onerror="window.pwned=1"><script>window.pwned=2</script><a href="javascript:window.pwned=3">link</a><p style="background:url(https://tracker.example/paste-bg.png)">pasted</p><iframe src="https://tracker.example/frame"></iframe><svg onload="window.pwned=4"></svg>';

describe.each(['chromium', 'firefox'] as const)(
  '%s: editing as it will arrive',
  (name: BrowserName) => {
    let sandbox: Sandbox;
    let browser: BrowserUnderTest;
    let page: Page;

    useScenario(name, async (started) => {
      ({ sandbox, browser } = started);
      await (await connectKey(browser)).close();
      page = await browser.openPage('https://run.reply.io/');
    });

    /** Opens the formatted-text editor on a task and waits for it to load. */
    const openEditor = async (taskId: number) => {
      await page.goto(`https://run.reply.io/tasks/${taskId}`);
      await panel.text(page, `Task ${taskId}`);
      await (await panel.button(page, 'Edit text')).click();
      await panel.text(page, 'Link↶Undo↷Redo');
    };

    /** Selects the first occurrence of `word` in the editor, as a double click would. */
    const select = (word: string) =>
      page.evaluate((want) => {
        const editor = document
          .querySelector('execute-via-reply')
          ?.shadowRoot?.querySelector<HTMLElement>('.evr-editor');
        if (!editor) throw new Error('no editor');
        editor.focus();
        const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node as Text).data.indexOf(want);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + want.length);
          const selection = window.getSelection();
          selection?.removeAllRanges();
          selection?.addRange(range);
          return;
        }
        throw new Error(`${want} is not in the editor`);
      }, word);

    it('makes a word bold and adds a link; Reply receives the body with exactly that change', async () => {
      await page.goto('https://run.reply.io/tasks/101');
      await panel.text(page, 'Task 101');
      await (await panel.button(page, 'Edit HTML')).click();
      const original = await (await panel.field(page, 'Body HTML')).evaluate(
        (el) => (el as HTMLTextAreaElement).value,
      );
      expect(original).toContain('15-minute call');
      await (await panel.button(page, 'Edit text')).click();
      await panel.text(page, 'Link↶Undo↷Redo');

      await select('15-minute');
      await page.keyboard.down('Control');
      await page.keyboard.press('b');
      await page.keyboard.up('Control');
      await page.waitForFunction(
        () =>
          document
            .querySelector('execute-via-reply')
            ?.shadowRoot?.querySelector('button.evr-tool-bold')
            ?.getAttribute('aria-pressed') === 'true',
        { timeout: STEP_MS },
      );
      await select('next week');
      await (await panel.button(page, 'Link')).click();
      await typeOver(await panel.field(page, 'Link address'), 'https://example.com/calendar');
      await (await panel.button(page, 'Apply link')).click();
      await panel.text(page, 'Discard edits');

      await (await panel.button(page, 'Execute via Reply')).click();
      await panel.region(page, 'status', 'Sent.');
      expect(sandbox.executeCalls(101).map((c) => c.body)).toEqual([
        {
          content: {
            subject: 'Quick question, Jane',
            body: original
              .replace('15-minute', '<b>15-minute</b>')
              .replace('next week', '<a href="https://example.com/calendar">next week</a>'),
          },
        },
      ]);
    });

    it('pastes a hostile snippet: nothing runs, nothing loads, only the safe subset arrives', async () => {
      await openEditor(106);
      await select('Styled');
      // A real paste: the page puts the snippet on the clipboard in a copy event (Firefox
      // carries no data in a paste event a page makes up), then Ctrl+C and Ctrl+V. Chromium's
      // keyboard input doesn't run the copy command, so there the paste event is made up.
      await page.evaluate((html) => {
        (window as { hostile?: string }).hostile = html;
        window.addEventListener(
          'copy',
          (event) => {
            event.clipboardData?.setData('text/html', html);
            event.clipboardData?.setData('text/plain', 'pasted');
            event.preventDefault();
            event.stopImmediatePropagation();
          },
          { capture: true, once: true },
        );
      }, HOSTILE_PASTE);
      if (name === 'firefox') {
        await page.keyboard.down('Control');
        await page.keyboard.press('c');
        await page.keyboard.press('v');
        await page.keyboard.up('Control');
      } else {
        await page.evaluate(() => {
          const editor = document
            .querySelector('execute-via-reply')
            ?.shadowRoot?.querySelector<HTMLElement>('.evr-editor');
          const data = new DataTransfer();
          data.setData('text/html', (window as { hostile?: string }).hostile ?? '');
          data.setData('text/plain', 'pasted');
          editor?.dispatchEvent(
            new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
          );
        });
      }
      await panel.text(page, 'pasted');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
      const inEditor = await page.evaluate(() => {
        const editor = document
          .querySelector('execute-via-reply')
          ?.shadowRoot?.querySelector<HTMLElement>('.evr-editor');
        return {
          loading: editor?.querySelectorAll('[src], [style*="url("]').length,
          unsafe: editor?.querySelectorAll(
            'script, iframe, svg, form, [onerror], [onload], a[href^="javascript"]',
          ).length,
        };
      });
      expect(inEditor).toEqual({ loading: 0, unsafe: 0 });
      expect(sandbox.requests.filter((r) => r.host === TRACKER_HOST)).toEqual([]);
      // Opening a hostile task in the editor loaded its tracking pixel no more than pasting did.
      expect(sandbox.executeCalls(106)).toHaveLength(0);
    });

    it('counts an SMS: 161 GSM characters are 2 segments, an emoji makes it UCS-2', async () => {
      await page.goto('https://run.reply.io/tasks/103');
      await panel.text(page, 'Dialled as +15550100');
      const body = await panel.field(page, 'Body');
      await typeOver(body, 'a'.repeat(161));
      expect(await panel.text(page, '2 segments')).toContain(
        '161 characters · 2 segments (GSM-7, 153 per part)',
      );
      await typeOver(body, 'See you at 3 🙂');
      expect(await panel.text(page, 'UCS-2')).toContain('1 segment (UCS-2, 70 per message)');
      expect(await panel.text(page, 'is not in the GSM-7 alphabet')).toContain('“🙂”');
      expect(sandbox.executeCalls(103)).toHaveLength(0);
    });
  },
);
