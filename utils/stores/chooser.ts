import { createStore } from 'zustand/vanilla';
import { i18n } from '#i18n';
import { normalizeEmail } from '../detect/context';

/**
 * "Reply: couldn't read who this is": the small control shown on a supported page whose
 * person or recipients can't be read. The rep picks one of the addresses the page shows, or
 * types one; only that choice is looked up (by the view the choice opens).
 */
export interface ChooserState {
  /** `unreadable`: nothing could be read; `no-details`: the record shows no email or phone. */
  reason: 'unreadable' | 'no-details';
  /** Addresses the page shows, to pick from. */
  candidates: string[];
  /** Recipients a draft shows without a readable address, as shown. */
  unreadable: string[];
  expanded: boolean;
  typed: string;
  /** Why the typed text can't be looked up. */
  error: string | null;
  chosen: string | null;
  toggle(): void;
  setTyped(text: string): void;
  /** Picks an offered address. */
  pick(address: string): void;
  /** Looks up what was typed, if it is an address. */
  submitTyped(): void;
}

export function createChooserStore(
  init: Pick<ChooserState, 'reason' | 'candidates' | 'unreadable'>,
) {
  return createStore<ChooserState>()((set, get) => ({
    ...init,
    expanded: false,
    typed: '',
    error: null,
    chosen: null,
    toggle: () => set({ expanded: !get().expanded }),
    setTyped: (typed) => set({ typed, error: null }),
    pick(address) {
      if (get().candidates.includes(address)) set({ chosen: address, error: null });
    },
    submitTyped() {
      const typed = get().typed.trim();
      const email = normalizeEmail(typed);
      if (!email) {
        set({
          error: typed
            ? i18n.t('chooser.notAnEmail', { typed: typed.slice(0, 100) })
            : i18n.t('chooser.typeAnEmail'),
        });
        return;
      }
      set({ chosen: email, error: null });
    },
  }));
}

export type ChooserStore = ReturnType<typeof createChooserStore>;
