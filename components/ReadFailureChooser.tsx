import type { ComponentChild } from 'preact';
import { useStore } from 'zustand';
import type { ChooserStore } from '@/utils/stores/chooser';
import { Alert } from './PanelParts';

const LABEL: Record<'unreadable' | 'no-details', string> = {
  unreadable: 'Reply: couldn’t read who this is',
  'no-details': 'Reply: no email or phone on this record',
};

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
    <section class="evr-panel evr-floating evr-chooser" aria-label="Execute via Reply">
      <button
        type="button"
        class="evr-chooser-toggle"
        aria-expanded={expanded}
        aria-controls="evr-chooser-body"
        onClick={() => store.getState().toggle()}
      >
        {LABEL[reason]}
      </button>
      {expanded && (
        <div id="evr-chooser-body" class="evr-body">
          {reason === 'unreadable' ? (
            <Alert>
              The page doesn’t show who this is in a form the extension can read. Choose the address
              to look up in Reply, or type it.
            </Alert>
          ) : (
            <p role="status">
              This record shows no email address or phone number to look the person up by. Type an
              address to look up in Reply.
            </p>
          )}
          {unreadable.length > 0 && (
            <p>Recipients without a readable address: {unreadable.join(', ')}</p>
          )}
          {candidates.length > 0 && (
            <ul class="evr-chooser-list" aria-label="Addresses on this page">
              {candidates.map((address) => (
                <li key={address}>
                  <button type="button" onClick={() => store.getState().pick(address)}>
                    Look up {address}
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
              Email address{' '}
              <input
                type="email"
                autoComplete="off"
                value={typed}
                onInput={(event) => store.getState().setTyped(event.currentTarget.value)}
              />
            </label>
            <button type="submit">Look up</button>
          </form>
          {error && <Alert>{error}</Alert>}
        </div>
      )}
    </section>
  );
}
