import { describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, type Sandbox } from '../sandbox/server';
import {
  type BrowserName,
  type BrowserUnderTest,
  connectKey,
  panel,
  STEP_MS,
  useScenario,
} from './support';

/** "28. Nov. 2026, 19:47": German month, no AM/PM, a 24-hour clock. */
const GERMAN_DATE =
  /\d{1,2}\. (Jan\.|Feb\.|März|Apr\.|Mai|Juni|Juli|Aug\.|Sept\.|Okt\.|Nov\.|Dez\.) \d{4}, [0-2]\d:[0-5]\d\b/;
/** "(in 2 Stunden)", "(vor 3 Tagen)", "(jetzt)". */
const GERMAN_SPAN = /\((in|vor) \d+ (Minuten?|Stunden?|Tagen?)\)|\(jetzt\)/;

/**
 * A German-speaking rep: the browser started in German (Chromium: `LANGUAGE=de` with
 * Debian's chromium-l10n; Firefox ESR: `intl.locale.requested` with firefox-esr-l10n-de), the
 * production build as the stores get it. The popup and a panel speak German, with German dates.
 */
describe.each(['chromium', 'firefox'] as const)('%s in German', (name: BrowserName) => {
  let sandbox: Sandbox;
  let browser: BrowserUnderTest;

  useScenario(
    name,
    (started) => {
      ({ sandbox, browser } = started);
    },
    {},
    undefined,
    'de',
  );

  it('connects in German in the popup, whose page says it is German', async () => {
    const popup = await browser.popup();
    expect(await popup.evaluate<string>('return document.documentElement.lang')).toMatch(/^de/);
    expect(await popup.evaluate<string>('return document.documentElement.dir')).toBe('ltr');
    expect(await popup.evaluate<string>('return document.title')).toBe('Execute via Reply');
    await popup.waitForText('.evr-key', 'API-Schlüssel');
    await popup.fill('input[type="password"]', SANDBOX_API_KEY);
    await popup.click('button[type="submit"]');
    const status = await popup.waitForText('[role="status"]', 'Verbunden als');
    expect(status).toMatch(/^Verbunden als .+ \(Benutzer-ID \d+\)$/);
    expect(await popup.text('.evr-key')).toContain('Schlüssel entfernen');
    // The due list's times are German dates on a 24-hour clock.
    const due = await popup.waitForText('.evr-due', ', ');
    expect(due).toMatch(GERMAN_DATE);
    expect(due).not.toMatch(/\b(AM|PM)\b/);
    await popup.close();
  });

  it('shows a task panel in German and sends from it', async () => {
    const page = await browser.openPage('https://run.reply.io/tasks/101');
    const text = await panel.text(page, 'Fällig');
    for (const words of ['Typ', 'Manuelle E-Mail', 'Status', 'Neu', 'Betreff', 'Aufgabe 101']) {
      expect(text).toContain(words);
    }
    expect(text).toMatch(GERMAN_DATE);
    expect(text).toMatch(GERMAN_SPAN);
    expect(text).not.toMatch(/\b(AM|PM)\b/);
    const root = await page.waitForFunction(
      () => {
        const root = document.querySelector('execute-via-reply')?.shadowRoot;
        const el = root?.querySelector<HTMLElement>('.evr-root');
        return el ? `${el.lang} ${el.dir}` : false;
      },
      { timeout: STEP_MS },
    );
    expect(await root.jsonValue()).toMatch(/^de\S* ltr$/);
    // Its words came from the table the background injected with it, in the browser's language
    // (utils/i18n/message-table.ts). Only Chromium's content-script world can be entered.
    const table = await browser.inContentScript?.(
      page,
      `[executeViaReplyMessages['actions_execute'], executeViaReplyMessages['@@ui_locale']]`,
    );
    if (name === 'chromium') expect(table).toEqual(['Über Reply ausführen', 'de']);

    await (await panel.button(page, 'Über Reply ausführen')).click();
    const sent = await panel.region(page, 'status', 'Gesendet.');
    expect(sent).toMatch(/^Gesendet\. Erledigt am /);
    expect(sent).toMatch(GERMAN_DATE);
    expect(sandbox.executeCalls(101)).toHaveLength(1);
    await page.close();
  });
});

/**
 * A right-to-left browser (Hebrew; the extension has no Hebrew, so its words fall back to
 * English, but the direction is the browser's). The panel's root is `dir="rtl"` and the layout
 * mirrors: the floating panel sits at the bottom left instead of the bottom right.
 */
describe('chromium in Hebrew (right to left)', () => {
  let browser: BrowserUnderTest;

  useScenario(
    'chromium',
    (started) => {
      ({ browser } = started);
    },
    {},
    undefined,
    'he',
  );

  it('mirrors the panel: dir="rtl", anchored to the left edge', async () => {
    // No Hebrew in the extension: its words are English, its direction the browser's.
    const popup = await connectKey(browser);
    expect(await popup.evaluate<string>('return document.documentElement.dir')).toBe('rtl');
    await popup.close();

    const page = await browser.openPage('https://run.reply.io/tasks/101');
    await panel.text(page, 'Step 2 - Email');
    const layout = await page.evaluate(() => {
      const root = document.querySelector('execute-via-reply')?.shadowRoot;
      const container = root?.querySelector<HTMLElement>('.evr-root');
      const frame = root?.querySelector<HTMLElement>('.evr-panel')?.getBoundingClientRect();
      return {
        dir: container?.dir,
        direction: container ? getComputedStyle(container).direction : null,
        left: frame?.left,
        right: frame ? window.innerWidth - frame.right : null,
      };
    });
    expect(layout.dir).toBe('rtl');
    expect(layout.direction).toBe('rtl');
    // 16 px from the inline end, which in rtl is the left edge.
    expect(layout.left).toBe(16);
    expect(layout.right).toBeGreaterThan(16);
    await page.close();
  });
});
