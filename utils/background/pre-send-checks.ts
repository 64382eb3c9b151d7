import type { PreSendGuard } from '../execution/executor';
import type { ReplyClient } from '../reply/client';
import { type ContactReply, ReplyError } from '../reply/errors';
import type { InboxThread, Task } from '../reply/schemas';
import { whyNotExecutable } from '../reply/task';

/**
 * Before a task is sent: has the contact opted out (never send), or written since the task was
 * made (ask first)? Both answers are kept per contact for a short while, and the inbox is
 * asked about the contacts coming next in one call, so a "send all" run stays within Reply's
 * rate limits.
 */

/** How long a contact's opt-out status and inbox are trusted. */
const CHECK_TTL_MS = 60_000;
/** Contacts asked about in one inbox call. */
const INBOX_BATCH = 25;
/** Tasks whose contact and creation time are remembered (from the views' and runs' reads). */
const TASKS_KEPT = 500;
const PREVIEW_CHARS = 140;

/** A failure of the check itself the rep may decide past; others (429, a bad key) propagate. */
const CHECK_CANT_DECIDE = new Set([
  'rate-limited',
  'unauthorized',
  'user-not-found',
  'team-required',
  'team-not-accessible',
]);

interface TaskFacts {
  contactId: number | null;
  /** When the task was made (ms); null when Reply didn't say, so any reply counts. */
  since: number | null;
}

/** One inbox call's answer: the contacts it asked about, and the threads. */
interface InboxAnswer {
  batch: number[];
  threads: InboxThread[];
}

interface Cached<T> {
  at: number;
  value: Promise<T>;
}

export function createPreSendChecks(now: () => number = Date.now) {
  const tasks = new Map<number, TaskFacts>();
  const optOuts = new Map<number, Cached<boolean>>();
  const inboxes = new Map<number, Cached<InboxAnswer>>();
  let expected: number[] = [];
  let batchesPlaceable = true;

  const fresh = <T>(entry: Cached<T> | undefined): entry is Cached<T> =>
    !!entry && now() - entry.at < CHECK_TTL_MS;

  function keep<T>(cache: Map<number, Cached<T>>, id: number, value: Promise<T>): Promise<T> {
    cache.set(id, { at: now(), value });
    value.catch(() => cache.delete(id));
    return value;
  }

  function noteTask(task: Task): void {
    tasks.delete(task.id);
    const since = Date.parse(task.createdAt ?? task.startAt ?? '');
    tasks.set(task.id, { contactId: task.contactId, since: Number.isNaN(since) ? null : since });
    for (const oldest of tasks.keys()) {
      if (tasks.size <= TASKS_KEPT) break;
      tasks.delete(oldest);
    }
  }

  function optedOut(reply: ReplyClient, contactId: number): Promise<boolean> {
    const cached = optOuts.get(contactId);
    return fresh(cached) ? cached.value : keep(optOuts, contactId, reply.isOptedOut(contactId));
  }

  /** The contact's inbox threads, asked together with the next expected contacts not known. */
  function threadsOf(reply: ReplyClient, contactId: number): Promise<InboxThread[]> {
    const cached = inboxes.get(contactId);
    if (fresh(cached)) return cached.value.then((answer) => place(reply, contactId, answer));
    const batch = batchesPlaceable
      ? [...new Set([contactId, ...expected.filter((id) => !fresh(inboxes.get(id)))])].slice(
          0,
          INBOX_BATCH,
        )
      : [contactId];
    const answer = reply.inboxThreads(batch).then((threads) => ({ batch, threads }));
    for (const id of batch) keep(inboxes, id, answer);
    return answer.then((got) => place(reply, contactId, got));
  }

  /**
   * The contact's threads out of a batch's. A thread that doesn't name its contact belongs to
   * the one asked about; in a batch it can't be placed, so from then on each is asked alone.
   */
  function place(reply: ReplyClient, contactId: number, { batch, threads }: InboxAnswer) {
    if (batch.length > 1 && threads.some((t) => t.contactId === null)) {
      batchesPlaceable = false;
      for (const id of batch) inboxes.delete(id);
      return threadsOf(reply, contactId);
    }
    return threads.filter((t) => t.contactId === contactId || t.contactId === null);
  }

  const guard: PreSendGuard = async (reply, taskId, acknowledged) => {
    let facts = tasks.get(taskId);
    if (!facts) {
      noteTask(await reply.getTask(taskId));
      facts = tasks.get(taskId);
    }
    const contactId = facts?.contactId ?? null;
    if (contactId === null) return; // nobody to ask about
    const [optOut, threads] = await Promise.allSettled([
      optedOut(reply, contactId),
      threadsOf(reply, contactId),
    ]);
    for (const result of [optOut, threads]) {
      const error = result.status === 'rejected' ? result.reason : null;
      if (error && !(error instanceof ReplyError)) throw error;
      if (error instanceof ReplyError && CHECK_CANT_DECIDE.has(error.kind)) throw error;
    }
    if (optOut.status === 'fulfilled' && optOut.value) throw new ReplyError('opted-out');
    const replied =
      threads.status === 'fulfilled' ? latestReply(threads.value, facts?.since ?? null) : null;
    if (replied && !acknowledged.includes('replied')) {
      throw new ReplyError('replied', { replied });
    }
    const unchecked = optOut.status === 'rejected' || threads.status === 'rejected';
    if (unchecked && !acknowledged.includes('unchecked')) throw new ReplyError('unchecked');
  };

  /**
   * A task a view just loaded: noted, and, when it can be sent, its contact's checks asked now
   * (kept for CHECK_TTL_MS), so the rep's click only executes. A failure here is forgotten:
   * the guard asks again.
   */
  function warm(reply: ReplyClient, task: Task): void {
    noteTask(task);
    const { contactId } = task;
    if (contactId === null || whyNotExecutable(task) !== null) return;
    optedOut(reply, contactId).catch(() => undefined);
    threadsOf(reply, contactId).catch(() => undefined);
  }

  return {
    guard,
    /** A task read for a view or a run: its contact and creation time, for the guard. */
    noteTask,
    warm,
    /** The contacts a run will send to next: their inboxes are asked for together. */
    expect(contactIds: number[]): void {
      expected = contactIds;
    },
  };
}

/** The newest thread that moved after the task was made (an undated one counts). */
function latestReply(threads: InboxThread[], since: number | null): ContactReply | null {
  const time = (t: InboxThread) => (t.at ? Date.parse(t.at) : Number.NaN);
  const after = threads.filter((t) => {
    const at = time(t);
    return since === null || Number.isNaN(at) || at > since;
  });
  after.sort((a, b) => (time(b) || 0) - (time(a) || 0));
  const [newest] = after;
  if (!newest) return null;
  const line = (newest.preview ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find(Boolean);
  return {
    at: newest.at && !Number.isNaN(time(newest)) ? newest.at : null,
    firstLine: line ? line.slice(0, PREVIEW_CHARS) : null,
  };
}

export type PreSendChecks = ReturnType<typeof createPreSendChecks>;
