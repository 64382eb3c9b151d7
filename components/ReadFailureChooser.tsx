import type { ComponentChild } from 'preact';
import { useStore } from 'zustand';
import { i18n } from '#i18n';
import type { ChooserStore } from '@/utils/stores/chooser';
import { Alert } from './PanelParts';

const LABEL = {
  unreadable: 'chooser.unreadable',
  'no-details': 'chooser.noDetails',
} as const;

/**
 * The small control for a supported page whose person or recipients can't be read: one
 * button that opens the choice (an address the page shows, or one typed); the chosen address
 * then gets the usual view (`children`). Nothing is looked up before the rep chooses.
 */
export function ReadFailureChooser({
  store,
  children,
}: {
  store: ChooserStore;
  children: (address: string) => ComponentChild;
}) {
  const state = useStore(store);
  if (state.chosen) return <>{children(state.chosen)}</>;
  const { reason, candidates, unreadable, expanded, typed, error } = state;
  return (
    <section class="evr-panel evr-floating evr-chooser" aria-label={i18n.t('extName')}>
      <button
        type="button"
        class="evr-chooser-toggle"
        aria-expanded={expanded}
        aria-controls="evr-chooser-body"
        onClick={() => store.getState().toggle()}
      >
        {i18n.t(LABEL[reason])}
      </button>
      {expanded && (
        <div id="evr-chooser-body" class="evr-body">
          {reason === 'unreadable' ? (
            <Alert>{i18n.t('chooser.unreadableWhy')}</Alert>
          ) : (
            <p role="status">{i18n.t('chooser.noDetailsWhy')}</p>
          )}
          {unreadable.length > 0 && (
            <p>{i18n.t('chooser.unreadableRecipients', { recipients: unreadable.join(', ') })}</p>
          )}
          {candidates.length > 0 && (
            <ul class="evr-chooser-list" aria-label={i18n.t('chooser.addresses')}>
              {candidates.map((address) => (
                <li key={address}>
                  <button type="button" onClick={() => store.getState().pick(address)}>
                    {i18n.t('chooser.lookUpAddress', { address })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            class="evr-chooser-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              store.getState().submitTyped();
            }}
          >
            <label>
              {i18n.t('chooser.emailAddress')}{' '}
              <input
                type="email"
                autoComplete="off"
                value={typed}
                onInput={(event) => store.getState().setTyped(event.currentTarget.value)}
              />
            </label>
            <button type="submit">{i18n.t('chooser.lookUp')}</button>
          </form>
          {error && <Alert>{error}</Alert>}
        </div>
      )}
    </section>
  );
}
