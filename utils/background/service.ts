import { createBulkRunner } from '../execution/bulk';
import { createExecutor, type ExecutionOutcome, sentOrFailed } from '../execution/executor';
import type { ConnectionView, DraftEdits, ExecuteRequest, LoadedTask } from '../messaging';
import { createRecordMap, createWriteQueue } from '../record-map';
import { type ClientOptions, connect, ReplyClient } from '../reply/client';
import type { CompleteBody } from '../reply/complete';
import { heldByChecks, ReplyError } from '../reply/errors';
import { RateLimiter, steadyIntervalMs } from '../reply/rate-limit';
import type { Task, TaskSummary } from '../reply/schemas';
import { canPickEmailAccount, recipient, whyNotExecutable } from '../reply/task';
import {
  apiKeyItem,
  type BulkItem,
  bulkRunItem,
  connectionItem,
  type Draft,
  draftsItem,
  executionsItem,
  type HistoryEntry,
  historyItem,
  type Settings,
  type StepName,
  settingsItem,
  stepNamesItem,
} from '../storage';
import { createPersonLookup } from './person-lookup';
import { createPreSendChecks } from './pre-send-checks';
import { createTeamChoice } from './teams';

/** Drafts and execution records kept at most; the oldest go first. */
const DRAFTS_KEPT = 100;
const HISTORY_KEPT = 200;
const EXECUTIONS_KEPT = 500;
const STEP_NAMES_KEPT = 300;

/** Step names are read again after a week; at most this many per due-list load (rate budget). */
const STEP_NAME_TTL_MS = 7 * 24 * 3_600_000;
const STEP_READS_PER_LOAD = 5;

/** A settled execution nobody was watching, for a notification. */
export type Unwatched = Pick<BulkItem, 'taskId' | 'contact' | 'state' | 'reason'>;

/**
 * What the background does for the views. The only code that reads the API key; what it
 * returns never contains it.
 */
