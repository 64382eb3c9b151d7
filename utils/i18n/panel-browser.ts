import { browser as extension } from '@wxt-dev/browser';
import { messageFromTable } from './message-table';

/**
 * What @wxt-dev/i18n gets for its `browser` in the panel's build (modules/panel-chunk.ts), the
 * one member it uses: `i18n.getMessage`, from the table the background handed over before the
 * panel loaded (./message-table.ts), from the browser where the table is missing.
 */
export const browser = {
  i18n: {
    getMessage: (name: string, substitutions?: string | string[]): string =>
      messageFromTable(globalThis.executeViaReplyMessages, name, substitutions) ??
      extension.i18n.getMessage(name, substitutions),
  },
};
