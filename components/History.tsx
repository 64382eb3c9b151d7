import { useEffect } from 'preact/hooks';
import { useStore } from 'zustand';
import { formatTime, typeLabel } from '@/utils/reply/task';
import type { PopupStore } from '@/utils/stores/popup';

const OUTCOMES = {
  sent: 'Sent',
  failed: 'Failed',
  skipped: 'Skipped',
  completed: 'Completed without sending',
} as const;

/** The newest executions kept in this browser: what went out, what failed and why. */
export function History({ store }: { store: PopupStore }) {
  const history = useStore(store, (s) => s.history);
  useEffect(() => {
    void store.getState().loadHistory();
  }, [store]);
  if (!history) return null;
  return (
    <details class="evr-history">
      <summary>History ({history.length})</summary>
      {history.length === 0 ? (
        <p>Nothing sent from this browser yet.</p>
      ) : (
        <>
          <ul>
            {history.map((entry) => (
              <li key={`${entry.taskId}:${entry.at}`}>
                {formatTime(new Date(entry.at).toISOString())} ·{' '}
                {entry.contact ?? `Task ${entry.taskId}`}
                {entry.taskType ? ` · ${typeLabel({ taskType: entry.taskType })}` : ''} ·{' '}
                {OUTCOMES[entry.outcome]}
                {entry.reason ? `: ${entry.reason}` : ''}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void store.getState().clearHistory()}>
            Clear history
          </button>
        </>
      )}
    </details>
  );
}
