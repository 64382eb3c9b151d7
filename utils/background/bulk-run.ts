import { createBulkRunner } from '../execution/bulk';
import { steadyIntervalMs } from '../reply/rate-limit';
import { bulkRunItem } from '../storage';
import type { ReplyConnection } from './connection';
import type { Execution, Unwatched } from './execution';
import type { History } from './history';
import type { PreSendChecks } from './pre-send-checks';

/** "Send all as they are", wired to the background: the same executor, history and checks. */
export function createBulkRun(deps: {
  connection: ReplyConnection;
  execution: Execution;
  history: History;
  checks: PreSendChecks;
  /** Schedules the run's wake-up after a long rate-limit wait (an alarm). */
  wakeAt?: (when: number) => void;
  onUnwatched?: (item: Unwatched) => void;
}) {
  const { connection, execution, checks } = deps;
  return createBulkRunner({
    load: () => bulkRunItem.getValue(),
    save: (run) => bulkRunItem.setValue(run),
    getTask: async (taskId) => {
      const task = await (await connection.client()).getTask(taskId);
      checks.noteTask(task);
      return task;
    },
    execute: (taskId, contact, contactId) => execution.execute({ taskId }, { contact, contactId }),
    status: (taskId) => execution.status(taskId),
    wakeAt: (when) => deps.wakeAt?.(when),
    callSpacingMs: steadyIntervalMs(1),
    callsMade: () => connection.limiter.calls,
    upcoming: (contactIds) => checks.expect(contactIds),
    onSettled: (item) => {
      deps.onUnwatched?.(item);
      if (item.state === 'skipped') {
        void deps.history.remember({
          taskId: item.taskId,
          taskType: null,
          contactId: item.contactId,
          contact: item.contact,
          outcome: 'skipped',
          reason: item.reason,
        });
      }
    },
  });
}

export type BulkRunner = ReturnType<typeof createBulkRun>;
