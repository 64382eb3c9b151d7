import type { MessageTable } from './i18n/message-table';

/**
 * The one exchange content scripts have before a panel exists: they open a port by this
 * name, and the background answers with the panel's messages (PanelPortAnswer) and closes it;
 * the content script then imports the panel (utils/content/load-panel.ts). A port rather than
 * the typed messenger keeps the always-loaded detector small; the background checks its sender
 * like any message's.
 */
export const PANEL_PORT = 'execute-via-reply:panel';

/**
 * The background's answer: the messages in the browser's language (null when they couldn't
 * be read: the panel then asks the browser for each), or false for a sender it doesn't serve.
 */
export type PanelPortAnswer = { messages: MessageTable | null } | false;

/**
 * A view's execution: the request and its answer travel on a port by this name, open while
 * the view waits (../execution-port.ts).
 */
export const EXECUTE_PORT = 'execute-via-reply:execute';

/** The panel's host element on the page (its shadow root holds the panel). */
export const PANEL_TAG = 'execute-via-reply';
