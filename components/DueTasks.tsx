import { useEffect, useState } from 'preact/hooks';
import { useStore } from 'zustand';
import { formatTime, typeLabel } from '@/utils/reply/task';
import { type PopupStore, sendableOf } from '@/utils/stores/popup';
import { Alert, RetryableFailure } from './PanelParts';

/** Today's due and overdue tasks of every type; any one opens in its task view. */
export function DueTasks({ store }: { store: PopupStore }) {
  const due = useStore(store, (s) => s.due);
  const openError = useStore(store, (s) => s.openError);
  const bulkActive = useStore(store, (s) =>
    Boolean(s.bulk?.items.some((i) => i.state === 'pending' || i.state === 'sending')),
  );
  const [pasted, setPasted] = useState('');
  const [confirming, setConfirming] = useState(false);
  const sendable = due.status === 'ready' ? sendableOf(due.tasks).length : 0;

  useEffect(() => {
    void store.getState().loadDue();
  }, [store]);

  const now = Date.now();
  return (
    <section aria-labelledby="evr-due-title">
      <h2 id="evr-due-title">Due today{due.status === 'ready' ? ` (${due.tasks.length})` : ''}</h2>
      {due.status === 'loading' && <p role="status">Loading your due tasks…</p>}
      {due.status === 'failed' && (
        <RetryableFailure error={due.error} onRetry={() => void store.getState().loadDue()} />
      )}
      {due.status === 'ready' && due.tasks.length === 0 && <p>Nothing due today.</p>}
      {sendable > 0 && !bulkActive && (
        <div class="evr-actions evr-due-actions">
          {confirming ? (
            <>
              <span>
                Send all {sendable} emails and SMS without review? Tasks that still hold
                {' {{placeholders}} '}are skipped and listed.
              </span>
              <button
                type="button"
                class="evr-primary evr-send-all-confirm"
                onClick={() => {
                  setConfirming(false);
                  void store.getState().startBulk();
                }}
              >
                Send them
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                class="evr-primary"
                onClick={() => store.getState().startReview()}
              >
                Review and send
              </button>
              <button type="button" class="evr-send-all" onClick={() => setConfirming(true)}>
                Send all {sendable} as they are…
              </button>
            </>
          )}
        </div>
      )}
      {due.status === 'ready' && due.tasks.length > 0 && (
        <ul class="evr-due">
          {due.tasks.map((task) => {
            const overdue = task.dueTo !== null && Date.parse(task.dueTo) < now;
            return (
              <li key={task.id}>
                <button type="button" onClick={() => store.getState().openTask(task.id)}>
                  <span>{task.contact?.fullName ?? `Task ${task.id}`}</span>
                  <span class="evr-muted">
                    {task.taskType === 'manualEmail' ? 'Email' : typeLabel(task)} ·{' '}
                    {task.sequenceStepDisplayName ??
                      (task.sequenceStepId === null ? 'One-off' : 'Sequence step')}{' '}
                    · {task.dueTo ? formatTime(task.dueTo) : 'no due time'}
                    {overdue && <strong class="evr-error"> · Overdue</strong>}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form
        class="evr-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (store.getState().openTask(pasted)) setPasted('');
        }}
      >
        <label>
          Open a task
          <input
            type="text"
            placeholder="Task id or Reply link"
            value={pasted}
            onInput={(e) => setPasted(e.currentTarget.value)}
          />
        </label>
        <button type="submit">Open</button>
      </form>
      {openError && <Alert>{openError}</Alert>}
    </section>
  );
}
