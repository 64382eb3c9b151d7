import { browser } from 'wxt/browser';
import type * as PanelModule from '@/components/panel-module';
import type { MessageTable } from '../i18n/message-table';
import { PANEL_PORT, type PanelPortAnswer } from '../panel-port';

export type Panel = typeof PanelModule;

/** The panel script, imported on first need, then shared by every panel of this world. */
let panelModule: Promise<Panel | undefined> | undefined;

/**
 * The panel (modules/panel-chunk.ts), once the background has said this page may have one and
 * handed over its messages; undefined when it can't load (the extension restarted under the
 * page, or the background refused), and then asked again next time.
 */
export function loadPanel(): Promise<Panel | undefined> {
  // Messages already here: the background has served this world (the follower in panel.js
  // asks again after Reply's script loaded it), and the module is the browser's already.
  const held = globalThis.executeViaReplyMessages;
  panelModule ??= (held ? Promise.resolve(held) : panelMessages())
    .then((messages) => {
      if (messages === undefined) return undefined;
      if (messages) globalThis.executeViaReplyMessages ??= messages;
      return import(/* @vite-ignore */ browser.runtime.getURL('/panel.js')) as Promise<Panel>;
    })
    .catch(() => undefined)
    .then((panel) => {
      if (!panel) panelModule = undefined;
      return panel;
    });
  return panelModule;
}

/** The background's answer on the panel's port: the messages, null without them, undefined for no. */
function panelMessages(): Promise<MessageTable | null | undefined> {
  return new Promise((resolve) => {
    const port = browser.runtime.connect({ name: PANEL_PORT });
    port.onMessage.addListener((answer: PanelPortAnswer) =>
      resolve(answer ? answer.messages : undefined),
    );
    port.onDisconnect.addListener(() => resolve(undefined));
  });
}
