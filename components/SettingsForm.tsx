import { useEffect } from 'preact/hooks';
import { useStore } from 'zustand';
import { i18n } from '#i18n';
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
      <h2 id="evr-settings-title">{i18n.t('settings.title')}</h2>
      <div class="evr-form">
        <label>
          {i18n.t('settings.authHeader')}
          <select
            value={settings.authHeader}
            onChange={(e) =>
              void change({ authHeader: e.currentTarget.value as typeof settings.authHeader })
            }
          >
            <option value="auto">{i18n.t('settings.authAuto')}</option>
            <option value="x-api-key">{i18n.t('settings.authXApiKey')}</option>
            <option value="bearer">{i18n.t('settings.authBearer')}</option>
          </select>
        </label>
        {connection?.connected && connection.teams.length > 0 && (
          <label>
            {i18n.t('settings.team')}
            <select
              value={connection.team === null ? '' : String(connection.team.id)}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (value !== '') void store.getState().chooseTeam(Number(value));
              }}
            >
              {connection.team === null && (
                <option value="">{i18n.t('settings.chooseTeam')}</option>
              )}
              {connection.teams.map((team) => (
                <option key={team.id} value={String(team.id)}>
                  {team.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {i18n.t('settings.defaultAccount')}
          <select
            value={
              settings.defaultEmailAccountId === null ? '' : String(settings.defaultEmailAccountId)
            }
            onChange={(e) => {
              const value = e.currentTarget.value;
              void change({ defaultEmailAccountId: value === '' ? null : Number(value) });
            }}
          >
            <option value="">{i18n.t('settings.replyDefault')}</option>
            {(accounts ?? []).map((account) => (
              <option key={account.id} value={String(account.id)}>
                {account.senderName ? `${account.senderName} <${account.email}>` : account.email}
              </option>
            ))}
          </select>
        </label>
        {accounts === null && <p class="evr-muted">{i18n.t('settings.connectFirst')}</p>}
        <label class="evr-check">
          <input
            type="checkbox"
            checked={settings.notifications}
            onChange={(e) => void change({ notifications: e.currentTarget.checked })}
          />
          {i18n.t('settings.notifications')}
        </label>
        <label class="evr-check">
          <input
            type="checkbox"
            checked={settings.badge}
            onChange={(e) => void change({ badge: e.currentTarget.checked })}
          />
          {i18n.t('settings.badge')}
        </label>
        {settings.badge && (
          <label>
            {i18n.t('settings.badgeCounts')}
            <select
              value={settings.badgeCounts}
              onChange={(e) =>
                void change({ badgeCounts: e.currentTarget.value as typeof settings.badgeCounts })
              }
            >
              <option value="all">{i18n.t('settings.badgeAll')}</option>
              <option value="sendable">{i18n.t('settings.badgeSendable')}</option>
            </select>
          </label>
        )}
        {saved && (
          <p role="status" class="evr-muted">
            {i18n.t('settings.saved')}
          </p>
        )}
      </div>
    </section>
  );
}
