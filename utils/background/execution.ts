import {
  type BatchOutcome,
  createExecutor,
  type ExecutionOutcome,
  sentOrFailed,
} from '../execution/executor';
import { createExecutionRecords } from '../execution/records';
import type { ExecuteRequest } from '../messaging';
import type { CompleteBody } from '../reply/complete';
import { heldByChecks, ReplyError } from '../reply/errors';
import type { Task, TaskType } from '../reply/schemas';
import { recipient, taskKnownBy } from '../reply/task';
import type { BulkItem, HistoryEntry } from '../storage';
import type { ReplyConnection } from './connection';
import type { Drafts } from './drafts';
import { about, type History } from './history';
import type { PreSendChecks } from './pre-send-checks';

const EXECUTIONS_KEPT = 500;

/** A task of a batch complete, as the queue knows it (a summary). */
export interface BatchItem {
  taskId: number;
  taskType: TaskType;
  contactId: number | null;
  contact: string | null;
}

/** What a summary says of a task, as a task (the rest unknown), for its record. */
const taskOf = ({ taskId, taskType, contactId }: BatchItem): Task =>
  taskKnownBy({ id: taskId, taskType, contactId });

/** A settled execution nobody was watching, for a notification. */
export type Unwatched = Pick<BulkItem, 'taskId' | 'contact' | 'state' | 'reason'>;

/**
 * What happens when a task is executed or completed: through the executor (one request per
 * task at a time, recorded before it goes out, read back after an unknown outcome, never
 * twice), then the draft dropped, the history written, the due count told, and, for a view's
 * execution that settled after every view watching it closed, the rep notified.
 */
export function createExecution(deps: {
  connection: ReplyConnection;
  drafts: Drafts;
  history: History;
  checks: PreSendChecks;
  graceMs?: number;
  /** After a task was executed or completed (one fewer due). */
  onDone?: () => void;
  onUnwatched?: (item: Unwatched) => void;
}) {
  const { drafts, history } = deps;
  const executor = createExecutor({
    client: deps.connection.client,
    records: createExecutionRecords(EXECUTIONS_KEPT),
    guard: deps.checks.guard,
    graceMs: deps.graceMs,
  });

  /** Views waiting for each task's execution (their execution ports open). */
  const watchers = new Map<number, number>();

  /**
   * The history is written behind the answer, not before it: its writes run in order and
   * reading it waits for them, so the rep hears the outcome a few storage round trips sooner
   * and the history still shows it. Whether anyone watched is decided as it settles.
   */
  function settled(entry: Omit<HistoryEntry, 'at'>, fromView: boolean) {
    const unwatched = fromView && !watchers.get(entry.taskId);
    history.remember(entry).catch(() => undefined);
    if (unwatched) {
      const { taskId, contact, outcome: state, reason } = entry;
      deps.onUnwatched?.({ taskId, contact, state, reason });
    }
  }

  /** After Reply took the task: the draft goes, the history says how it ended. */
  function done(outcome: ExecutionOutcome, contact: string | null, fromView: boolean) {
    deps.onDone?.();
    // Like the history: reads of drafts wait for this write.
    drafts.removeBehind(outcome.task.id).catch(() => undefined);
    if (outcome.confirmed === 'already-sent') return;
    const { state, reason } = sentOrFailed(outcome);
    settled(
      {
        ...about(outcome.task),
        contact: contact ?? recipient(outcome.task),
        outcome: state,
        reason,
      },
      fromView,
    );
  }

  /**
   * Executes a task and records how it ended. A view's execution (`fromView`) that settles
   * after every view watching it was closed is also reported as unwatched; a bulk run reports
   * its items itself.
   */
  async function execute(
    { taskId, acknowledged = [], ...body }: ExecuteRequest,
    {
      contact = null,
      contactId = null,
      fromView = false,
    }: { contact?: string | null; contactId?: number | null; fromView?: boolean } = {},
  ): Promise<ExecutionOutcome> {
    let outcome: ExecutionOutcome;
    try {
      outcome = await executor.execute(taskId, body, acknowledged);
    } catch (error) {
      const failure = error instanceof ReplyError ? error.toFailure() : null;
      // A rate-limited send is "not sent yet", and one the checks held back waits for the
      // rep (a run lists it as skipped): neither is a failure.
      if (failure?.kind !== 'rate-limited' && !heldByChecks(failure?.kind)) {
        const reason = failure?.message ?? null;
        settled(
          { taskId, taskType: null, contactId, contact, outcome: 'failed', reason },
          fromView,
        );
      }
      throw error;
    }
    done(outcome, contact, fromView);
    return outcome;
  }

  return {
    executor,
    execute,
    /** A view's execution: reported if it settles after every view watching it closed. */
    executeFromView: (request: ExecuteRequest) => execute(request, { fromView: true }),

    /** Completes a task without sending (a call made, a step done, an opt-out); once. */
    async complete(taskId: number, body: CompleteBody = {}): Promise<ExecutionOutcome> {
      const outcome = await executor.complete(taskId, body);
      done(outcome, null, false);
      return outcome;
    },

    /**
     * Completes several tasks at once (`POST /v3/tasks/batch/complete`, chunked) under the
     * same never-twice records as one complete; each task's outcome or failure is its own.
     */
    async completeMany(items: BatchItem[]): Promise<BatchOutcome[]> {
      const byId = new Map(items.map((item) => [item.taskId, item]));
      const outcomes = await executor.completeMany([...byId.values()].map(taskOf));
      for (const result of outcomes) {
        const contact = byId.get(result.taskId)?.contact ?? null;
        if (result.ok) await done(result.outcome, contact, false);
        else {
          const { taskId } = result;
          const contactId = byId.get(taskId)?.contactId ?? null;
          await history.remember({
            taskId,
            taskType: byId.get(taskId)?.taskType ?? null,
            contactId,
            contact,
            outcome: 'failed',
            reason: result.error.message,
          });
        }
      }
      return outcomes;
    },

    /** A view waits for a task's execution until the returned function is called. */
    watch(taskId: number): () => void {
      watchers.set(taskId, (watchers.get(taskId) ?? 0) + 1);
      let watching = true;
      return () => {
        if (!watching) return;
        watching = false;
        const left = (watchers.get(taskId) ?? 1) - 1;
        if (left > 0) watchers.set(taskId, left);
        else watchers.delete(taskId);
      };
    },

    status: (taskId: number) => executor.status(taskId),

    /** Settles executions a stopped background left open. */
    recover: () => executor.recover(),
  };
}

export type Execution = ReturnType<typeof createExecution>;
