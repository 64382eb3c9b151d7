import { createStore } from 'zustand/vanilla';
import { i18n } from '#i18n';
import type { Connector } from '../connector';
import { taskIdFromInput } from '../detect/reply';
import type { ConnectionView } from '../messaging';
import type { Failure } from '../reply/errors';
import type { TaskSummary } from '../reply/schemas';
import { isSendableType } from '../reply/task';
import type { BulkRun, HistoryEntry } from '../storage';

/** How the task before the current one in the queue ended, said above the next. */
export interface QueueStepEnd {
  contact: string;
  end: 'done' | 'skipped' | 'snoozed';
  /** For a snooze: until when (ISO). */
  until?: string;
}

/** "Start tasks": the day's queue, one task at a time in the task view. */
export interface QueueRun {
  tasks: TaskSummary[];
  index: number;
  last: QueueStepEnd | null;
  done: number;
  skipped: number;
  snoozed: number;
}

/** A batch complete: under way, or what Reply did with each task. */
export type BatchState =
  | { status: 'sending'; count: number }
  | {
      status: 'done';
      completed: number;
      failures: { taskId: number; contact: string | null; message: string }[];
    };

/** The toolbar popup's state: the connection to Reply, the due list, the task open in it. */
export interface PopupState {
  connection: ConnectionView | null;
  busy: boolean;
  error: Failure | null;
  refresh(): Promise<void>;
  saveApiKey(apiKey: string): Promise<boolean>;
  removeApiKey(): Promise<void>;
  /** For a user in several Reply teams: the team every call names. */
  chooseTeam(teamId: number): Promise<boolean>;

  due:
    | { status: 'loading' }
    | { status: 'failed'; error: Failure }
    | { status: 'ready'; tasks: TaskSummary[] };
  loadDue(): Promise<void>;
  /** The task shown in the preview-edit-execute view, instead of the list. */
  openTaskId: number | null;
  openError: string | null;
  openTask(input: string | number): boolean;
  closeTask(): void;

  /** "Send the rest as they are", run by the background; null when there is none. */
  bulk: BulkRun | null;
  bulkError: Failure | null;
  refreshBulk(): Promise<void>;
  startBulk(): Promise<void>;
  pauseBulk(): Promise<void>;
  resumeBulk(): Promise<void>;
  clearBulk(): Promise<void>;

  /** "Start tasks": null when not working through the queue. */
  queue: QueueRun | null;
  /** Works through these tasks (the filtered queue, in order). */
  startQueue(tasks: TaskSummary[]): void;
  /** The current task ended (done, skipped or snoozed): on to the next; past the last, the list. */
  endQueueStep(end: QueueStepEnd['end'], until?: string): void;
  stopQueue(): void;

  batch: BatchState | null;
  /** Completes the chosen tasks (never emails or SMS) at once; each failure is listed. */
  completeSelected(tasks: TaskSummary[]): Promise<void>;
  dismissBatch(): void;

  history: HistoryEntry[] | null;
  loadHistory(): Promise<void>;
  clearHistory(): Promise<void>;

  /** "Review and send": the due list one task at a time; null when not reviewing. */
  review: { tasks: TaskSummary[]; index: number } | null;
  startReview(): void;
  /** On to the next task (after sending or skipping it); past the last, back to the list. */
  nextInReview(): void;
  stopReview(): void;
  /**
   * Hands what is left to "send all as they are": the tasks after the current one, and the
   * current one too unless it was just sent.
   */
  sendRestOfReview(currentSent: boolean): Promise<void>;
}

