import { useEffect, useState } from 'preact/hooks';
import { useStore } from 'zustand';
import { i18n } from '#i18n';
import {
  type DueGroup,
  filterCounts,
  groupQueue,
  QUEUE_FILTERS,
  type QueueFilter,
  queueOrder,
} from '@/utils/queue';
import type { TaskSummary } from '@/utils/reply/schemas';
import { formatTime, isSendableType, typeLabel } from '@/utils/reply/task';
import { type PopupStore, sendableOf } from '@/utils/stores/popup';
import { Alert, RetryableFailure } from './PanelParts';
import { BatchResult } from './queue/BatchResult';

const FILTER_LABELS: Record<QueueFilter, (count: number) => string> = {
  all: (n) => i18n.t('queue.filter.all', [String(n)]),
  messages: (n) => i18n.t('queue.filter.messages', [String(n)]),
  calls: (n) => i18n.t('queue.filter.calls', [String(n)]),
  linkedIn: (n) => i18n.t('queue.filter.linkedIn', [String(n)]),
  other: (n) => i18n.t('queue.filter.other', [String(n)]),
};

const GROUP_TITLES: Record<DueGroup, (count: number) => string> = {
  overdue: (n) => i18n.t('queue.group.overdue', [String(n)]),
  dueToday: (n) => i18n.t('queue.group.dueToday', [String(n)]),
  laterToday: (n) => i18n.t('queue.group.laterToday', [String(n)]),
};

/** A task the rep does (not an email or SMS), so it can be completed with others. */
const completable = (task: TaskSummary) =>
  !isSendableType(task.taskType) && task.taskType !== 'unknown';

/**
 * The rep's day: every task due, grouped (overdue, due today, later today) and filtered by
 * kind; any one opens in its task view, "Start tasks" works through them in order, tasks the
 * rep does can be completed together, emails and SMS reviewed or sent all at once.
 */
