import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { useStore } from 'zustand';
import type { CompleteBody } from '@/utils/reply/complete';
import type { Task } from '@/utils/reply/schemas';
import { statusText } from '@/utils/reply/task';
import type { PanelStore } from '@/utils/stores/panel';
import { Alert } from '../PanelParts';

/** One way to finish the task: its button's words, and what completing says to Reply. */
export interface CompletionChoice {
  label: string;
  /** Said once it is done: "Completed in Reply: reached, positive." */
  outcome: string;
  body?: Pick<CompleteBody, 'callResolution'>;
}

export const MARK_DONE: CompletionChoice[] = [{ label: 'Mark done', outcome: 'done' }];

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
    const words = chosen ? `: ${chosen.outcome}` : '';
    return (
      <p role="status" class="evr-success">
        Completed in Reply{words}. {statusText(execution.outcome.task)}.
        {confirmed === 'already-sent' ? ' It had already been completed from this browser.' : ''}
        {confirmed === 'after-connection-loss'
          ? ' The connection broke, but Reply confirms the task is complete.'
          : ''}
      </p>
    );
  }
  if (task.status !== 'new') {
    return (
      <p class="evr-note">This task is {statusText(task).toLowerCase()}: nothing to complete.</p>
    );
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
        Finish this prospect in the sequence
      </label>
      <p id={explanation} class="evr-muted">
        Reply then ends the sequence for this contact: none of its later steps go to them. Leave it
        off to carry on with the next step.
      </p>
      {unconfirmed ? (
        <div class="evr-actions">
          <button
            type="button"
            class="evr-primary"
            onClick={() => void store.getState().checkOutcome()}
          >
            Check with Reply
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
      {busy && <p role="status">Completing in Reply…</p>}
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
