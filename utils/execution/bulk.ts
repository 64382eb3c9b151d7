import { i18n } from '#i18n';
import { createWriteQueue } from '../record-map';
import { heldByChecks, ReplyError } from '../reply/errors';
import type { Task } from '../reply/schemas';
import { unresolvedPlaceholders, whyNotExecutable } from '../reply/task';
import type { BulkItem, BulkRun } from '../storage';
import { type ExecutionOutcome, sentOrFailed } from './executor';

/**
 * "Send the rest as they are": the queued tasks go out one at a time through the executor
 * (so every exactly-once rule applies), paced by the client's rate limiter. A 429 puts the
 * task back and waits; long waits end with an alarm, so the worker need not stay alive. The
 * run is kept in storage: a restarted browser first asks the executor what became of a task
 * that was sending, then goes on. Tasks whose content still holds `{{placeholders}}`, that
 * can no longer be executed, or that the pre-send checks hold back (the contact opted out or
 * replied, or the checks failed: nobody is there to choose), are skipped and listed with the
 * reason.
 */
export interface BulkDeps {
  load: () => Promise<BulkRun | null>;
  save: (run: BulkRun | null) => Promise<void>;
  getTask: (taskId: number) => Promise<Task>;
  execute: (
    taskId: number,
    contact: string | null,
    contactId: number | null,
  ) => Promise<ExecutionOutcome>;
  /** What became of an execution a stopped worker left open; null when none was recorded. */
  status: (taskId: number) => Promise<ExecutionOutcome | null>;
  /** Wakes the runner at `when` (an alarm). */
  wakeAt: (when: number) => void;
  onSettled?: (item: BulkItem) => void;
  /** Waits up to this long in place; longer waits end with `wakeAt`. */
  maxInlineWaitMs?: number;
  /**
   * Time each call to Reply takes of the run's pace: an item that made n calls is followed by
   * the next no sooner than n × this after it started. A steady pace rather than bursts and
   * stalls.
   */
  callSpacingMs?: number;
  /**
   * How many calls to Reply the background has made so far; when given, an item's share of
   * the pace is what it really cost (the pre-send checks included), not an estimate.
   */
  callsMade?: () => number;
  /** The contacts of the items coming next, so their checks can be asked for at once. */
  upcoming?: (contactIds: number[]) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** How far ahead the run tells the checks which contacts come next. */
const LOOKAHEAD = 25;

export function createBulkRunner(deps: BulkDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const maxInlineWait = deps.maxInlineWaitMs ?? 20_000;
  const callSpacing = deps.callSpacingMs ?? 0;
  let nextStart = Number.NEGATIVE_INFINITY;
  let running: Promise<void> | null = null;
  const writes = createWriteQueue();
  /**
   * While the loop runs, the run as this runner last saved it: every write goes through
   * `update`, so the loop and its items need not read storage back (three reads an item).
   * Undefined outside the loop, where storage is read as it is.
   */
  let mirror: BulkRun | null | undefined;
  const read = async () => (mirror !== undefined ? mirror : deps.load());

  /** Read-modify-write of the run, one at a time (pause may land while an item sends). */
  const update = (change: (run: BulkRun) => BulkRun | null) =>
    writes.run(async () => {
      const run = await read();
      if (!run) return;
      const next = change(run);
      await deps.save(next);
      if (mirror !== undefined) mirror = next;
    });

  const setItem = (taskId: number, patch: Partial<BulkItem>) =>
    update((run) => ({
      ...run,
      items: run.items.map((i) => (i.taskId === taskId ? { ...i, ...patch } : i)),
    }));

  async function settle(item: BulkItem, patch: Pick<BulkItem, 'state' | 'reason'>) {
    await setItem(item.taskId, patch);
    deps.onSettled?.({ ...item, ...patch });
  }

  /** Sends one item; answers how many calls to Reply that took (at most). */
  async function sendOne(item: BulkItem): Promise<number> {
    let calls = 0;
    if (item.state === 'sending') {
      // A stopped worker left it open: never post again before asking.
      calls += 1;
      const known = await deps.status(item.taskId).catch(() => null);
      if (known) {
        await settle(item, sentOrFailed(known));
        return calls;
      }
    }
    await setItem(item.taskId, { state: 'sending' });
    try {
      calls += 1;
      const task = await deps.getTask(item.taskId);
      const blocked = whyNotExecutable(task);
      const rendered = task.content ?? task.template;
      const placeholders = unresolvedPlaceholders(rendered?.subject, rendered?.body);
      if (blocked || placeholders.length > 0) {
        const reason =
          blocked ?? i18n.t('bulk.why.placeholders', { placeholders: placeholders.join(' ') });
        await settle(item, { state: 'skipped', reason });
        return calls;
      }
      calls += 1;
      await settle(
        item,
        sentOrFailed(await deps.execute(item.taskId, item.contact, item.contactId)),
      );
    } catch (error) {
      const failure = error instanceof ReplyError ? error.toFailure() : null;
      // In a run nobody can say "send anyway": what the checks hold back is skipped.
      if (failure && heldByChecks(failure.kind)) {
        await settle(item, { state: 'skipped', reason: failure.message });
        return calls;
      }
      if (failure?.kind === 'rate-limited') {
        const until = Date.now() + (failure.retryAfterSeconds ?? 60) * 1000;
        await update((run) => ({
          ...run,
          waitingUntil: until,
          items: run.items.map((i) => (i.taskId === item.taskId ? { ...i, state: 'pending' } : i)),
        }));
        return calls;
      }
      await settle(item, {
        state: 'failed',
        reason: failure?.message ?? i18n.t('bulk.why.notSent'),
      });
    }
    return calls;
  }

  async function loop(): Promise<void> {
    for (;;) {
      await writes.settled();
      const run = await read();
      mirror = run;
      if (!run || run.paused) return;
      const wait = (run.waitingUntil ?? 0) - Date.now();
      if (wait > 0) {
        if (wait > maxInlineWait) {
          deps.wakeAt(run.waitingUntil ?? Date.now());
          return;
        }
        await sleep(wait);
        continue;
      }
      if (run.waitingUntil !== null) await update((r) => ({ ...r, waitingUntil: null }));
      const next =
        run.items.find((i) => i.state === 'sending') ??
        run.items.find((i) => i.state === 'pending');
      if (!next) return;
      const early = nextStart - Date.now();
      if (early > 0) {
        await sleep(early);
        continue; // paused meanwhile?
      }
      deps.upcoming?.(upcomingContacts(run, next));
      const startedAt = Date.now();
      const before = deps.callsMade?.();
      const estimate = await sendOne(next);
      const made = before === undefined ? estimate : (deps.callsMade?.() ?? before) - before;
      nextStart = startedAt + made * callSpacing;
    }
  }

  /** The contact ids of the item about to go and the next few pending ones. */
  function upcomingContacts(run: BulkRun, next: BulkItem): number[] {
    const ahead = run.items.filter((i) => i === next || i.state === 'pending').slice(0, LOOKAHEAD);
    return ahead.flatMap((i) => (typeof i.contactId === 'number' ? [i.contactId] : []));
  }

  /** Runs the loop unless it runs already. */
  const kick = () => {
    running ??= loop().finally(() => {
      mirror = undefined;
      running = null;
    });
    return running;
  };

  return {
    async start(tasks: { taskId: number; contact: string | null; contactId?: number | null }[]) {
      const started = await writes.run(async () => {
        const current = await read();
        if (current?.items.some((i) => i.state === 'pending' || i.state === 'sending'))
          return false;
        const run: BulkRun = {
          items: tasks.map((t) => ({
            ...t,
            contactId: t.contactId ?? null,
            state: 'pending',
            reason: null,
          })),
          paused: false,
          waitingUntil: null,
        };
        await deps.save(run);
        // A loop just ending goes on with this run rather than the finished one.
        if (mirror !== undefined) mirror = run;
        return true;
      });
      if (started) void kick();
    },
    pause: () => update((run) => ({ ...run, paused: true })),
    async resume() {
      await update((run) => ({ ...run, paused: false }));
      void kick();
    },
    clear: () => update(() => null),
    state: async () => {
      await writes.settled();
      return deps.load();
    },
    /** After a restart or an alarm: go on where the run stopped. */
    wake: () => kick(),
    /** For tests: the loop currently running, if any. */
    idle: () => running ?? Promise.resolve(),
  };
}

export type BulkRunner = ReturnType<typeof createBulkRunner>;
