import { browser } from 'wxt/browser';
import { type GetMessage, type MessageTable, markedMessages } from '../i18n/message-table';

let messageTable: Promise<MessageTable> | undefined;

/**
 * The page panel's messages (utils/i18n/message-table.ts), every one in the browser's language,
 * read once per background life and handed to each content script that loads the panel
 * (utils/panel-port.ts). A failed read is tried again next time.
 */
export function panelMessages(): Promise<MessageTable> {
  messageTable ??= (async () => {
    // The default locale holds every message name (tests/i18n/check.ts keeps the others equal).
    const locale = browser.runtime.getManifest().default_locale ?? 'en';
    const bundle = await fetch(`/_locales/${locale}/messages.json`);
    const names = Object.keys((await bundle.json()) as Record<string, unknown>);
    // Typed by WXT for the names it knows; any name is a string to the browser.
    const getMessage = browser.i18n.getMessage.bind(browser.i18n) as GetMessage;
    return markedMessages(getMessage, names);
  })();
  messageTable.catch(() => {
    messageTable = undefined;
  });
  return messageTable;
}
