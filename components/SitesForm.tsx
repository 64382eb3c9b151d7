import { useEffect, useState } from 'preact/hooks';
import { useStore } from 'zustand';
import { i18n } from '#i18n';
import type { OptionsStore } from '@/utils/stores/options';
import { Alert } from './PanelParts';

/** Adds and removes the rep's own sites, where explicit Reply task references get the panel. */
/** The attribute a page marks a Reply task with: code, the same in every language. */
const TASK_ATTRIBUTE = 'data-reply-task-id';

export function SitesForm({ store }: { store: OptionsStore }) {
  const { sites, busy, error } = useStore(store);
  const [address, setAddress] = useState('');

  useEffect(() => {
    void store.getState().refresh();
  }, [store]);

  // The attribute's name stays code, inside the sentence where the language puts it.
  const [introBefore, introAfter] = i18n.t('sites.intro', { attribute: '\u0000' }).split('\u0000');
  return (
    <section class="evr-key" aria-labelledby="evr-sites-title">
      <h2 id="evr-sites-title">{i18n.t('sites.title')}</h2>
      <p class="evr-muted">
        {introBefore}
        <code>{TASK_ATTRIBUTE}</code>
        {introAfter}
      </p>
      <form
        class="evr-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (await store.getState().addSite(address)) setAddress('');
        }}
      >
        <label>
          {i18n.t('sites.address')}
          <input
            type="text"
            inputMode="url"
            placeholder={i18n.t('sites.example')}
            value={address}
            onInput={(e) => setAddress(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="evr-primary" disabled={busy}>
          {i18n.t('sites.add')}
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
                aria-label={i18n.t('sites.removeNamed', { site: site.origin })}
                onClick={() => void store.getState().removeSite(site.origin)}
              >
                {i18n.t('sites.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {sites && sites.length === 0 && <p>{i18n.t('sites.none')}</p>}
    </section>
  );
}
