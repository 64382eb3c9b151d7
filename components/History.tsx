import { useEffect } from 'preact/hooks';
import { useStore } from 'zustand';
import { i18n } from '#i18n';
import { formatTime, typeLabel } from '@/utils/reply/task';
import type { PopupStore } from '@/utils/stores/popup';

const OUTCOMES = {
  sent: 'history.outcome.sent',
  failed: 'history.outcome.failed',
  skipped: 'history.outcome.skipped',
  completed: 'history.outcome.completed',
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
      <summary>{i18n.t('history.title', { count: history.length })}</summary>
      {history.length === 0 ? (
        <p>{i18n.t('history.empty')}</p>
      ) : (
        <>
          <ul>
            {history.map((entry) => (
              <li key={`${entry.taskId}:${entry.at}`}>
                {formatTime(new Date(entry.at).toISOString())} ·{' '}
                {entry.contact ?? i18n.t('panel.taskNumber', { id: entry.taskId })}
                {entry.taskType ? ` · ${typeLabel({ taskType: entry.taskType })}` : ''} ·{' '}
                {i18n.t(OUTCOMES[entry.outcome])}
                {entry.reason ? `: ${entry.reason}` : ''}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void store.getState().clearHistory()}>
            {i18n.t('history.clear')}
          </button>
        </>
      )}
    </details>
  );
}
