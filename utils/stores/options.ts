import { createStore } from 'zustand/vanilla';
import type { Connector } from '../connector';
import { type CustomSite, siteFromAddress } from '../custom-sites';
import { type Failure, ReplyError } from '../reply/errors';

/** The options page: the sites the rep added. */
export interface OptionsState {
  sites: CustomSite[] | null;
  busy: boolean;
  error: Failure | null;
  refresh(): Promise<void>;
  /** Asks the browser for the site's access, then registers it; true when it was added. */
  addSite(address: string): Promise<boolean>;
  removeSite(origin: string): Promise<void>;
}

/**
 * `requestAccess` must run inside the rep's click (browsers only show the permission prompt
 * for a user gesture), so `addSite` calls it before anything else it awaits.
 */
export function createOptionsStore(
  connector: Connector,
  requestAccess: (pattern: string) => Promise<boolean>,
) {
  return createStore<OptionsState>()((set) => {
    const apply = (result: Awaited<ReturnType<Connector['listSites']>>) => {
      set(
        result.ok
          ? { sites: result.value, busy: false, error: null }
          : { busy: false, error: result.error },
      );
      return result.ok;
    };
    return {
      sites: null,
      busy: false,
      error: null,
      refresh: async () => void apply(await connector.listSites()),
      async addSite(address) {
        const site = siteFromAddress(address);
        if (!site.ok) {
          set({ error: new ReplyError('invalid-site', { detail: site.reason }).toFailure() });
          return false;
        }
        const granted = await requestAccess(site.pattern).catch(() => false);
        if (!granted) {
          set({ error: new ReplyError('no-site-access').toFailure() });
          return false;
        }
        set({ busy: true, error: null });
        return apply(await connector.addSite(site.origin));
      },
      async removeSite(origin) {
        set({ busy: true, error: null });
        apply(await connector.removeSite(origin));
      },
    };
  });
}

export type OptionsStore = ReturnType<typeof createOptionsStore>;
