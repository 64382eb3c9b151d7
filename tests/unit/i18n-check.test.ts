import { parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { i18n } from '#i18n';
import { type LocaleMessage, localeProblems, rawStrings, unusedKeys } from '@/tests/i18n/rules';

const parse = (yaml: string) => parseMessagesText(yaml, 'YAML') as LocaleMessage[];

describe('the locale check', () => {
  const en = parse('a: A\nb:\n  c: Hello {name}\ntasks:\n  1: one task\n  n: $1 tasks\n');

  it('passes locales holding the same keys, substitutions and plural forms', () => {
    const de = parse('a: A\nb:\n  c: Hallo {name}\ntasks:\n  1: eine Aufgabe\n  n: $1 Aufgaben\n');
    const fr = parse(
      'a: A\nb:\n  c: Bonjour {name}\ntasks:\n  0: $1 tâche\n  1: $1 tâche\n  n: $1 tâches\n',
    );
    expect(localeProblems({ en, de, fr }, 'en')).toEqual([]);
  });

  it('names a missing key, an extra key, a lost substitution and a lost plural', () => {
    const de = parse('b:\n  c: Hallo\nextra: X\ntasks: Aufgaben\n');
    expect(localeProblems({ en, de }, 'en')).toEqual([
      'de: missing "a"',
      'de: "b_c" uses {}, en {name}',
      'de: "extra" is not in en',
      'de: "tasks" must be plural',
      'de: "tasks" uses $1…$0, en $1…$1',
    ]);
  });

  it('asks French for a 0 form (0 takes the singular) and refuses few/many languages', () => {
    const fr = parse('a: A\nb:\n  c: Bonjour {name}\ntasks:\n  1: $1 tâche\n  n: $1 tâches\n');
    const pl = parse('a: A\nb:\n  c: Cześć {name}\ntasks:\n  1: $1 zadanie\n  n: $1 zadań\n');
    expect(localeProblems({ en, fr, pl }, 'en')).toEqual([
      'fr: "tasks" needs a "0" form (0 takes the singular in this language)',
      'pl: "tasks": this language\'s plural forms (few,one,other) aren\'t supported',
    ]);
  });
});

describe('the unused-key check', () => {
  it('counts string literals (dots as the browser’s underscores) and __MSG_ names', () => {
    const sources = [
      { file: 'a.tsx', text: "i18n.t('panel.title'); const k = 'other';" },
      { file: 'wxt.config.ts', text: "name: '__MSG_extName__'" },
    ];
    expect(unusedKeys(['panel_title', 'other', 'extName', 'gone'], sources)).toEqual(['gone']);
  });
});

describe('the raw-text check', () => {
  it('finds text, text attributes and literals a JSX expression may show', () => {
    const view = [
      'export const V = ({ n, done }) => (',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a view's source, as text
      '  <p aria-label="Progress" title={`Task ${n}`} class="evr-x">',
      '    Sent {n}',
      "    {done ? ' · Done' : ''}",
      "    {n ?? 'none'}",
      '  </p>',
      ');',
    ].join('\n');
    expect(rawStrings('v.tsx', view)).toEqual([
      'v.tsx:2: aria-label="Progress"',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the view's source, as text
      'v.tsx:2: title=`Task ${n}`',
      'v.tsx:3: text "Sent"',
      "v.tsx:4: ' · Done'",
      "v.tsx:5: 'none'",
    ]);
  });

  it('lets through text that comes from i18n, class names and punctuation', () => {
    const view = [
      'export const V = ({ n }) => (',
      "  <p aria-label={i18n.t('progress')} class={n ? 'evr-a' : 'evr-b'}>",
      "    {i18n.t('sent', n)} · {n}{' '}",
      '  </p>',
      ');',
    ].join('\n');
    expect(rawStrings('v.tsx', view)).toEqual([]);
  });
});

describe('the i18n wrapper under test', () => {
  it('answers in English from locales/en.yml', () => {
    expect(i18n.t('common.tryAgain')).toBe('Try again');
    expect(i18n.t('@@bidi_dir')).toBe('ltr');
  });
});