export function DueTasks({ store }: { store: PopupStore }) {
  const due = useStore(store, (s) => s.due);
  const openError = useStore(store, (s) => s.openError);
  const batch = useStore(store, (s) => s.batch);
  const bulkActive = useStore(store, (s) =>
    Boolean(s.bulk?.items.some((i) => i.state === 'pending' || i.state === 'sending')),
  );
  const [pasted, setPasted] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [filter, setFilter] = useState<QueueFilter>('all');
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const tasks = due.status === 'ready' ? due.tasks : [];
  const sendable = sendableOf(tasks).length;

  useEffect(() => {
    void store.getState().loadDue();
  }, [store]);

  const now = Date.now();
  const counts = filterCounts(tasks);
  const groups = groupQueue(tasks, filter, now);
  const chosen = tasks.filter((task) => selected.has(task.id) && completable(task));
  const toggle = (taskId: number, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(taskId);
    else next.delete(taskId);
    setSelected(next);
  };

  return (
    <section aria-labelledby="evr-due-title">
      <h2 id="evr-due-title">
        {due.status === 'ready'
          ? i18n.t('due.title', [String(tasks.length)])
          : i18n.t('due.titleLoading')}
      </h2>
      {due.status === 'loading' && <p role="status">{i18n.t('due.loading')}</p>}
      {due.status === 'failed' && (
        <RetryableFailure error={due.error} onRetry={() => void store.getState().loadDue()} />
      )}
      {due.status === 'ready' && tasks.length === 0 && <p>{i18n.t('due.nothing')}</p>}
      {batch && <BatchResult store={store} batch={batch} />}
      {sendable > 0 && !bulkActive && (
        <div class="evr-actions evr-due-actions">
          {confirming ? (
            <>
              <span>
                {i18n.t('due.confirmSendAll', sendable)}{' '}
                {i18n.t('due.placeholdersSkipped', ['{{placeholders}}'])}
              </span>
              <button
                type="button"
                class="evr-primary evr-send-all-confirm"
                onClick={() => {
                  setConfirming(false);
                  void store.getState().startBulk();
                }}
              >
                {i18n.t('due.sendThem')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {i18n.t('due.cancel')}
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                class="evr-primary"
                onClick={() => store.getState().startReview()}
              >
                {i18n.t('due.reviewAndSend')}
              </button>
              <button type="button" class="evr-send-all" onClick={() => setConfirming(true)}>
                {i18n.t('due.sendAll', sendable)}
              </button>
            </>
          )}
        </div>
      )}
      {tasks.length > 0 && (
        <>
          <fieldset class="evr-filters">
            <legend>{i18n.t('queue.filterLabel')}</legend>
            {QUEUE_FILTERS.map((name) => (
              <button
                key={name}
                type="button"
                aria-pressed={filter === name}
                class={`evr-filter-${name}`}
                onClick={() => setFilter(name)}
              >
                {FILTER_LABELS[name](counts[name])}
              </button>
            ))}
          </fieldset>
          <div class="evr-actions evr-queue-actions">
            <button
              type="button"
              class="evr-queue-start"
              disabled={groups.length === 0}
              onClick={() => store.getState().startQueue(queueOrder(tasks, filter, now))}
            >
              {i18n.t('queue.start')}
            </button>
            {chosen.length > 0 && (
              <button
                type="button"
                class="evr-complete-selected"
                disabled={batch?.status === 'sending'}
                onClick={() => {
                  setSelected(new Set());
                  void store.getState().completeSelected(chosen);
                }}
              >
                {i18n.t('queue.completeSelected', chosen.length)}
              </button>
            )}
          </div>
          {groups.length === 0 && <p>{i18n.t('queue.nothingShown')}</p>}
          <div class="evr-due">
            {groups.map(({ group, tasks: inGroup }) => (
              <section key={group} class={`evr-due-group evr-due-${group}`}>
                <h3>{GROUP_TITLES[group](inGroup.length)}</h3>
                <ul>
                  {inGroup.map((task) => (
                    <DueItem
                      key={task.id}
                      store={store}
                      task={task}
                      overdue={group === 'overdue'}
                      selected={selected.has(task.id)}
                      onSelect={completable(task) ? (on) => toggle(task.id, on) : null}
                    />
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </>
      )}
      <form
        class="evr-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (store.getState().openTask(pasted)) setPasted('');
        }}
      >
        <label>
          {i18n.t('due.openTask')}
          <input
            type="text"
            placeholder={i18n.t('due.openPlaceholder')}
            value={pasted}
            onInput={(e) => setPasted(e.currentTarget.value)}
          />
        </label>
        <button type="submit">{i18n.t('due.open')}</button>
      </form>
      {openError && <Alert>{openError}</Alert>}
    </section>
  );
}

function DueItem({
  store,
  task,
  overdue,
  selected,
  onSelect,
}: {
  store: PopupStore;
  task: TaskSummary;
  overdue: boolean;
  selected: boolean;
  /** Null for emails and SMS, which are sent rather than completed together. */
  onSelect: ((on: boolean) => void) | null;
}) {
  const who = task.contact?.fullName ?? `#${task.id}`;
  return (
    <li data-task-id={task.id}>
      {onSelect && (
        <input
          type="checkbox"
          class="evr-select"
          checked={selected}
          aria-label={i18n.t('queue.select', { name: who })}
          onChange={(e) => onSelect(e.currentTarget.checked)}
        />
      )}
      <button type="button" onClick={() => store.getState().openTask(task.id)}>
        <span>{who}</span>
        <span class="evr-muted">
          {task.taskType === 'manualEmail' ? i18n.t('due.email') : typeLabel(task)} ·{' '}
          {task.sequenceStepDisplayName ??
            (task.sequenceStepId === null ? i18n.t('due.oneOff') : i18n.t('due.sequenceStep'))}{' '}
          · {task.dueTo ? formatTime(task.dueTo) : i18n.t('due.noDueTime')}
          {overdue && <strong class="evr-error"> · {i18n.t('due.overdue')}</strong>}
        </span>
      </button>
    </li>
  );
}
