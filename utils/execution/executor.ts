import type { RecordMap } from '../record-map';
import type { ExecuteBody, ReplyClient } from '../reply/client';
import { ReplyError } from '../reply/errors';
import type { Task } from '../reply/schemas';
import { whyNotExecutable } from '../reply/task';
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
}

/** What an execution's answer means for the rep: Reply may accept a send it then can't deliver. */
export function sentOrFailed({ task }: ExecutionOutcome): {
  state: 'sent' | 'failed';
  reason: string | null;
} {
  return task.isFailed
    ? { state: 'failed', reason: 'Reply could not deliver it.' }
    : { state: 'sent', reason: null };
}

/** Failures after which nobody knows whether Reply sent the message. */
const AMBIGUOUS = new Set(['timeout', 'network', 'server', 'bad-response']);
/** Reply refused: clean unless the task is finished by now, which the read-back shows. */
const REFUSED = 'invalid-request';
/** A slow Reply may still be finishing the send when the client gives up: let it. */
const RECONCILE_GRACE_MS = 2_000;

export function createExecutor(deps: {
  client: () => Promise<ReplyClient>;
  records: RecordMap<ExecutionRecord>;
  graceMs?: number;
}) {
  const { client, records } = deps;
  const inFlight = new Map<number, Promise<ExecutionOutcome>>();

  function once(taskId: number, work: () => Promise<ExecutionOutcome>) {
    const running = inFlight.get(taskId);
    if (running) return running;
    const execution = work().finally(() => inFlight.delete(taskId));
    inFlight.set(taskId, execution);
    return execution;
  }

  /** Reads the task back after an unknown outcome. Null means Reply still shows it New. */
  async function reconcile(reply: ReplyClient, taskId: number): Promise<ExecutionOutcome | null> {
    let task: Task;
    try {
      task = await reply.getTask(taskId);
    } catch {
      await records.set(taskId, { state: 'unconfirmed', at: Date.now() });
      throw new ReplyError('unconfirmed');
    }
    if (task.status === 'finished') {
      await records.set(taskId, { state: 'sent', at: Date.now(), task });
      return { task, confirmed: 'after-connection-loss' };
    }
    await records.remove(taskId);
    if (task.status === 'new') return null;
    throw new ReplyError('not-executable', { detail: whyNotExecutable(task) ?? undefined });
  }

  /** Reconciles after an unknown outcome where a task still New means it was not sent. */
  async function settledOrNotSent(reply: ReplyClient, taskId: number) {
    const settled = await reconcile(reply, taskId);
    if (settled) return settled;
    throw new ReplyError('not-sent');
  }

  /** A task this browser sent is answered from its record, never posted again. */
  const alreadySent = (record: ExecutionRecord | null): ExecutionOutcome | null =>
    record?.state === 'sent' ? { task: record.task, confirmed: 'already-sent' } : null;

  async function send(taskId: number, body: ExecuteBody): Promise<ExecutionOutcome> {
    const reply = await client();
    const previous = await records.get(taskId);
    const sent = alreadySent(previous);
    if (sent) return sent;
    if (previous) {
      const settled = await reconcile(reply, taskId);
      if (settled) return settled;
    }
    await records.set(taskId, { state: 'sending', at: Date.now() });
    try {
      const task = await reply.executeTask(taskId, body);
      await records.set(taskId, { state: 'sent', at: Date.now(), task });
      return { task };
    } catch (error) {
      if (error instanceof ReplyError && error.kind === REFUSED) {
        const settled = await reconcile(reply, taskId).catch(() => null);
        if (settled) return { ...settled, confirmed: 'already-finished' };
        throw error;
      }
      if (!(error instanceof ReplyError) || !AMBIGUOUS.has(error.kind)) {
        await records.remove(taskId);
        throw error;
      }
      if (error.kind === 'timeout') await sleep(deps.graceMs ?? RECONCILE_GRACE_MS);
      return settledOrNotSent(reply, taskId);
    }
  }

  /** What is known of a task's execution, reconciling a record left open; null if nothing. */
  async function status(taskId: number): Promise<ExecutionOutcome | null> {
    const running = inFlight.get(taskId);
    if (running) return running;
    const record = await records.get(taskId);
    if (!record) return null;
    return (
      alreadySent(record) ?? once(taskId, async () => settledOrNotSent(await client(), taskId))
    );
  }

  return {
    execute: (taskId: number, body: ExecuteBody) => once(taskId, () => send(taskId, body)),
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
