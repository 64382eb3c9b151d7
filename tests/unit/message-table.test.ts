import { describe, expect, it } from 'vitest';
import { type GetMessage, markedMessages, messageFromTable } from '@/utils/i18n/message-table';

/**
 * The panel's message table (utils/i18n/message-table.ts): what the browser resolves, with
 * marks for `$1`…`$9`, filled in later as `getMessage(name, substitutions)` fills them.
 */
describe('the panel’s message table', () => {
  /** A browser's getMessage over a few German messages, as Chrome substitutes `$n` and `$$`. */
  const messages: Record<string, string> = {
    greeting: 'Hallo $1, Aufgabe $2',
    price: 'Kostet $$5',
    plain: 'Über Reply ausführen',
    minutes: 'in 1 Minute | in $1 Minuten',
    '@@ui_locale': 'de',
  };
  const getMessage: GetMessage = (name, substitutions) => {
    const given = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    return (messages[name] ?? '').replace(/\$(\$|\d)/g, (_, what: string) =>
      what === '$' ? '$' : (given[Number(what) - 1] ?? ''),
    );
  };
  const table = markedMessages(getMessage, Object.keys(messages));

  it.each([
    ['greeting', ['Jane', '7']],
    ['greeting', ['Jane']],
    ['greeting', undefined],
    ['greeting', 'Jane'],
    ['price', undefined],
    ['plain', ['ignored']],
    ['minutes', ['5']],
    ['@@ui_locale', undefined],
  ] as [string, string | string[] | undefined][])(
    'gives %s with %j as the browser would',
    (name, substitutions) => {
      expect(messageFromTable(table, name, substitutions)).toBe(getMessage(name, substitutions));
    },
  );

  it('keeps a substitution’s own dollar signs as given, and an escaped one as one', () => {
    expect(messageFromTable(table, 'price')).toBe('Kostet $5');
    expect(messageFromTable(table, 'greeting', ['$1 & $$', 'x'])).toBe('Hallo $1 & $$, Aufgabe x');
  });

  it('says nothing of a name it doesn’t hold, or without a table', () => {
    expect(messageFromTable(table, 'missing')).toBeUndefined();
    expect(messageFromTable(table, 'toString')).toBeUndefined();
    expect(messageFromTable(undefined, 'plain')).toBeUndefined();
  });
});
