import { useEffect } from 'preact/hooks';
import { useStore } from 'zustand';
import type { OptionsStore } from '@/utils/stores/options';

/** The rep's settings; each change is saved at once. */
export function SettingsForm({ store }: { store: OptionsStore }) {
  const settings = useStore(store, (s) => s.settings);
  const accounts = useStore(store, (s) => s.accounts);
  const saved = useStore(store, (s) => s.saved);
  const connection = useStore(store, (s) => s.connection);
  const change = store.getState().changeSettings;

  useEffect(() => {
    void store.getState().loadSettings();
  }, [store]);

  if (!settings) return null;
  return (
    <section aria-labelledby="evr-settings-title">
      <h2 id="evr-settings-title">Settings</h2>
      <div class="evr-form">
        <label>
          Auth header
          <select
            value={settings.authHeader}
            onChange={(e) =>
              void change({ authHeader: e.currentTarget.value as typeof settings.authHeader })
            }
          >
            <option value="auto">Automatic (whichever Reply accepts)</option>
            <option value="x-api-key">X-API-Key</option>
            <option value="bearer">Authorization: Bearer</option>
          </select>
        </label>
        {connection?.connected && connection.teams.length > 0 && (
          <label>
            Reply team
            <select
              value={connection.team === null ? '' : String(connection.team.id)}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (value !== '') void store.getState().chooseTeam(Number(value));
              }}
            >
              {connection.team === null && <option value="">Choose a team…</option>}
              {connection.teams.map((team) => (
                <option key={team.id} value={String(team.id)}>
                  {team.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Default account for one-off emails
          <select
            value={
              settings.defaultEmailAccountId === null ? '' : String(settings.defaultEmailAccountId)
            }
            onChange={(e) => {
              const value = e.currentTarget.value;
              void change({ defaultEmailAccountId: value === '' ? null : Number(value) });
            }}
          >
            <option value="">Reply’s default account</option>
            {(accounts ?? []).map((account) => (
              <option key={account.id} value={String(account.id)}>
                {account.senderName ? `${account.senderName} <${account.email}>` : account.email}
              </option>
            ))}
          </select>
        </label>
        {accounts === null && (
          <p class="evr-muted">Connect your Reply key in the popup to choose an account.</p>
        )}
        <label class="evr-check">
          <input
            type="checkbox"
            checked={settings.notifications}
            onChange={(e) => void change({ notifications: e.currentTarget.checked })}
          />
          Notify me of sends I didn’t watch (“send all”)
        </label>
        <label class="evr-check">
          <input
            type="checkbox"
            checked={settings.badge}
            onChange={(e) => void change({ badge: e.currentTarget.checked })}
          />
          Show how many tasks are due on the toolbar icon
        </label>
        {saved && (
          <p role="status" class="evr-muted">
            Saved.
          </p>
        )}
      </div>
    </section>
  );
}
