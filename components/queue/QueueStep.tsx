import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Connector } from '@/utils/connector';
import { QUEUE_KEYS, type QueueAction, queueAction } from '@/utils/queue';
import { formatTime } from '@/utils/reply/task';
import { createPanelStore } from '@/utils/stores/panel';
import type { PopupStore, QueueRun } from '@/utils/stores/popup';
import { TaskPanel } from '../TaskPanel';
import { ShortcutHelp } from './ShortcutHelp';
import { SnoozeMenu } from './SnoozeMenu';

/** What the step before said about itself, for the rep to see above the next task. */
function lastStepText(last: NonNullable<QueueRun['last']>): string {
  if (last.end === 'done') return i18n.t('queue.lastDone', { who: last.contact });
  if (last.end === 'skipped') return i18n.t('queue.lastSkipped', { who: last.contact });
  const when = last.until ? formatTime(last.until) : '';
  return i18n.t('queue.lastSnoozed', { who: last.contact, when });
}

/** How the whole run went, once the last task is behind. */
export function queueSummary(queue: QueueRun): string {
  const parts = [
    i18n.t('queue.doneCount', queue.done),
    i18n.t('queue.skippedCount', queue.skipped),
    i18n.t('queue.snoozedCount', queue.snoozed),
  ];
  return i18n.t('queue.finished', { summary: parts.join(', ') });
}

/**
 * "Start tasks": the queue one task at a time in the task view. Sending or completing it opens
 * the next by itself; Skip and Snooze move on too. Every action has one key (shown, and listed
 * under `?`); no key acts while the rep types in a field or the editor.
 */
export function QueueStep({
  store,
  connector,
  queue,
}: {
  store: PopupStore;
  connector: Connector;
  queue: QueueRun;
}) {
  const task = queue.tasks[queue.index];
  const [helpOpen, setHelpOpen] = useState(false);
  // Keyed by the task: a new task never opens with the last one's menu, and no effect after
  // paint has to close it (a Z pressed first would be undone).
  const [snoozingTask, setSnoozingTask] = useState<number | null>(null);
  const snoozing = task !== undefined && snoozingTask === task.id;
  const setSnoozing = (on: boolean) => setSnoozingTask(on && task ? task.id : null);
  const view = useRef<HTMLElement>(null);
  const panel = useMemo(
    () => (task ? createPanelStore(connector, task.id) : null),
    [connector, task?.id],
  );
  useEffect(() => () => panel?.dispose(), [panel]);
  /** Next after a task that ended some other way (not New, say) counts it as skipped. */
  const next = () =>
    store
      .getState()
      .endQueueStep(panel?.getState().execution.status === 'done' ? 'done' : 'skipped');

  // Sent or completed: on to the next task by itself. Subscribed before the step is painted,
  // so a send as soon as the task shows is not missed.
  useLayoutEffect(() => {
    if (!panel) return;
    return panel.subscribe((state, before) => {
      if (state.execution.status === 'done' && before.execution.status !== 'done') {
        store.getState().endQueueStep('done');
      }
    });
  }, [panel, store]);

  const click = (selector: string) => {
    const button = view.current?.querySelector<HTMLButtonElement>(`${selector}:not(:disabled)`);
    button?.click();
    return Boolean(button);
  };

  // What is open is read from the page, not from state: a key pressed right after a change
  // must not meet a listener from the render before (registered before the paint, too).
  useLayoutEffect(() => {
    const act = (action: QueueAction) => {
      if (action === 'help') return setHelpOpen(true);
      const snoozing = Boolean(view.current?.querySelector('.evr-snooze'));
      if (snoozing && (action === 'outcome1' || action === 'outcome2')) {
        click(action === 'outcome1' ? '.evr-snooze-hour' : '.evr-snooze-tomorrow');
        return;
      }
      if (action === 'done') return void click('.evr-panel .evr-primary');
      if (action.startsWith('outcome')) return void click(`[data-outcome="${action.slice(-1)}"]`);
      if (action === 'snooze') return setSnoozing(true);
      if (action === 'skip') return store.getState().endQueueStep('skipped');
      if (action === 'next') next();
    };
    const onKey = (event: KeyboardEvent) => {
      const helpShown = Boolean(view.current?.querySelector('[role="dialog"]'));
      if (event.defaultPrevented) return;
      if (helpShown) {
        // Escape closes the list wherever the focus is (the dialog handles it when it has it).
        if (event.key === 'Escape') setHelpOpen(false);
        return;
      }
      const action = queueAction(event);
      if (!action) return;
      event.preventDefault();
      act(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store, panel]);

  if (!task || !panel) {
    return (
      <section aria-labelledby="evr-queue-title" class="evr-queue">
        <h2 id="evr-queue-title">{i18n.t('queue.noMore')}</h2>
        <p role="status">{queueSummary(queue)}</p>
        <button type="button" class="evr-primary" onClick={() => store.getState().stopQueue()}>
          {i18n.t('popup.backToList')}
        </button>
      </section>
    );
  }
  return (
    <section ref={view} aria-labelledby="evr-queue-title" class="evr-queue">
      <h2 id="evr-queue-title">
        {i18n.t('queue.stepTitle', {
          position: String(queue.index + 1),
          total: String(queue.tasks.length),
        })}
      </h2>
      {queue.last && (
        <p role="status" class="evr-muted evr-queue-last">
          {lastStepText(queue.last)}
        </p>
      )}
      <p class="evr-muted evr-keys-hint">{i18n.t('keys.onScreen')}</p>
      <TaskPanel key={task.id} store={panel} collapsible={false} />
      {snoozing && (
        <SnoozeMenu
          connector={connector}
          taskId={task.id}
          onSnoozed={(until) => store.getState().endQueueStep('snoozed', until)}
          onClose={() => setSnoozing(false)}
        />
      )}
      <div class="evr-actions">
        <button
          type="button"
          class="evr-queue-skip"
          onClick={() => store.getState().endQueueStep('skipped')}
        >
          {i18n.t('popup.skip')} <kbd>{QUEUE_KEYS.skip.toUpperCase()}</kbd>
        </button>
        {!snoozing && (
          <button type="button" class="evr-queue-snooze" onClick={() => setSnoozing(true)}>
            {i18n.t('snooze.button')} <kbd>{QUEUE_KEYS.snooze.toUpperCase()}</kbd>
          </button>
        )}
        <button type="button" class="evr-queue-next" onClick={next}>
          {i18n.t('popup.next')} <kbd>{QUEUE_KEYS.next.toUpperCase()}</kbd>
        </button>
        <button type="button" onClick={() => store.getState().stopQueue()}>
          {i18n.t('popup.stop')}
        </button>
        <button type="button" class="evr-keys-open" onClick={() => setHelpOpen(true)}>
          {i18n.t('keys.open')}
        </button>
      </div>
      {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
    </section>
  );
}
