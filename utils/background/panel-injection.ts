import { browser } from 'wxt/browser';
import type { Sender } from './door';

/**
 * Runs the panel script (built apart, see modules/panel-chunk.ts) in the content-script world
 * of the frame that asked, where the content script then finds its exports.
 */
export async function injectPanel(sender: Sender): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('Only a tab can take the panel.');
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    files: ['/panel.js'],
  });
}
