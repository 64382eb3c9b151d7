import type { Executor } from '../execution/executor';
import type { LoadedTask } from '../messaging';
import { createRecordMap } from '../record-map';
import type { ReplyClient } from '../reply/client';
import type { EmailAccount, TaskSummary } from '../reply/schemas';
import { canPickEmailAccount, whyNotExecutable } from '../reply/task';
import { type StepName, stepNamesItem } from '../storage';
import type { ReplyConnection } from './connection';
import type { Drafts } from './drafts';
import type { PreSendChecks } from './pre-send-checks';

const STEP_NAMES_KEPT = 300;
/** Step names are read again after a week; at most this many per due-list load (rate budget). */
const STEP_NAME_TTL_MS = 7 * 24 * 3_600_000;
const STEP_READS_PER_LOAD = 5;
/**
 * How long the rep's sending accounts are reused between panels: opening a one-off email would
 * otherwise wait for a second request after the task's. Accounts change rarely; a new key or
 * team is a new client, which asks again.
 */
const EMAIL_ACCOUNTS_KEPT_MS = 5 * 60_000;

/** The rep's New tasks due by the end of today, as Reply lists them (all types, or sendable). */
function dueToday(reply: ReplyClient, types: 'all' | 'sendable'): Promise<TaskSummary[]> {
  const endOfDay = new Date();
  endOfDay.setHours(23, 59, 59, 999);
  const filter = { to: endOfDay.toISOString() };
  return types === 'all' ? reply.pendingTasks(filter) : reply.pendingExecutableTasks(filter);
}

/** What the views read: one task to show, the day's due list, the badge's count. */
export function createTaskReads(deps: {
  connection: ReplyConnection;
  drafts: Drafts;
  executor: Executor;
  checks: PreSendChecks;
}) {
  const { connection, drafts, executor, checks } = deps;
  const stepNames = createRecordMap<StepName>(stepNamesItem, STEP_NAMES_KEPT);
  const accountsAsked = new WeakMap<
    ReplyClient,
    { at: number; accounts: Promise<EmailAccount[]> }
  >();

  /** The rep's sending accounts, as last asked of this client within EMAIL_ACCOUNTS_KEPT_MS. */
  function keptEmailAccounts(reply: ReplyClient): Promise<EmailAccount[]> {
    const asked = accountsAsked.get(reply);
    if (asked && Date.now() - asked.at < EMAIL_ACCOUNTS_KEPT_MS) return asked.accounts;
    const accounts = reply.emailAccounts();
    accountsAsked.set(reply, { at: Date.now(), accounts });
    // A failure is not kept: the next panel asks again.
    accounts.catch(() => accountsAsked.delete(reply));
    return accounts;
  }

  /**
   * Task summaries name their sequence step only by id: read one task of each step not known
   * (or known for over a week) and keep its name. Without a name the list still works.
   */
  async function nameSteps(reply: ReplyClient, tasks: TaskSummary[]): Promise<TaskSummary[]> {
    const known = await stepNames.all();
    const fresh = (stepId: number) => Date.now() - (known[stepId]?.at ?? 0) < STEP_NAME_TTL_MS;
    const toRead = new Map<number, number>();
    for (const { id, sequenceStepId, sequenceStepDisplayName } of tasks) {
      if (sequenceStepId === null || sequenceStepDisplayName || fresh(sequenceStepId)) continue;
      if (!toRead.has(sequenceStepId)) toRead.set(sequenceStepId, id);
    }
    for (const [stepId, taskId] of [...toRead].slice(0, STEP_READS_PER_LOAD)) {
      const name = await reply.getTask(taskId).then(
        (task) => task.sequenceStepDisplayName,
        () => null,
      );
      if (!name) continue;
      known[stepId] = { name, at: Date.now() };
      await stepNames.set(stepId, known[stepId]);
    }
    return tasks.map((task) => ({
      ...task,
      sequenceStepDisplayName:
        task.sequenceStepDisplayName ??
        (task.sequenceStepId === null ? null : (known[task.sequenceStepId]?.name ?? null)),
    }));
  }

  return {
    async load(taskId: number): Promise<LoadedTask> {
      const reply = await connection.client();
      // What this browser keeps is read while Reply answers, not after.
      const kept = Promise.all([drafts.get(taskId), executor.known(taskId), connection.settings()]);
      kept.catch(() => undefined);
      const task = await reply.getTask(taskId);
      // A task that can be sent has its contact's checks asked now, so the send only executes.
      checks.warm(reply, task);
      const pickable = canPickEmailAccount(task) && whyNotExecutable(task) === null;
      // Without the list the panel still works: Reply then sends from the default account.
      const emailAccounts = pickable ? await keptEmailAccounts(reply).catch(() => null) : null;
      const [draft, execution, settings] = await kept;
      const preferred = settings.defaultEmailAccountId;
      return {
        task,
        emailAccounts,
        defaultEmailAccountId: emailAccounts?.some((a) => a.id === preferred) ? preferred : null,
        draft,
        execution,
      };
    },

    /**
     * The rep's New tasks of every type due by the end of today, latest due first, with
     * their step names.
     */
    async due(): Promise<TaskSummary[]> {
      const reply = await connection.client();
      const due = (task: TaskSummary) => Date.parse(task.dueTo ?? '') || 0;
      return (await nameSteps(reply, await dueToday(reply, 'all'))).sort((a, b) => due(b) - due(a));
    },

    /** How many tasks are due today (every type, or emails and SMS), for the badge. */
    dueCount: async (types: 'all' | 'sendable') =>
      (await dueToday(await connection.client(), types)).length,

    /** The rep's sending accounts, for the options page's default account. */
    emailAccounts: async () => (await connection.client()).emailAccounts(),
  };
}

export type TaskReads = ReturnType<typeof createTaskReads>;
