/**
 * The one exchange content scripts have before a panel exists: they open a port by this
 * name and the background injects the panel script into their frame, answers `true` (or
 * `false` when it couldn't), and closes the port. A port rather than the typed messenger
 * keeps the always-loaded detector small; the background checks its sender like any message.
 */
export const PANEL_PORT = 'execute-via-reply:panel';

/**
 * A view's execution: the request and its answer travel on a port by this name, open while
 * the view waits (../execution-port.ts).
 */
export const EXECUTE_PORT = 'execute-via-reply:execute';

/**
 * The panel's on-demand parts (`<prefix>editor`, `<prefix>sms`), injected into the asking
 * frame's content-script world the same way as the panel.
 */
export const CHUNK_PORT_PREFIX = 'execute-via-reply:chunk:';

/** The panel's host element on the page (its shadow root holds the panel). */
export const PANEL_TAG = 'execute-via-reply';
