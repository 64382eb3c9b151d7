import { browser } from 'wxt/browser';
import { CHUNK_PORT_PREFIX } from '@/utils/panel-port';
import type * as SmsCountModule from '@/utils/sms-count';
import type * as EditorModule from './editor-module';

declare global {
  /** Defined in the panel's content-script world by the injected `editor.js`. */
  var executeViaReplyEditor: typeof EditorModule | undefined;
  /** Defined in the panel's content-script world by the injected `sms.js`. */
  var executeViaReplySms: typeof SmsCountModule | undefined;
}

/**
 * In a page, the panel's on-demand parts are injected by the background into this
 * content-script world (utils/background/panel-injection.ts), asked for through a port, as
 * the panel itself is: no import() of a computed URL, nothing web-accessible.
 */
export const loadEditor = () => injected('editor', () => globalThis.executeViaReplyEditor);
export const loadSmsCount = () => injected('sms', () => globalThis.executeViaReplySms);

const pending = new Map<string, Promise<unknown>>();

function injected<T>(chunk: string, read: () => T | undefined): Promise<T> {
  const loaded = read();
  if (loaded) return Promise.resolve(loaded);
  let promise = pending.get(chunk) as Promise<T> | undefined;
  if (!promise) {
    promise = new Promise<T>((resolve, reject) => {
      const port = browser.runtime.connect({ name: `${CHUNK_PORT_PREFIX}${chunk}` });
      const settle = (injected: unknown) => {
        const module = injected === true ? read() : undefined;
        if (module) resolve(module);
        else {
          // Not injected (the extension restarted under this page): try again next time.
          pending.delete(chunk);
          reject(new Error(`The ${chunk} could not be loaded.`));
        }
      };
      port.onMessage.addListener(settle);
      port.onDisconnect.addListener(() => settle(false));
    });
    pending.set(chunk, promise);
  }
  return promise;
}
