import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { type GetMessage, type MessageTable, markedMessages } from '../i18n/message-table';
import { CHUNK_PORT_PREFIX, PANEL_PORT } from '../panel-port';
import type { Sender } from './door';

/** The scripts a content script may ask for, by the name of the port it opens. */
const SCRIPTS: Record<string, ScriptPublicPath> = {
  [PANEL_PORT]: '/panel.js',
  [`${CHUNK_PORT_PREFIX}editor`]: '/editor.js',
  [`${CHUNK_PORT_PREFIX}sms`]: '/sms.js',
};

/** The script a port asks for, or null when the port isn't one of these. */
export function scriptOfPort(name: string): ScriptPublicPath | null {
  return Object.hasOwn(SCRIPTS, name) ? (SCRIPTS[name] ?? null) : null;
}

/**
 * Runs a panel script (built apart, see modules/panel-chunk.ts) in the content-script world
 * of the frame that asked, where the content script (or the panel) then finds its exports.
 * The panel goes with its messages (utils/i18n/message-table.ts), in a second injection beside
 * it: the panel reads them only once mounted, after this has answered.
 */
export async function injectPanel(sender: Sender, file: ScriptPublicPath): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('Only a tab can take the panel.');
  const target = { tabId, frameIds: [sender.frameId ?? 0] };
  const injections: Promise<unknown>[] = [
    browser.scripting.executeScript({ target, files: [file] }),
  ];
  if (file === SCRIPTS[PANEL_PORT]) injections.push(injectMessages(target));
  await Promise.all(injections);
}

/** The panel's message table, into the same world. */
async function injectMessages(target: { tabId: number; frameIds: number[] }): Promise<void> {
  try {
    await browser.scripting.executeScript({
      target,
      func: (injected: MessageTable) => {
        globalThis.executeViaReplyMessages = injected;
      },
      args: [await panelMessages()],
    });
  } catch {
    // Without the table the panel asks the browser for each message, as the popup does.
  }
}

let messageTable: Promise<MessageTable> | undefined;

/** Every message, in the browser's language, read once per background life. */
function panelMessages(): Promise<MessageTable> {
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
