import { useEffect, useState } from 'preact/hooks';
import { useStore } from 'zustand';
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

  if (connection === null && !error) return <p role="status">Checking your connection…</p>;

  return (
    <section class="evr-key" aria-labelledby="evr-key-title">
      <h2 id="evr-key-title">Reply connection</h2>
      {connection?.connected ? (
        <>
          <p role="status" class="evr-success">
            Connected as {connection.username ?? 'Reply user'} (user id {connection.userId})
          </p>
          <p>
            API key <span class="evr-mono">••••••••{connection.keyHint}</span>
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
            Remove key
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
            API key
            <input
              type="password"
              autoComplete="off"
              spellcheck={false}
              required
              value={draft}
              onInput={(e) => setDraft(e.currentTarget.value)}
            />
          </label>
          <p class="evr-muted">
            Find it in Reply under Settings → API key. It stays in this browser, used only to talk
            to Reply.
          </p>
          <button type="submit" class="evr-primary" disabled={busy || draft.trim() === ''}>
            {busy ? 'Checking…' : 'Save'}
          </button>
        </form>
      )}
      {error && <Alert>{error.message}</Alert>}
    </section>
  );
}
