import { browser } from 'wxt/browser';
import type * as PanelModule from '@/components/panel-module';
import type { MessageTable } from '../i18n/message-table';
import { PANEL_PORT, type PanelPortAnswer } from '../panel-port';

export type Panel = typeof PanelModule;

declare global {
  /**
   * The panel script, imported on first need, then shared by every panel of this
   * content-script world: by the content script and by the follower that came with the panel
   * (Reply's, utils/content/follow-reply-page.ts), two bundles with this module in each.
   */
  var executeViaReplyPanel: Promise<Panel | undefined> | undefined;
}

/**
 * The panel (modules/panel-chunk.ts), once the background has said this page may have one and
 * handed over its messages; undefined when it can't load (the extension restarted under the
 * page, or the background refused), and then asked again next time.
 */
export function loadPanel(): Promise<Panel | undefined> {
  globalThis.executeViaReplyPanel ??= panelMessages()
    .then((messages) => {
      if (messages === undefined) return undefined;
      if (messages) globalThis.executeViaReplyMessages ??= messages;
      return import(/* @vite-ignore */ browser.runtime.getURL('/panel.js')) as Promise<Panel>;
    })
    .catch(() => undefined)
    .then((panel) => {
      if (!panel) globalThis.executeViaReplyPanel = undefined;
      return panel;
    });
  return globalThis.executeViaReplyPanel;
}

/** The background's answer on the panel port: the messages, null without them, undefined: no. */
function panelMessages(): Promise<MessageTable | null | undefined> {
  return new Promise((resolve) => {
    const port = browser.runtime.connect({ name: PANEL_PORT });
    port.onMessage.addListener((answer: PanelPortAnswer) =>
      resolve(answer ? answer.messages : undefined),
    );
    port.onDisconnect.addListener(() => resolve(undefined));
  });
}
