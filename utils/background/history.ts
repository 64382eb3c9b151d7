import { createWriteQueue, nextTask } from '../record-map';
import type { Task } from '../reply/schemas';
import { type HistoryEntry, historyItem } from '../storage';

/** Executions kept at most; the oldest go first. */
const HISTORY_KEPT = 200;

/** What a history entry keeps of the task it is about. */
export const about = (task: Task) => ({
  taskId: task.id,
  taskType: task.taskType,
  contactId: task.contactId,
});

/** The rep's newest executions (`local:history`), newest first, written one at a time. */
export function createHistory() {
  const writes = createWriteQueue();
  return {
    /** Queued at once, written after the current task (behind the answer being posted). */
    remember(entry: Omit<HistoryEntry, 'at'>): Promise<void> {
      const at = Date.now();
      return writes.run(async () => {
        await nextTask();
        const history = await historyItem.getValue();
        await historyItem.setValue([{ ...entry, at }, ...history].slice(0, HISTORY_KEPT));
      });
    },
    async list(): Promise<HistoryEntry[]> {
      await writes.settled();
      return historyItem.getValue();
    },
    // Queued behind entries still being written, so a cleared history stays cleared.
    clear: (): Promise<HistoryEntry[]> => writes.run(() => historyItem.setValue([])).then(() => []),
  };
}

export type History = ReturnType<typeof createHistory>;
