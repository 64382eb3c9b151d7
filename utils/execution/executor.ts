import { i18n } from '#i18n';
import type { RecordMap } from '../record-map';
import type { BatchFailure, ExecuteBody, ReplyClient } from '../reply/client';
import type { CompleteBody } from '../reply/complete';
import { type Failure, ReplyError } from '../reply/errors';
import type { Task } from '../reply/schemas';
import { isSendableType, whyNotExecutable } from '../reply/task';
import type { ExecutionRecord } from '../storage';

/**
 * The only code that sends. Executing a task sends a real message and Reply offers no
 * idempotency key, so:
 * - a second request for a task in flight joins the first one's outcome;
 * - a task this browser already sent is answered from the record, without posting;
 * - the intent is recorded before the POST goes out, so a background stopped mid-request
 *   reconciles on its next start;
 * - when the outcome is unknown (timeout, dropped connection, 5xx, an unreadable answer) the
 *   task is read back from Reply (Finished = sent, New = not sent), never re-posted blindly.
 */
export interface ExecutionOutcome {
  task: Task;
  /**
   * Set when the outcome came from reading the task back rather than from the execute answer:
   * after a lost connection, from this browser's record, or after Reply refused a task that
   * turned out finished (browsers may re-post a request whose connection dropped).
   */
  confirmed?: 'after-connection-loss' | 'already-sent' | 'already-finished';
  /** The task was completed without sending anything (`POST /v3/tasks/{id}/complete`). */
  completed?: true;
}

/** One task of a batch complete: what Reply did with it. */
export type BatchOutcome =
  | { taskId: number; ok: true; outcome: ExecutionOutcome }
  | { taskId: number; ok: false; error: Failure };

/** Reply takes at most this many ids in one batch complete. */
export const BATCH_MAX = 100;

/** What a batch failure means for the rep, in a sentence of its own. */
function batchFailureError(taskId: number, failure: BatchFailure): ReplyError {
  if (failure.reason === 'not-found') return new ReplyError('not-found');
  const said = failure.detail ? ` Reply said: “${failure.detail}”` : '';
  return new ReplyError('not-executable', {
    detail:
      failure.reason === 'cannot-complete'
        ? `Reply couldn’t complete task ${taskId}: it may be finished or cancelled already.${said}`
        : `Reply didn’t complete task ${taskId}.${said || ' It gave no reason.'}`,
  });
}

/** What the rep saw and accepted before sending: a reply since, or checks that failed. */
export type Acknowledgement = 'replied' | 'unchecked';

/**
 * Runs before anything is sent, inside the task's single flight; throws a ReplyError when the
 * task must not go out (opted out; replied or unchecked, unless acknowledged).
 */
export type PreSendGuard = (
  reply: ReplyClient,
  taskId: number,
  acknowledged: readonly Acknowledgement[],
) => Promise<void>;

/** What an execution's answer means for the rep: Reply may accept a send it then can't deliver. */
export function sentOrFailed({ task, completed }: ExecutionOutcome): {
  state: 'sent' | 'failed' | 'completed';
  reason: string | null;
} {
  // A sendable task is completed without sending only when its contact opted out.
  if (completed) {
    return {
      state: 'completed',
      reason: isSendableType(task.taskType) ? i18n.t('bulk.why.optedOut') : null,
    };
  }
  return task.isFailed
    ? { state: 'failed', reason: i18n.t('bulk.why.notDelivered') }
    : { state: 'sent', reason: null };
}

/** Failures after which nobody knows whether Reply sent the message. */
const AMBIGUOUS = new Set(['timeout', 'network', 'server', 'bad-response']);
/** Reply refused: clean unless the task is finished by now, which the read-back shows. */
const REFUSED = 'invalid-request';
/** A slow Reply may still be finishing the send when the client gives up: let it. */
const RECONCILE_GRACE_MS = 2_000;

/** The "sent" record is written behind the answer (record-map.ts). */
const BEHIND = { behind: true };

type Action = 'execute' | 'complete';
const recordAction = (action: Action) => (action === 'complete' ? { action } : {});
const outcomeOf = (task: Task, action: Action | undefined): ExecutionOutcome =>
  action === 'complete' ? { task, completed: true } : { task };

