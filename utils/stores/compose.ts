import { createStore } from 'zustand/vanilla';
import { i18n } from '#i18n';
import type { Connector } from '../connector';
import type { ComposeContext } from '../detect/context';
import type { Acknowledgement } from '../execution/executor';
import type { ExecutionOutcome } from '../messaging';
import type { Failure } from '../reply/errors';
import type { TaskSummary } from '../reply/schemas';

/**
 * Compose windows whose recipients are Reply contacts with pending manual emails: each such
 * (draft, task) pair can send the draft's own subject and body as the task's content.
 */
export interface DraftOffer {
  compose: ComposeContext;
  recipient: string;
  contactName: string | null;
  contactId: number;
  /** How many Reply contacts have this address: past one, the rep must tell which. */
  contactsWithAddress: number;
  task: TaskSummary;
  /** What the rep chose to send past so far (a reply since, checks that failed). */
  acknowledged: Acknowledgement[];
  execution:
    | { status: 'idle' }
    | { status: 'sending' }
    | { status: 'done'; outcome: ExecutionOutcome }
    | { status: 'failed'; error: Failure };
}

export interface ComposeState {
  lookup: { status: 'loading' } | { status: 'failed'; error: Failure } | { status: 'ready' };
  offers: DraftOffer[];
  reload(): Promise<void>;
  /** Sends the draft; `acknowledged` after the rep chose "Send anyway" past a check. */
  send(offer: DraftOffer, acknowledged?: Acknowledgement[]): Promise<void>;
  /** Completes the task without sending (its contact opted out). */
  complete(offer: DraftOffer): Promise<void>;
}

const emptyDraft = (): Failure => ({
  kind: 'not-executable',
  message: i18n.t('compose.emptyDraft'),
});

export function createComposeStore(connector: Connector, composes: ComposeContext[]) {
  return createStore<ComposeState>()((set, get) => {
    const update = (offer: DraftOffer, execution: DraftOffer['execution']) =>
      set({ offers: get().offers.map((o) => (o === offer ? { ...o, execution } : o)) });
    /** The offer as it is now (each update replaces it), found by its task and draft. */
    const latestOf = (offer: DraftOffer) =>
      get().offers.find((o) => o.task.id === offer.task.id && o.compose === offer.compose);
    const settle = (
      target: DraftOffer | undefined,
      result: Awaited<ReturnType<Connector['executeTask']>>,
    ) => {
      if (!target) return;
      update(
        target,
        result.ok
          ? { status: 'done', outcome: result.value }
          : { status: 'failed', error: result.error },
      );
    };

    return {
      lookup: { status: 'loading' },
      offers: [],
      async reload() {
        set({ lookup: { status: 'loading' }, offers: [] });
        const offers: DraftOffer[] = [];
        for (const compose of composes) {
          for (const recipient of compose.recipients) {
            const result = await connector.findPersonTasks({ emails: [recipient], phones: [] });
            if (!result.ok) {
              set({ lookup: { status: 'failed', error: result.error } });
              return;
            }
            const { contacts } = result.value;
            for (const contact of contacts) {
              for (const task of contact.tasks) {
                if (task.taskType !== 'manualEmail') continue;
                offers.push({
                  compose,
                  recipient,
                  contactName: contact.name,
                  contactId: contact.id,
                  contactsWithAddress: contacts.length,
                  task,
                  acknowledged: [],
                  execution: { status: 'idle' },
                });
              }
            }
          }
        }
        set({ lookup: { status: 'ready' }, offers });
      },
      async send(offer, acknowledged = []) {
        const current = get().offers.find((o) => o === offer);
        if (
          !current ||
          current.execution.status === 'sending' ||
          current.execution.status === 'done'
        ) {
          return;
        }
        const body = offer.compose.bodyField?.innerHTML.trim() ?? '';
        if (!body) {
          update(offer, { status: 'failed', error: emptyDraft() });
          return;
        }
        const subject = offer.compose.subjectField?.value ?? '';
        set({ offers: get().offers.map((o) => (o === offer ? { ...o, acknowledged } : o)) });
        // As in the task panel: the request leaves before "Sending…" is rendered.
        const answer = connector.executeTask({
          taskId: offer.task.id,
          content: { subject, body },
          ...(acknowledged.length > 0 ? { acknowledged } : {}),
        });
        update(latestOf(offer) ?? offer, { status: 'sending' });
        settle(latestOf(offer), await answer);
      },
      async complete(offer) {
        const current = get().offers.find((o) => o === offer);
        if (!current || current.execution.status === 'sending') return;
        const answer = connector.completeTask(offer.task.id);
        update(offer, { status: 'sending' });
        settle(latestOf(offer), await answer);
      },
    };
  });
}

export type ComposeStore = ReturnType<typeof createComposeStore>;
