import { createStore } from 'zustand/vanilla';
import type { Connector } from '../connector';
import type { ComposeContext } from '../detect/context';
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
  task: TaskSummary;
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
  send(offer: DraftOffer): Promise<void>;
}

const EMPTY_DRAFT: Failure = {
  kind: 'not-executable',
  message: 'The draft has no text yet, so there is nothing to send.',
};

export function createComposeStore(connector: Connector, composes: ComposeContext[]) {
  return createStore<ComposeState>()((set, get) => {
    const update = (offer: DraftOffer, execution: DraftOffer['execution']) =>
      set({ offers: get().offers.map((o) => (o === offer ? { ...o, execution } : o)) });

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
            for (const task of result.value.tasks) {
              if (task.taskType !== 'manualEmail') continue;
              const contactName = result.value.contact?.name ?? null;
              offers.push({ compose, recipient, contactName, task, execution: { status: 'idle' } });
            }
          }
        }
        set({ lookup: { status: 'ready' }, offers });
      },
      async send(offer) {
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
          update(offer, { status: 'failed', error: EMPTY_DRAFT });
          return;
        }
        const subject = offer.compose.subjectField?.value ?? '';
        update(offer, { status: 'sending' });
        const latest = () =>
          get().offers.find((o) => o.task.id === offer.task.id && o.compose === offer.compose);
        const result = await connector.executeTask({
          taskId: offer.task.id,
          content: { subject, body },
        });
        const target = latest();
        if (!target) return;
        update(
          target,
          result.ok
            ? { status: 'done', outcome: result.value }
            : { status: 'failed', error: result.error },
        );
      },
    };
  });
}

export type ComposeStore = ReturnType<typeof createComposeStore>;
