import { useEffect, useState } from 'preact/hooks';
import { useStore } from 'zustand';
import { i18n } from '#i18n';
import type { PopupStore } from '@/utils/stores/popup';
import { Alert } from './PanelParts';
import { TeamPicker } from './TeamPicker';

/** Connects the extension to Reply: enter, check and remove the API key. */
export function ApiKeyForm({ store }: { store: PopupStore }) {
  const { connection, busy, error } = useStore(store);
  const [draft, setDraft] = useState('');

  useEffect(() => {
    void store.getState().refresh();
  }, [store]);

  if (connection === null && !error) return <p role="status">{i18n.t('key.checkingConnection')}</p>;

  return (
    <section class="evr-key" aria-labelledby="evr-key-title">
      <h2 id="evr-key-title">{i18n.t('key.title')}</h2>
      {connection?.connected ? (
        <>
          <p role="status" class="evr-success">
            {i18n.t('key.connectedAs', {
              name: connection.username ?? i18n.t('key.replyUser'),
              userId: connection.userId,
            })}
          </p>
          <p>
            {i18n.t('key.label')} <span class="evr-mono">••••••••{connection.keyHint}</span>
          </p>
          {connection.teams.length > 0 && (
            <TeamPicker
              teams={connection.teams}
              chosen={connection.team}
              busy={busy}
              onChoose={(teamId) => void store.getState().chooseTeam(teamId)}
            />
          )}
          <button
            type="button"
            disabled={busy}
            onClick={() => void store.getState().removeApiKey()}
          >
            {i18n.t('key.remove')}
          </button>
        </>
      ) : (
        <form
          class="evr-form"
          onSubmit={async (event) => {
            event.preventDefault();
            if (await store.getState().saveApiKey(draft)) setDraft('');
          }}
        >
          <label>
            {i18n.t('key.label')}
            <input
              type="password"
              autoComplete="off"
              spellcheck={false}
              required
              value={draft}
              onInput={(e) => setDraft(e.currentTarget.value)}
            />
          </label>
          <p class="evr-muted">{i18n.t('key.where')}</p>
          <button type="submit" class="evr-primary" disabled={busy || draft.trim() === ''}>
            {i18n.t(busy ? 'key.checking' : 'key.save')}
          </button>
        </form>
      )}
      {error && <Alert>{error.message}</Alert>}
    </section>
  );
}
