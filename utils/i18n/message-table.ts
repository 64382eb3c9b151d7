/**
 * The page panel's messages, read once by the background and handed to the panel's world
 * before the panel loads (utils/background/panel-messages.ts, utils/content/load-panel.ts),
 * because in Chromium the first `i18n.getMessage` in a page's content-script world fetches the
 * extension's message bundle with a synchronous call to the browser process: 11–35 ms of the
 * page's main thread, blocked, as the panel opened, in every tab (README, "Speed, measured").
 * Each message is taken as the browser itself resolves it (locale, fallbacks, `$$`), with marks in place of `$1`…`$9`, so
 * filling them in later gives what `getMessage(key, substitutions)` would have.
 */
export type MessageTable = Readonly<Record<string, string>>;

declare global {
  /** Set in a page's content-script world before the panel loads (utils/content/load-panel.ts). */
  var executeViaReplyMessages: MessageTable | undefined;
}

/** Chrome and Firefox take at most nine substitutions. */
const MAX_SUBSTITUTIONS = 9;
/** Private-use characters, which no message contains. */
const FIRST_MARK = 0xe001;
const MARKS = Array.from({ length: MAX_SUBSTITUTIONS }, (_, i) =>
  String.fromCharCode(FIRST_MARK + i),
);
const MARK = new RegExp(`[${MARKS.join('')}]`, 'g');

/** What the browser's own `i18n.getMessage` is called as. */
export type GetMessage = (name: string, substitutions?: string | string[]) => string;

/** The predefined messages the views read (utils/ui-language.ts), besides the extension's own. */
const PREDEFINED = ['@@ui_locale', '@@bidi_dir'];

/** The browser's messages with marks for substitutions, the predefined ones after them. */
export function markedMessages(getMessage: GetMessage, names: Iterable<string>): MessageTable {
  const table: Record<string, string> = {};
  for (const name of [...names, ...PREDEFINED]) table[name] = getMessage(name, MARKS);
  return table;
}

/**
 * A message from the table, its marks filled as the browser fills `$n` (a missing
 * substitution is empty), or undefined when the table doesn't hold it.
 */
export function messageFromTable(
  table: MessageTable | undefined,
  name: string,
  substitutions?: string | string[],
): string | undefined {
  const marked = table && Object.hasOwn(table, name) ? table[name] : undefined;
  if (marked === undefined) return undefined;
  const given = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return marked.replace(MARK, (mark) => given[mark.charCodeAt(0) - FIRST_MARK] ?? '');
}