export function createExecutor(deps: {
  client: () => Promise<ReplyClient>;
  records: RecordMap<ExecutionRecord>;
  /** Required: no path to the execute call skips the pre-send checks. */
  guard: PreSendGuard;
  graceMs?: number;
}) {
  const { client, records } = deps;
  const inFlight = new Map<number, Promise<ExecutionOutcome>>();

  /** One request per task at a time, execute and complete alike: a second joins the first. */
  function once(taskId: number, work: () => Promise<ExecutionOutcome>) {
    const running = inFlight.get(taskId);
    if (running) return running;
    const execution = work().finally(() => inFlight.delete(taskId));
    inFlight.set(taskId, execution);
    return execution;
  }

  /** Reads the task back after an unknown outcome. Null means Reply still shows it New. */
  async function reconcile(
    reply: ReplyClient,
    taskId: number,
    action: Action | undefined,
  ): Promise<ExecutionOutcome | null> {
    let task: Task;
    try {
      task = await reply.getTask(taskId);
    } catch {
      await records.set(taskId, {
        state: 'unconfirmed',
        at: Date.now(),
        ...recordAction(action ?? 'execute'),
      });
      throw new ReplyError('unconfirmed');
    }
    if (task.status === 'finished') {
      await records.set(taskId, {
        state: 'sent',
        at: Date.now(),
        task,
        ...recordAction(action ?? 'execute'),
      });
      return { ...outcomeOf(task, action), confirmed: 'after-connection-loss' };
    }
    await records.remove(taskId);
    if (task.status === 'new') return null;
    throw new ReplyError('not-executable', { detail: whyNotExecutable(task) ?? undefined });
  }

  /** Reconciles after an unknown outcome where a task still New means nothing happened. */
  async function settledOrNotDone(reply: ReplyClient, taskId: number, action: Action | undefined) {
    const settled = await reconcile(reply, taskId, action);
    if (settled) return settled;
    throw new ReplyError(action === 'complete' ? 'not-completed' : 'not-sent');
  }

  /** A task this browser sent (or completed) is answered from its record, never posted again. */
  const alreadyDone = (record: ExecutionRecord | null): ExecutionOutcome | null =>
    record?.state === 'sent'
      ? { ...outcomeOf(record.task, record.action), confirmed: 'already-sent' }
      : null;

  /** Records the intent, posts once, and settles an unknown outcome by reading the task. */
  async function post(
    taskId: number,
    action: Action,
    call: (reply: ReplyClient) => Promise<Task>,
    before: (reply: ReplyClient) => Promise<void>,
  ): Promise<ExecutionOutcome> {
    const reply = await client();
    const previous = await records.get(taskId);
    const done = alreadyDone(previous);
    if (done) return done;
    if (previous) {
      const settled = await reconcile(reply, taskId, previous.action);
      if (settled) return settled;
    }
    await before(reply);
    await records.set(taskId, { state: 'sending', at: Date.now(), ...recordAction(action) });
    let task: Task;
    try {
      task = await call(reply);
    } catch (error) {
      if (error instanceof ReplyError && error.kind === REFUSED) {
        const settled = await reconcile(reply, taskId, action).catch(() => null);
        if (settled) return { ...settled, confirmed: 'already-finished' };
        throw error;
      }
      if (!(error instanceof ReplyError) || !AMBIGUOUS.has(error.kind)) {
        await records.remove(taskId);
        throw error;
      }
      if (error.kind === 'timeout') await sleep(deps.graceMs ?? RECONCILE_GRACE_MS);
      return settledOrNotDone(reply, taskId, action);
    }
    // The rep hears the outcome without waiting for the record: writes run in order and every
    // read waits for them, so a second request still finds "sent"; a background stopped before
    // the write lands finds "sending" and reads the task back, as after any interruption.
    void records
      .set(taskId, { state: 'sent', at: Date.now(), task, ...recordAction(action) }, BEHIND)
      .catch(() => undefined);
    return outcomeOf(task, action);
  }

  /** One batch call: every id recorded first; an unknown outcome read back id by id. */
  async function postBatch(
    reply: ReplyClient,
    chunk: Task[],
  ): Promise<Map<number, Promise<ExecutionOutcome>>> {
    const outcomes = new Map<number, Promise<ExecutionOutcome>>();
    for (const task of chunk) {
      await records.set(task.id, { state: 'sending', at: Date.now(), action: 'complete' });
    }
    let failures: Map<number, BatchFailure>;
    try {
      failures = await reply.completeTasks(chunk.map((task) => task.id));
    } catch (error) {
      const ambiguous = error instanceof ReplyError && AMBIGUOUS.has(error.kind);
      if (ambiguous && error.kind === 'timeout') await sleep(deps.graceMs ?? RECONCILE_GRACE_MS);
      for (const task of chunk) {
        if (ambiguous) {
          outcomes.set(task.id, settledOrNotDone(reply, task.id, 'complete'));
        } else {
          // Reply refused the whole call (or never took it): nothing was completed.
          await records.remove(task.id);
          outcomes.set(task.id, Promise.reject(error));
        }
      }
      return outcomes;
    }
    const finishedAt = new Date().toISOString();
    for (const task of chunk) {
      const failure = failures.get(task.id);
      if (!failure) {
        const done: Task = { ...task, status: 'finished', finishedAt, isFailed: false };
        await records.set(task.id, {
          state: 'sent',
          at: Date.now(),
          task: done,
          action: 'complete',
        });
        outcomes.set(task.id, Promise.resolve(outcomeOf(done, 'complete')));
        continue;
      }
      await records.remove(task.id);
      // "Can't complete" may mean it is finished by now (a re-post, another tab): read it back.
      const settled =
        failure.reason === 'not-found'
          ? null
          : await reconcile(reply, task.id, 'complete').catch(() => null);
      outcomes.set(
        task.id,
        settled
          ? Promise.resolve({ ...settled, confirmed: 'already-finished' })
          : Promise.reject(batchFailureError(task.id, failure)),
      );
    }
    return outcomes;
  }

  /** What is known of a task's execution, reconciling a record left open; null if nothing. */
  async function status(taskId: number): Promise<ExecutionOutcome | null> {
    const running = inFlight.get(taskId);
    if (running) return running;
    const record = await records.get(taskId);
    if (!record) return null;
    return (
      alreadyDone(record) ??
      once(taskId, async () => settledOrNotDone(await client(), taskId, record.action))
    );
  }

  return {
    /** Sends the task, after the pre-send checks allow it. */
    execute: (taskId: number, body: ExecuteBody, acknowledged: readonly Acknowledgement[] = []) =>
      once(taskId, () =>
        post(
          taskId,
          'execute',
          (reply) => reply.executeTask(taskId, body),
          (reply) => deps.guard(reply, taskId, acknowledged),
        ),
      ),
    /**
     * Completes the task without sending anything: a call made, a LinkedIn step done, or a
     * contact who must not be written to. As final as a send, so under the same rules.
     */
    complete: (taskId: number, body: CompleteBody = {}) =>
      once(taskId, () =>
        post(
          taskId,
          'complete',
          (reply) => reply.completeTask(taskId, body),
          async () => undefined,
        ),
      ),
    /**
     * Completes several tasks with `POST /v3/tasks/batch/complete`, at most BATCH_MAX ids a
     * call, under the same rules as one complete: a task in flight is joined, one done is
     * answered from its record, one left open is read back first, and every id is recorded
     * before the call goes out. `known` is what the caller knows of each task (the record
     * keeps it as the finished task, since the batch answer holds no tasks).
     */
    async completeMany(known: Task[]): Promise<BatchOutcome[]> {
      const results = new Map<number, Promise<BatchOutcome>>();
      const settle = (taskId: number, run: Promise<ExecutionOutcome>) =>
        run.then(
          (outcome): BatchOutcome => ({ taskId, ok: true, outcome }),
          (error: unknown): BatchOutcome => ({
            taskId,
            ok: false,
            error: (error instanceof ReplyError ? error : new ReplyError('internal')).toFailure(),
          }),
        );
      const ours = new Map<number, (outcome: Promise<ExecutionOutcome>) => void>();
      for (const task of known) {
        if (results.has(task.id)) continue;
        const running = inFlight.get(task.id);
        if (running) {
          results.set(task.id, settle(task.id, running));
          continue;
        }
        // Registered at once, so a single complete (or execute) meanwhile joins this one.
        const mine = once(task.id, () => new Promise((resolve) => ours.set(task.id, resolve)));
        results.set(task.id, settle(task.id, mine));
      }
      const toPost: Task[] = [];
      let reply: ReplyClient | null = null;
      try {
        reply = await client();
      } catch (error) {
        for (const resolve of ours.values()) resolve(Promise.reject(error));
        ours.clear();
      }
      if (reply) {
        try {
          for (const task of known) {
            const resolve = ours.get(task.id);
            if (!resolve) continue;
            const previous = await records.get(task.id);
            const done = alreadyDone(previous);
            if (done) {
              resolve(Promise.resolve(done));
              ours.delete(task.id);
            } else if (previous) {
              const settled = await reconcile(reply, task.id, previous.action).catch(
                (error: unknown) => error as Error,
              );
              if (settled instanceof Error) {
                resolve(Promise.reject(settled));
                ours.delete(task.id);
              } else if (settled) {
                resolve(Promise.resolve(settled));
                ours.delete(task.id);
              } else toPost.push(task);
            } else toPost.push(task);
          }
          for (let i = 0; i < toPost.length; i += BATCH_MAX) {
            const chunk = toPost.slice(i, i + BATCH_MAX);
            const outcomes = await postBatch(reply, chunk);
            for (const task of chunk)
              ours.get(task.id)?.(
                outcomes.get(task.id) ?? Promise.reject(new ReplyError('internal')),
              );
          }
        } catch (error) {
          // Storage failed under the batch: whatever is still open says so (a record left
          // "sending" is read back on the next start). Settled ones ignore a second answer.
          for (const resolve of ours.values()) resolve(Promise.reject(error));
        }
      }
      return Promise.all([...results.values()]);
    },
    status,
    /** Settles executions a stopped background left open. Run once at start. */
    async recover(): Promise<void> {
      const open = Object.entries(await records.all()).filter(([, r]) => r.state === 'sending');
      for (const [taskId] of open) await status(Number(taskId)).catch(() => undefined);
    },
    /** The record's state, for a view deciding what to show before anything is sent. */
    async known(taskId: number): Promise<ExecutionRecord['state'] | null> {
      if (inFlight.has(taskId)) return 'sending';
      return (await records.get(taskId))?.state ?? null;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type Executor = ReturnType<typeof createExecutor>;
