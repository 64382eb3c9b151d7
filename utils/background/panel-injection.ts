import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
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
 */
export async function injectPanel(sender: Sender, file: ScriptPublicPath): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('Only a tab can take the panel.');
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    files: [file],
  });
}
