import { createStore } from 'zustand/vanilla';
import type { Connector } from '../connector';
import { type CustomSite, siteFromAddress } from '../custom-sites';
import type { ConnectionView } from '../messaging';
import { type Failure, ReplyError } from '../reply/errors';
import type { EmailAccount } from '../reply/schemas';
import type { Settings } from '../storage';

/** The options page: settings and the sites the rep added. */
export interface OptionsState {
  settings: Settings | null;
  /** For the default account; null while unknown or when Reply can't be asked. */
  accounts: EmailAccount[] | null;
  saved: boolean;
  /** For the team of a user in several Reply teams. */
  connection: ConnectionView | null;
  chooseTeam(teamId: number): Promise<void>;
  loadSettings(): Promise<void>;
  changeSettings(change: Partial<Settings>): Promise<void>;

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
  return createStore<OptionsState>()((set, get) => {
    const apply = (result: Awaited<ReturnType<Connector['listSites']>>) => {
      set(
        result.ok
          ? { sites: result.value, busy: false, error: null }
          : { busy: false, error: result.error },
      );
      return result.ok;
    };
    return {
      settings: null,
      accounts: null,
      saved: false,
      connection: null,
      async chooseTeam(teamId) {
        set({ saved: false });
        const result = await connector.chooseTeam(teamId);
        if (!result.ok) {
          set({ error: result.error });
          return;
        }
        // The sending accounts are the team's: ask again.
        const accounts = await connector.emailAccounts();
        set({
          connection: result.value,
          accounts: accounts.ok ? accounts.value : null,
          saved: true,
          error: null,
        });
      },
      async loadSettings() {
        const [settings, accounts, connection] = await Promise.all([
          connector.getSettings(),
          connector.emailAccounts(),
          connector.getConnection(),
        ]);
        set({
          settings: settings.ok ? settings.value : null,
          accounts: accounts.ok ? accounts.value : null,
          connection: connection.ok ? connection.value : null,
          error: settings.ok ? null : settings.error,
        });
      },
      async changeSettings(change) {
        const current = get().settings;
        if (!current) return;
        // Shown at once, so a quick second change builds on this one.
        const next = { ...current, ...change };
        set({ settings: next, saved: false });
        const result = await connector.saveSettings(next);
        set(result.ok ? { saved: true, error: null } : { saved: false, error: result.error });
      },
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
