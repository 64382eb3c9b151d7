import { browser } from 'wxt/browser';
import type * as SmsCountModule from '@/utils/sms-count';
import type * as EditorModule from './editor-module';

/**
 * In a page, the panel's on-demand parts are modules of their own (modules/panel-chunk.ts),
 * imported into the panel's content-script world by their extension URL, as the panel itself
 * is (utils/content/load-panel.ts). The browser keeps each module once imported; a failed
 * import (the extension restarted under the page) is tried again at the next call, under the
 * new session's URL.
 */
// Each URL written out, for the Firefox linter's allowlist (tests/build/lint-firefox.ts).
export const loadEditor = (): Promise<typeof EditorModule> =>
  import(/* @vite-ignore */ browser.runtime.getURL('/editor.js'));
export const loadSmsCount = (): Promise<typeof SmsCountModule> =>
  import(/* @vite-ignore */ browser.runtime.getURL('/sms.js'));
