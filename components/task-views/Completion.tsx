import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { useStore } from 'zustand';
import { i18n } from '#i18n';
import type { CompleteBody } from '@/utils/reply/complete';
import type { Task } from '@/utils/reply/schemas';
import { nothingToComplete, statusText } from '@/utils/reply/task';
import type { PanelStore } from '@/utils/stores/panel';
import { Alert } from '../PanelParts';

/** One way to finish the task: its button's words, and what completing says to Reply. */
export interface CompletionChoice {
  label: string;
  /** Said once it is done: "Completed in Reply: reached, positive." */
  outcome: string;
  body?: Pick<CompleteBody, 'callResolution'>;
}

export const markDone = (): CompletionChoice[] => [
  { label: i18n.t('taskViews.markDone'), outcome: i18n.t('taskViews.doneOutcome') },
];

/**
 * The end of every task the rep does themselves: whether the prospect's sequence ends here
 * (off unless ticked), the buttons that complete the task, and the outcome in words. The store
 * and the executor see to it that a task is completed once.
 */
export function Completion({
  store,
  task,
  choices,
}: {
  store: PanelStore;
  task: Task;
  choices: CompletionChoice[];
}) {
  const execution = useStore(store, (s) => s.execution);
  const [finishProspect, setFinishProspect] = useState(false);
  const [chosen, setChosen] = useState<CompletionChoice | null>(null);
  const explanation = useId();

  if (execution.status === 'done') {
    const { confirmed } = execution.outcome;
    const status = statusText(execution.outcome.task);
    return (
      <p role="status" class="evr-success">
        {chosen
          ? i18n.t('taskViews.completedAs', { outcome: chosen.outcome, status })
          : i18n.t('taskViews.completed', { status })}
        {confirmed === 'already-sent' && ` ${i18n.t('taskViews.alreadyCompleted')}`}
        {confirmed === 'after-connection-loss' && ` ${i18n.t('taskViews.confirmedAfterLoss')}`}
      </p>
    );
  }
  if (task.status !== 'new') {
    return <p class="evr-note">{nothingToComplete(task.status)}</p>;
  }
  const busy = execution.status === 'sending';
  const unconfirmed = execution.status === 'failed' && execution.error.kind === 'unconfirmed';
  const complete = (choice: CompletionChoice) => {
    setChosen(choice);
    void store.getState().complete({
      ...choice.body,
      ...(finishProspect ? { finishProspectInSequence: true } : {}),
    });
  };

  return (
    <div class="evr-form">
      <label class="evr-check">
        <input
          type="checkbox"
          checked={finishProspect}
          disabled={busy || unconfirmed}
          aria-describedby={explanation}
          onChange={(e) => setFinishProspect(e.currentTarget.checked)}
        />
        {i18n.t('taskViews.finishProspect')}
      </label>
      <p id={explanation} class="evr-muted">
        {i18n.t('taskViews.finishProspectMeans')}
      </p>
      {unconfirmed ? (
        <div class="evr-actions">
          <button
            type="button"
            class="evr-primary"
            onClick={() => void store.getState().checkOutcome()}
          >
            {i18n.t('taskViews.checkWithReply')}
          </button>
        </div>
      ) : (
        <div class="evr-actions">
          {choices.map((choice, index) => (
            <button
              key={choice.label}
              type="button"
              class={index === 0 ? 'evr-primary' : undefined}
              // The queue's keys 1, 2, 3 pick a call's outcome by its place.
              data-outcome={index + 1}
              disabled={busy}
              onClick={() => complete(choice)}
            >
              {choice.label}
            </button>
          ))}
        </div>
      )}
      {busy && <p role="status">{i18n.t('taskViews.completing')}</p>}
      {execution.status === 'failed' && <Alert>{execution.error.message}</Alert>}
    </div>
  );
}

/** What the task says (its notes or the step's text), as plain text. */
export function TaskText({ task, children }: { task: Task; children?: ComponentChildren }) {
  const body = (task.content ?? task.template)?.body?.trim();
  if (!body) return null;
  return (
    <div class="evr-preview-block">
      {children}
      <p class="evr-preview evr-plain">{body}</p>
    </div>
  );
}
