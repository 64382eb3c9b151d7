import { useLayoutEffect } from 'preact/hooks';
import { useStore } from 'zustand';
import { i18n } from '#i18n';
import { DISCARD_DRAFT } from '@/utils/detect/mail-sites';
import type { Acknowledgement } from '@/utils/execution/executor';
import { statusText } from '@/utils/reply/task';
import type { ComposeStore, DraftOffer } from '@/utils/stores/compose';
import { Alert, FloatingFrame, RetryableFailure } from './PanelParts';
import { isHeldByChecks, PreSendCheck } from './PreSendCheck';

/**
 * Drafts to Reply contacts with pending manual emails: send the draft through Reply (its
 * subject and body become the task's content), then, if the rep wants, discard the draft.
 * Several recipients or tasks are each listed, and so are several Reply contacts sharing one
 * address, each named; nothing is guessed, nothing sent from the mailbox, no draft discarded
 * unasked.
 */
export function ComposePanel({
  store,
  unreadable = [],
}: {
  store: ComposeStore;
  /** Recipients the drafts show without a readable address: listed, never looked up. */
  unreadable?: string[];
}) {
  const lookup = useStore(store, (s) => s.lookup);
  const offers = useStore(store, (s) => s.offers);

  // A layout effect: the request leaves in the task that mounts the view, not after its first
  // paint, which is a frame of the rep's wait.
  useLayoutEffect(() => {
    void store.getState().reload();
  }, [store]);

  return (
    <FloatingFrame>
      {lookup.status === 'loading' && <p role="status">{i18n.t('compose.lookingUp')}</p>}
      {lookup.status === 'failed' && (
        <RetryableFailure error={lookup.error} onRetry={() => void store.getState().reload()} />
      )}
      {lookup.status === 'ready' && offers.length === 0 && (
        <p role="status">{i18n.t('compose.noOffers')}</p>
      )}
      {unreadable.length > 0 && (
        <p>{i18n.t('compose.unreadable', { recipients: unreadable.join(', ') })}</p>
      )}
      {/* Two open drafts may go to one recipient: the position tells their offers apart. */}
      {offers.map((offer, index) => (
        <Offer key={`${index}:${offer.recipient}:${offer.task.id}`} store={store} offer={offer} />
      ))}
    </FloatingFrame>
  );
}

function Offer({ store, offer }: { store: ComposeStore; offer: DraftOffer }) {
  const { execution, task } = offer;
  const who = offer.contactName ? `${offer.contactName} <${offer.recipient}>` : offer.recipient;
  const held =
    execution.status === 'failed' && isHeldByChecks(execution.error) ? execution.error : null;
  const { acknowledged } = offer;
  return (
    <div class="evr-offer">
      <p>
        {i18n.t('compose.offer', { who, id: task.id })}
        {offer.contactsWithAddress > 1 &&
          ` ${i18n.t('compose.sharedAddress', offer.contactsWithAddress, { contact: offer.contactId })}`}
      </p>
      {held ? (
        <PreSendCheck
          error={held}
          onSendAnyway={() =>
            void store.getState().send(offer, [...acknowledged, held.kind as Acknowledgement])
          }
          onCheckAgain={() => void store.getState().send(offer, acknowledged)}
          onComplete={() => void store.getState().complete(offer)}
        />
      ) : (
        execution.status !== 'done' && (
          <button
            type="button"
            class="evr-primary"
            disabled={execution.status === 'sending'}
            onClick={() => void store.getState().send(offer)}
          >
            {i18n.t(execution.status === 'sending' ? 'actions.sending' : 'actions.execute')}
          </button>
        )
      )}
      {execution.status === 'failed' && !held && <Alert>{execution.error.message}</Alert>}
      {execution.status === 'done' && (
        <>
          <p role="status" class="evr-success">
            {i18n.t(
              execution.outcome.completed ? 'compose.completedWithoutSending' : 'compose.sent',
              { status: statusText(execution.outcome.task) },
            )}
          </p>
          <button type="button" onClick={() => discardDraft(offer)}>
            {i18n.t('compose.discardDraft')}
          </button>
        </>
      )}
    </div>
  );
}

/** Only on the rep's click: the mailbox's own discard control does it. */
function discardDraft({ compose }: DraftOffer): void {
  compose.root.querySelector<HTMLElement>(DISCARD_DRAFT[compose.site])?.click();
}
