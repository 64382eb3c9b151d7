import { useEffect } from 'preact/hooks';
import { useStore } from 'zustand';
import { i18n } from '#i18n';
import type { PopupStore } from '@/utils/stores/popup';
import { Alert } from './PanelParts';
import { useSecondsUntil } from './useSecondsUntil';

/** Progress of "send the rest as they are": counts, a bar, pause and resume, what was left out. */
export function BulkRun({ store }: { store: PopupStore }) {
  const bulk = useStore(store, (s) => s.bulk);
  const error = useStore(store, (s) => s.bulkError);
  const active = !!bulk?.items.some((i) => i.state === 'pending' || i.state === 'sending');

  useEffect(() => {
    void store.getState().refreshBulk();
  }, [store]);
  useEffect(() => {
    if (!active) return;
    // The background runs the queue; the popup only watches while it is open.
    const poll = setInterval(() => void store.getState().refreshBulk(), 500);
    return () => {
      clearInterval(poll);
      // The run ended (or paused): what is due and what happened have changed.
      void store.getState().loadHistory();
      void store.getState().loadDue();
    };
  }, [store, active]);

  if (!bulk) return null;
  const count = (state: string) => bulk.items.filter((i) => i.state === state).length;
  const sent = count('sent');
  const failed = count('failed');
  const skipped = count('skipped') + count('completed');
  const left = count('pending') + count('sending');
  const total = bulk.items.length;
  const problems = bulk.items.filter(
    (i): i is typeof i & { state: keyof typeof PROBLEM_STATES } => i.state in PROBLEM_STATES,
  );

  return (
    <section class="evr-bulk" aria-labelledby="evr-bulk-title">
      <h2 id="evr-bulk-title">{i18n.t('bulk.title')}</h2>
      <p role="status">
        {i18n.t('bulk.counts', { sent, left, failed, skipped })}
        {bulk.paused && left > 0 ? ` · ${i18n.t('bulk.paused')}` : ''}
        {!active && left === 0 ? ` · ${i18n.t('bulk.done')}` : ''}
      </p>
      <progress max={total} value={total - left} aria-label={i18n.t('bulk.progress')} />
      {bulk.waitingUntil !== null && left > 0 && <RateLimitNote until={bulk.waitingUntil} />}
      <div class="evr-actions">
        {left > 0 && !bulk.paused && (
          <button type="button" onClick={() => void store.getState().pauseBulk()}>
            {i18n.t('bulk.pause')}
          </button>
        )}
        {left > 0 && bulk.paused && (
          <button
            type="button"
            class="evr-primary"
            onClick={() => void store.getState().resumeBulk()}
          >
            {i18n.t('bulk.resume')}
          </button>
        )}
        {(left === 0 || bulk.paused) && (
          <button type="button" onClick={() => void store.getState().clearBulk()}>
            {i18n.t('bulk.close')}
          </button>
        )}
      </div>
      {problems.length > 0 && (
        <ul class="evr-problems">
          {problems.map((item) => (
            <li key={item.taskId}>
              {i18n.t('bulk.problem', {
                who: item.contact ?? i18n.t('panel.taskNumber', { id: item.taskId }),
                state: i18n.t(PROBLEM_STATES[item.state]),
                reason: item.reason ?? '',
              })}
            </li>
          ))}
        </ul>
      )}
      {error && <Alert>{error.message}</Alert>}
    </section>
  );
}

const PROBLEM_STATES = {
  failed: 'bulk.state.failed',
  skipped: 'bulk.state.skipped',
  completed: 'bulk.state.completed',
} as const;

function RateLimitNote({ until }: { until: number }) {
  const seconds = useSecondsUntil(until);
  return <p class="evr-muted">{i18n.t('bulk.rateLimit', { seconds })}</p>;
}
