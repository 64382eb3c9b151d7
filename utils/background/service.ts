import { createBulkRun } from './bulk-run';
import { type ConnectionOptions, createConnection } from './connection';
import { createDrafts } from './drafts';
import { createExecution, type Unwatched } from './execution';
import { createHistory } from './history';
import { createPersonLookup } from './person-lookup';
import { createPreSendChecks } from './pre-send-checks';
import { createReschedule } from './reschedule';
import { createTaskReads } from './task-reads';

export type { Unwatched };

/**
 * What the background does for the views, by capability, each in its own module: the
 * connection (the only code that reads the API key, and the one cached Reply client), task
 * reads, execution and completion, snoozing, person lookup, drafts, history and "send all". This only
 * links them; the door (./door.ts) wires each message to one of them.
 */
export function createReplyService(
  options: ConnectionOptions & {
    graceMs?: number;
    /** After a task was executed or completed (one fewer due). */
    onExecuted?: () => void;
    /** Schedules the bulk run's wake-up after a long rate-limit wait (an alarm). */
    wakeBulkAt?: (when: number) => void;
    /** An execution the rep didn't watch settled (a bulk item, or a panel closed meanwhile). */
    onUnwatched?: (item: Unwatched) => void;
  } = {},
) {
  const { graceMs, onExecuted, wakeBulkAt, onUnwatched, ...connectionOptions } = options;
  const connection = createConnection(connectionOptions);
  const people = createPersonLookup(connection.client);
  // Another key, team or user: what was looked up no longer holds.
  connection.onChange(people.clear);
  const checks = createPreSendChecks();
  const drafts = createDrafts();
  const history = createHistory();
  const execution = createExecution({
    connection,
    drafts,
    history,
    checks,
    graceMs,
    onUnwatched,
    onDone: () => {
      people.clear();
      onExecuted?.();
    },
  });
  const reschedule = createReschedule({
    connection,
    onMoved: () => {
      people.clear();
      connectionOptions.onDueChange?.();
    },
  });
  const tasks = createTaskReads({ connection, drafts, executor: execution.executor, checks });
  const bulk = createBulkRun({
    connection,
    execution,
    history,
    checks,
    wakeAt: wakeBulkAt,
    onUnwatched,
  });
  return { connection, tasks, execution, reschedule, people, drafts, history, bulk };
}

export type ReplyService = ReturnType<typeof createReplyService>;
