import { createStore } from 'zustand/vanilla';
import type { Connector } from '../connector';
import type { ConnectionView } from '../messaging';
import type { Failure } from '../reply/errors';

/** The toolbar popup's state: the connection to Reply. */
export interface PopupState {
  connection: ConnectionView | null;
  busy: boolean;
  error: Failure | null;
  refresh(): Promise<void>;
  saveApiKey(apiKey: string): Promise<boolean>;
  removeApiKey(): Promise<void>;
}

export function createPopupStore(connector: Connector) {
  return createStore<PopupState>()((set) => {
    const apply = (result: Awaited<ReturnType<Connector['getConnection']>>): boolean => {
      set(
        result.ok
          ? { connection: result.value, error: null, busy: false }
          : { error: result.error, busy: false },
      );
      return result.ok;
    };
    return {
      connection: null,
      busy: false,
      error: null,
      refresh: async () => void apply(await connector.getConnection()),
      async saveApiKey(apiKey) {
        set({ busy: true, error: null });
        return apply(await connector.saveApiKey(apiKey));
      },
      async removeApiKey() {
        set({ busy: true, error: null });
        apply(await connector.removeApiKey());
      },
    };
  });
}

export type PopupStore = ReturnType<typeof createPopupStore>;
