import { useEffect } from 'preact/hooks';
import { useStore } from 'zustand';
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

  useEffect(() => {
    void store.getState().reload();
  }, [store]);

  return (
    <FloatingFrame>
      {lookup.status === 'loading' && <p role="status">Looking up the recipients in Reply…</p>}
      {lookup.status === 'failed' && (
        <RetryableFailure error={lookup.error} onRetry={() => void store.getState().reload()} />
      )}
      {lookup.status === 'ready' && offers.length === 0 && (
        <p role="status">No pending Reply emails for these recipients.</p>
      )}
      {unreadable.length > 0 && (
        <p>Recipients without a readable address (not looked up): {unreadable.join(', ')}</p>
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
        Draft to {who}: Reply task {task.id} is waiting for this email.
        {offer.contactsWithAddress > 1 &&
          ` ${offer.contactsWithAddress} Reply contacts have this address; this task is contact ${offer.contactId}’s.`}
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
            {execution.status === 'sending' ? 'Sending…' : 'Execute via Reply'}
          </button>
        )
      )}
      {execution.status === 'failed' && !held && <Alert>{execution.error.message}</Alert>}
      {execution.status === 'done' && (
        <>
          <p role="status" class="evr-success">
            {execution.outcome.completed
              ? 'Completed in Reply without sending'
              : 'Sent through Reply'}
            . {statusText(execution.outcome.task)}. This draft is no longer needed.
          </p>
          <button type="button" onClick={() => discardDraft(offer)}>
            Discard draft
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
