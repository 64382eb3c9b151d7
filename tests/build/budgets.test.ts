import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/**
 * Size budgets of what the extension puts into pages. The always-loaded content scripts are
 * small detectors; the panel (Preact, Zustand, styles) loads only where there is a task; the
 * editor (Squire, DOMPurify) only when the rep starts editing an email, the SMS counter only
 * with an SMS task. The panel's own budget didn't grow for them; it grew by 1 KB for the
 * views of every task type the rep completes (call, LinkedIn, to-do, meeting, WhatsApp).
 */
const KB = 1024;
const BUDGETS = { detector: 6 * KB, panel: 26 * KB };
const ON_DEMAND = { 'editor.js': 34 * KB, 'sms.js': 13 * KB };

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

describe.each(['chrome-mv3', 'firefox-mv3'])('%s size budgets', (target) => {
  const dir = resolve('.output', target);

  it('has a build to measure', () => {
    expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
  });

  it(`keeps every content script within ${BUDGETS.detector / KB} KB gzip`, () => {
    const scripts = readdirSync(join(dir, 'content-scripts')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const size = gzipped(join(dir, 'content-scripts', script));
      expect(size, `${script}: ${size} bytes gzip`).toBeLessThanOrEqual(BUDGETS.detector);
    }
  });

  it('keeps the webextension polyfill out of the content scripts (they use the native namespace)', () => {
    const scripts = readdirSync(join(dir, 'content-scripts')).filter((f) => f.endsWith('.js'));
    // A sentence only the polyfill carries; the background, which keeps it, proves it is there.
    const POLYFILL = 'The message port closed before a response was received.';
    expect(readFileSync(join(dir, 'background.js'), 'utf8')).toContain(POLYFILL);
    for (const script of scripts) {
      expect(readFileSync(join(dir, 'content-scripts', script), 'utf8'), script).not.toContain(
        POLYFILL,
      );
    }
  });

  it("gives the content scripts the project's lazy context, not WXT's (wxt.config.ts)", () => {
    const scripts = readdirSync(join(dir, 'content-scripts')).filter((f) => f.endsWith('.js'));
    for (const script of scripts) {
      const code = readFileSync(join(dir, 'content-scripts', script), 'utf8');
      // Both name their announcement so; only WXT's carries its own prefix.
      expect(code, script).toContain(':content-script-started');
      expect(code, script).not.toContain('wxt:content-script-started');
    }
  });

  it('gives the panel and its parts their messages from the injected table (modules/panel-chunk.ts)', () => {
    for (const chunk of ['panel.js', 'editor.js', 'sms.js']) {
      const code = readFileSync(join(dir, chunk), 'utf8');
      // Wherever @wxt-dev/i18n is bundled, its getMessage is the table's.
      if (code.includes('Message not found'))
        expect(code, chunk).toContain('executeViaReplyMessages');
    }
    expect(readFileSync(join(dir, 'panel.js'), 'utf8')).toContain('executeViaReplyMessages');
  });

  it(`keeps the panel chunk within ${BUDGETS.panel / KB} KB gzip`, () => {
    const size = gzipped(join(dir, 'panel.js'));
    expect(size, `panel.js: ${size} bytes gzip`).toBeLessThanOrEqual(BUDGETS.panel);
  });

  it('leaves the editor out of the panel, to load on demand', () => {
    expect(readFileSync(join(dir, 'panel.js'), 'utf8')).not.toContain('squire-selection-start');
    expect(readFileSync(join(dir, 'editor.js'), 'utf8')).toContain('squire-selection-start');
  });

  it.each(Object.entries(ON_DEMAND))('keeps %s within its budget (gzip)', (file, budget) => {
    const size = gzipped(join(dir, file));
    expect(size, `${file}: ${size} bytes gzip`).toBeLessThanOrEqual(budget);
  });
});