export function createPopupStore(connector: Connector) {
  return createStore<PopupState>()((set, get) => {
    const apply = (result: Awaited<ReturnType<Connector['getConnection']>>): boolean => {
      set(
        result.ok
          ? { connection: result.value, error: null, busy: false }
          : { error: result.error, busy: false },
      );
      return result.ok;
    };
    const applyBulk = async (answer: ReturnType<Connector['bulkState']>) => {
      const result = await answer;
      set(result.ok ? { bulk: result.value, bulkError: null } : { bulkError: result.error });
    };
    return {
      connection: null,
      busy: false,
      error: null,
      refresh: async () => void apply(await connector.getConnection()),
      async saveApiKey(apiKey) {
        set({ busy: true, error: null });
        return apply(await connector.saveApiKey(apiKey));
      },
      async removeApiKey() {
        set({ busy: true, error: null });
        apply(await connector.removeApiKey());
      },
      async chooseTeam(teamId) {
        set({ busy: true, error: null });
        return apply(await connector.chooseTeam(teamId));
      },

      due: { status: 'loading' },
      async loadDue() {
        set({ due: { status: 'loading' } });
        const result = await connector.dueTasks();
        set({
          due: result.ok
            ? { status: 'ready', tasks: result.value }
            : { status: 'failed', error: result.error },
        });
        // Reply wants (another) team named: the connection now lists the teams to choose from.
        const kind = result.ok ? null : result.error.kind;
        if (kind === 'team-required' || kind === 'team-not-accessible') await get().refresh();
      },
      openTaskId: null,
      openError: null,
      openTask(input) {
        const taskId = typeof input === 'number' ? input : taskIdFromInput(input);
        if (taskId === null) {
          set({ openError: i18n.t('due.pasteInvalid') });
          return false;
        }
        set({ openTaskId: taskId, openError: null });
        return true;
      },
      // Back to the list: the due tasks and the history load as their views mount again.
      closeTask: () => set({ openTaskId: null }),

      bulk: null,
      bulkError: null,
      refreshBulk: () => applyBulk(connector.bulkState()),
      async startBulk() {
        const { due } = get();
        const tasks = due.status === 'ready' ? sendableOf(due.tasks) : [];
        if (tasks.length === 0) return;
        await applyBulk(connector.startBulk(tasks.map(bulkTask)));
      },
      pauseBulk: () => applyBulk(connector.pauseBulk()),
      resumeBulk: () => applyBulk(connector.resumeBulk()),
      async clearBulk() {
        await applyBulk(connector.clearBulk());
        void get().loadDue();
      },

      review: null,
      startReview() {
        const { due } = get();
        const tasks = due.status === 'ready' ? sendableOf(due.tasks) : [];
        if (tasks.length > 0) set({ review: { tasks, index: 0 } });
      },
      nextInReview() {
        const { review } = get();
        if (!review) return;
        if (review.index + 1 < review.tasks.length)
          set({ review: { ...review, index: review.index + 1 } });
        else get().stopReview();
      },
      stopReview: () => set({ review: null }),
      async sendRestOfReview(currentSent) {
        const { review } = get();
        if (!review) return;
        const rest = review.tasks.slice(review.index + (currentSent ? 1 : 0));
        set({ review: null });
        if (rest.length > 0) {
          await applyBulk(connector.startBulk(rest.map(bulkTask)));
        }
      },

      queue: null,
      startQueue(tasks) {
        if (tasks.length === 0) return;
        set({
          queue: { tasks, index: 0, last: null, done: 0, skipped: 0, snoozed: 0 },
          batch: null,
        });
      },
      endQueueStep(end, until) {
        const { queue } = get();
        const task = queue?.tasks[queue.index];
        if (!queue || !task) return;
        const counted = end === 'done' ? 'done' : end === 'skipped' ? 'skipped' : 'snoozed';
        const contact = task.contact?.fullName ?? `#${task.id}`;
        set({
          queue: {
            ...queue,
            index: queue.index + 1,
            last: { contact, end, ...(until ? { until } : {}) },
            [counted]: queue[counted] + 1,
          },
        });
      },
      stopQueue() {
        set({ queue: null });
        void get().loadDue();
      },

      batch: null,
      async completeSelected(tasks) {
        const doable = tasks.flatMap((task) => {
          const { taskType } = task;
          if (taskType === 'manualEmail' || taskType === 'sms' || taskType === 'unknown') return [];
          const contact = task.contact?.fullName ?? null;
          return [{ taskId: task.id, taskType, contactId: task.contact?.id ?? null, contact }];
        });
        if (doable.length === 0) return;
        set({ batch: { status: 'sending', count: doable.length } });
        const result = await connector.completeTasks(doable);
        const contactOf = new Map(doable.map((t) => [t.taskId, t.contact]));
        set({
          batch: result.ok
            ? {
                status: 'done',
                completed: result.value.filter((r) => r.ok).length,
                failures: result.value.flatMap((r) =>
                  r.ok
                    ? []
                    : [
                        {
                          taskId: r.taskId,
                          contact: contactOf.get(r.taskId) ?? null,
                          message: r.error.message,
                        },
                      ],
                ),
              }
            : {
                status: 'done',
                completed: 0,
                failures: doable.map(({ taskId, contact }) => ({
                  taskId,
                  contact,
                  message: result.error.message,
                })),
              },
        });
        void get().loadDue();
      },
      dismissBatch: () => set({ batch: null }),

      history: null,
      async loadHistory() {
        const result = await connector.history();
        if (result.ok) set({ history: result.value });
      },
      async clearHistory() {
        const result = await connector.clearHistory();
        if (result.ok) set({ history: result.value });
      },
    };
  });
}

/** "Review and send" and "send all" are for what can be sent: emails and SMS. */
export const sendableOf = (tasks: TaskSummary[]) =>
  tasks.filter((task) => isSendableType(task.taskType));

const bulkTask = (task: TaskSummary) => ({
  taskId: task.id,
  contact: task.contact?.fullName ?? null,
  contactId: task.contact?.id ?? null,
});

/** Connected, but in several Reply teams with none chosen yet: nothing else works until then. */
export const needsTeam = (connection: ConnectionView | null): boolean =>
  !!connection?.connected && connection.teams.length > 0 && connection.team === null;

export type PopupStore = ReturnType<typeof createPopupStore>;
