import { useEffect, useState } from 'preact/hooks';
import { useStore } from 'zustand';
import type { OptionsStore } from '@/utils/stores/options';
import { Alert } from './PanelParts';

/** Adds and removes the rep's own sites, where explicit Reply task references get the panel. */
export function SitesForm({ store }: { store: OptionsStore }) {
  const { sites, busy, error } = useStore(store);
  const [address, setAddress] = useState('');

  useEffect(() => {
    void store.getState().refresh();
  }, [store]);

  return (
    <section class="evr-key" aria-labelledby="evr-sites-title">
      <h2 id="evr-sites-title">Your sites</h2>
      <p class="evr-muted">
        Besides Reply, HubSpot, Salesforce, Pipedrive, Gmail and Outlook, the panel can open on a
        site you add (a self-hosted CRM, say) wherever a page links to a Reply task or marks one
        with <code>data-reply-task-id</code>. The extension asks for access to that site alone.
      </p>
      <form
        class="evr-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (await store.getState().addSite(address)) setAddress('');
        }}
      >
        <label>
          Site address
          <input
            type="text"
            inputMode="url"
            placeholder="crm.example.com"
            value={address}
            onInput={(e) => setAddress(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="evr-primary" disabled={busy}>
          Add site
        </button>
      </form>
      {error && <Alert>{error.message}</Alert>}
      {sites && sites.length > 0 && (
        <ul class="evr-sites">
          {sites.map((site) => (
            <li key={site.origin}>
              <span class="evr-mono">{site.origin}</span>
              <button
                type="button"
                disabled={busy}
                aria-label={`Remove ${site.origin}`}
                onClick={() => void store.getState().removeSite(site.origin)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {sites && sites.length === 0 && <p>No sites added yet.</p>}
    </section>
  );
}