export function createReplyService(
  options: Pick<ClientOptions, 'baseUrl' | 'fetch' | 'timeoutMs'> & {
    graceMs?: number;
    /** After a change to what is due, or whether it shows: a key saved or removed, settings. */
    onDueChange?: () => void;
    /** After a task was executed (one fewer due). */
    onExecuted?: () => void;
    /** Schedules the bulk run's wake-up after a long rate-limit wait (an alarm). */
    wakeBulkAt?: (when: number) => void;
    /** An execution the rep didn't watch settled (a bulk item, or a panel closed meanwhile). */
    onUnwatched?: (item: Unwatched) => void;
  } = {},
) {
  const limiter = new RateLimiter();
  const drafts = createRecordMap<Draft>(draftsItem, DRAFTS_KEPT);
  const stepNames = createRecordMap<StepName>(stepNamesItem, STEP_NAMES_KEPT);

  const teams = createTeamChoice(() => {
    people.clear();
    options.onDueChange?.();
  });

  async function client(): Promise<ReplyClient> {
    const [apiKey, connection, { authHeader }] = await Promise.all([
      apiKeyItem.getValue(),
      connectionItem.getValue(),
      settingsItem.getValue(),
    ]);
    if (!apiKey || !connection) throw new ReplyError('not-connected');
    const team = await teams.forCalls();
    const forced = authHeader === 'auto' ? undefined : authHeader;
    return new ReplyClient(
      { apiKey, authScheme: forced ?? connection.authScheme, team },
      {
        ...options,
        limiter,
        fixedAuth: forced !== undefined,
        onAuthSchemeChange: (authScheme) =>
          void connectionItem.setValue({ ...connection, authScheme }),
        onTeamProblem: (error) => void teams.refused(error.details.teams, team),
      },
    );
  }

  /** What a history entry keeps of the task it is about. */
  const about = (task: Task) => ({
    taskId: task.id,
    taskType: task.taskType,
    contactId: task.contactId,
  });

  const historyWrites = createWriteQueue();
  /** Newest first, at most HISTORY_KEPT; written one at a time. */
  function remember(entry: Omit<HistoryEntry, 'at'>): Promise<void> {
    return historyWrites.run(async () => {
      const history = await historyItem.getValue();
      await historyItem.setValue([{ ...entry, at: Date.now() }, ...history].slice(0, HISTORY_KEPT));
    });
  }

  const people = createPersonLookup(client);
  const checks = createPreSendChecks();
  const executor = createExecutor({
    client,
    records: createRecordMap(executionsItem, EXECUTIONS_KEPT),
    guard: checks.guard,
    graceMs: options.graceMs,
  });

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

  /** The rep's New tasks due by the end of today, as Reply lists them (all types, or sendable). */
  function dueToday(reply: ReplyClient, types: 'all' | 'sendable'): Promise<TaskSummary[]> {
    const endOfDay = new Date();
    endOfDay.setHours(23, 59, 59, 999);
    const filter = { to: endOfDay.toISOString() };
    return types === 'all' ? reply.pendingTasks(filter) : reply.pendingExecutableTasks(filter);
  }

  async function connectionView(): Promise<ConnectionView> {
    const [apiKey, connection, team] = await Promise.all([
      apiKeyItem.getValue(),
      connectionItem.getValue(),
      teams.view(),
    ]);
    if (!apiKey || !connection) return { connected: false };
    return {
      connected: true,
      userId: connection.userId,
      username: connection.username,
      keyHint: apiKey.slice(-4),
      ...team,
    };
  }

  /** Views waiting for each task's execution (open watch ports). */
  const watchers = new Map<number, number>();

  /**
   * Executes a task and records how it ended. A view's execution (`fromView`) that settles
   * after every view watching it was closed is also reported as unwatched; a bulk run reports
   * its items itself.
   */
  async function executeTask(
    { taskId, acknowledged = [], ...body }: ExecuteRequest,
    {
      contact = null,
      contactId = null,
      fromView = false,
    }: { contact?: string | null; contactId?: number | null; fromView?: boolean } = {},
  ): Promise<ExecutionOutcome> {
    const settled = async (entry: Omit<HistoryEntry, 'at'>) => {
      await remember(entry);
      if (fromView && !watchers.get(taskId)) {
        const { contact, outcome: state, reason } = entry;
        options.onUnwatched?.({ taskId, contact, state, reason });
      }
    };
    let outcome: ExecutionOutcome;
    try {
      outcome = await executor.execute(taskId, body, acknowledged);
    } catch (error) {
      const failure = error instanceof ReplyError ? error.toFailure() : null;
      // A rate-limited send is "not sent yet", and one the checks held back waits for the
      // rep (a run lists it as skipped): neither is a failure.
      if (failure?.kind !== 'rate-limited' && !heldByChecks(failure?.kind)) {
        await settled({
          taskId,
          taskType: null,
          contactId,
          contact,
          outcome: 'failed',
          reason: failure?.message ?? null,
        });
      }
      throw error;
    }
    people.clear();
    options.onExecuted?.();
    await drafts.remove(taskId);
    if (outcome.confirmed !== 'already-sent') {
      const { state, reason } = sentOrFailed(outcome);
      await settled({
        ...about(outcome.task),
        contact: contact ?? recipient(outcome.task),
        outcome: state,
        reason,
      });
    }
    return outcome;
  }

  const bulk = createBulkRunner({
    load: () => bulkRunItem.getValue(),
    save: (run) => bulkRunItem.setValue(run),
    getTask: async (taskId) => {
      const task = await (await client()).getTask(taskId);
      checks.noteTask(task);
      return task;
    },
    execute: (taskId, contact, contactId) => executeTask({ taskId }, { contact, contactId }),
    status: (taskId) => executor.status(taskId),
    wakeAt: (when) => options.wakeBulkAt?.(when),
    callSpacingMs: steadyIntervalMs(1),
    callsMade: () => limiter.calls,
    upcoming: (contactIds) => checks.expect(contactIds),
    onSettled: (item) => {
      options.onUnwatched?.(item);
      if (item.state === 'skipped') {
        void remember({
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

  return {
    bulk,
    settings: () => settingsItem.getValue(),
    async saveSettings(settings: Settings): Promise<Settings> {
      await settingsItem.setValue(settings);
      options.onDueChange?.();
      return settings;
    },
    /** The rep's sending accounts, for the options page's default account. */
    async emailAccounts() {
      return (await client()).emailAccounts();
    },
    history: async () => {
      await historyWrites.settled();
      return historyItem.getValue();
    },
    // Queued behind entries still being written, so a cleared history stays cleared.
    clearHistory: () => historyWrites.run(() => historyItem.setValue([])).then(() => []),

    /** Settles executions a stopped background left open. */
    recover: () => executor.recover(),

    getConnection: connectionView,

    async saveApiKey(apiKey: string): Promise<ConnectionView> {
      const { authHeader } = await settingsItem.getValue();
      const forced = authHeader === 'auto' ? undefined : authHeader;
      const connected = await connect(apiKey, { ...options, limiter }, forced);
      const { whoami, authScheme } = connected;
      await connectionItem.setValue({
        userId: whoami.userId,
        username: whoami.username ?? null,
        authScheme,
      });
      await teams.saved(connected.teams);
      await apiKeyItem.setValue(apiKey);
      people.clear();
      options.onDueChange?.();
      return connectionView();
    },

    async removeApiKey(): Promise<ConnectionView> {
      await Promise.all([apiKeyItem.removeValue(), connectionItem.removeValue(), teams.clear()]);
      people.clear();
      options.onDueChange?.();
      return { connected: false };
    },

    /** The team every call names from now on: one of those Reply listed. */
    async chooseTeam(teamId: number): Promise<ConnectionView> {
      await teams.choose(teamId);
      return connectionView();
    },

    async loadTask(taskId: number): Promise<LoadedTask> {
      const reply = await client();
      const task = await reply.getTask(taskId);
      checks.noteTask(task);
      const pickable = canPickEmailAccount(task) && whyNotExecutable(task) === null;
      // Without the list the panel still works: Reply then sends from the default account.
      const emailAccounts = pickable ? await reply.emailAccounts().catch(() => null) : null;
      const [draft, execution, settings] = await Promise.all([
        drafts.get(taskId),
        executor.known(taskId),
        settingsItem.getValue(),
      ]);
      const preferred = settings.defaultEmailAccountId;
      return {
        task,
        emailAccounts,
        defaultEmailAccountId: emailAccounts?.some((a) => a.id === preferred) ? preferred : null,
        draft: draft && { subject: draft.subject, body: draft.body },
        execution,
      };
    },

    executeTask: (request: ExecuteRequest) => executeTask(request, { fromView: true }),

    /** Completes a task without sending (a call made, a step done, an opt-out); once. */
    async completeTask(taskId: number, body: CompleteBody = {}): Promise<ExecutionOutcome> {
      const outcome = await executor.complete(taskId, body);
      people.clear();
      options.onExecuted?.();
      await drafts.remove(taskId);
      if (outcome.confirmed !== 'already-sent') {
        const { state, reason } = sentOrFailed(outcome);
        await remember({
          ...about(outcome.task),
          contact: recipient(outcome.task),
          outcome: state,
          reason,
        });
      }
      return outcome;
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

    findPersonTasks: people.find,

    executionStatus: (taskId: number) => executor.status(taskId),

    /**
     * The rep's New tasks of every type due by the end of today, latest due first, with
     * their step names.
     */
    async dueTasks(): Promise<TaskSummary[]> {
      const reply = await client();
      const due = (task: TaskSummary) => Date.parse(task.dueTo ?? '') || 0;
      return (await nameSteps(reply, await dueToday(reply, 'all'))).sort((a, b) => due(b) - due(a));
    },

    /** How many emails and SMS are due today, for the badge: the list alone, no step names. */
    dueCount: async () => (await dueToday(await client(), 'sendable')).length,

    async saveDraft(taskId: number, edits: DraftEdits): Promise<null> {
      if (edits.subject === null && edits.body === null) await drafts.remove(taskId);
      else await drafts.set(taskId, { ...edits, at: Date.now() });
      return null;
    },
  };
}

export type ReplyService = ReturnType<typeof createReplyService>;
