/**
 * The one exchange content scripts have before a panel exists: they open a port by this
 * name and the background injects the panel script into their frame, answers `true` (or
 * `false` when it couldn't), and closes the port. A port rather than the typed messenger
 * keeps the always-loaded detector small; the background checks its sender like any message.
 */
export const PANEL_PORT = 'execute-via-reply:panel';

/**
 * Open while a view waits for an execution (`<prefix><taskId>`): an execution that settles
 * after every such port closed (panel closed, tab gone, popup shut) raises a notification.
 */
export const WATCH_PORT_PREFIX = 'execute-via-reply:watch:';

/**
 * The panel's on-demand parts (`<prefix>editor`, `<prefix>sms`), injected into the asking
 * frame's content-script world the same way as the panel.
 */
export const CHUNK_PORT_PREFIX = 'execute-via-reply:chunk:';

/** The panel's host element on the page (its shadow root holds the panel). */
export const PANEL_TAG = 'execute-via-reply';
