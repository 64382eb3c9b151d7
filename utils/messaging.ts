import { defineExtensionMessaging } from '@webext-core/messaging';
import type * as v from 'valibot';
import type { requestSchemas } from './background/requests';
import type { CustomSite } from './custom-sites';
import type { BatchOutcome, ExecutionOutcome } from './execution/executor';
import type { Failure } from './reply/errors';
import type { EmailAccount, Task, TaskSummary } from './reply/schemas';
import type { BulkRun, ExecutionRecord, HistoryEntry, Settings, TeamRef } from './storage';

/**
 * The one protocol between the extension's contexts. Views call the background; the
 * background validates every payload against the schemas in ./background/requests before
 * acting on it (kept there so content scripts don't carry the validator).
 */

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

/**
 * What a view may know about the connection: never the key itself. A user in several Reply
 * teams has `teams` to choose from and the `team` chosen (null: not yet, so nothing else
 * works); a one-team user has no teams listed.
 */
export type ConnectionView =
  | { connected: false }
  | {
      connected: true;
      userId: number;
      username: string | null;
      keyHint: string;
      teams: TeamRef[];
      team: TeamRef | null;
    };

export interface LoadedTask {
  task: Task;
  /** Only for tasks whose sending account can be chosen; null otherwise. */
  emailAccounts: EmailAccount[] | null;
  /** The rep's default account for one-off emails, when it is among `emailAccounts`. */
  defaultEmailAccountId: number | null;
  /** The rep's unsent edits from an earlier visit, if any. */
  draft: DraftEdits | null;
  /** What the background knows of an execution of this task, if any. */
  execution: ExecutionRecord['state'] | null;
}

/** Edited subject and body; null means "as Reply rendered it". */
export interface DraftEdits {
  subject: string | null;
  body: string | null;
}

export type { BatchOutcome, ExecutionOutcome };

/** A Reply contact whose address (or phone) is exactly the one looked up, and their tasks. */
export interface PersonContact {
  id: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  /** Their New manual emails and SMS. */
  tasks: TaskSummary[];
}

/**
 * The Reply contacts behind a CRM person or a recipient: none (not in Reply), one, or several
 * sharing the address, each named, for the rep to choose between.
 */
export interface PersonTasks {
  contacts: PersonContact[];
}

export type ExecuteRequest = v.InferOutput<typeof requestSchemas.executeTask>;
type Input<K extends keyof typeof requestSchemas> = v.InferInput<(typeof requestSchemas)[K]>;

export interface ProtocolMap {
  getConnection(): Result<ConnectionView>;
  saveApiKey(data: Input<'saveApiKey'>): Result<ConnectionView>;
  removeApiKey(): Result<ConnectionView>;
  loadTask(data: Input<'loadTask'>): Result<LoadedTask>;
  /**
   * Sends a task and completes it. It travels on a port of its own (../execution-port.ts), not
   * as a message: the same request, schema, checks and answer.
   */
  executeTask(data: ExecuteRequest): Result<ExecutionOutcome>;
  /** Completes a task without sending anything (done by the rep, or its contact opted out). */
  completeTask(data: Input<'completeTask'>): Result<ExecutionOutcome>;
  /** Completes several tasks the rep did at once (`batch/complete`): each its own outcome. */
  completeTasks(data: Input<'completeTasks'>): Result<BatchOutcome[]>;
  /** Moves a New task to a later time (a read, then a PUT of the same task). */
  snoozeTask(data: Input<'snoozeTask'>): Result<Task>;
  /** The team every call names, for a user in several Reply teams. */
  chooseTeam(data: Input<'chooseTeam'>): Result<ConnectionView>;
  /** The outcome of an execution this browser started, reconciled if it was left open. */
  executionStatus(data: { taskId: number }): Result<ExecutionOutcome | null>;
  /** Keeps (or, with both fields null, discards) the rep's edits of a task. */
  saveDraft(data: Input<'saveDraft'>): Result<null>;
  /** The rep's New tasks of every type due by the end of today, latest due first. */
  dueTasks(): Result<TaskSummary[]>;
  getSettings(): Result<Settings>;
  saveSettings(data: Input<'saveSettings'>): Result<Settings>;
  emailAccounts(): Result<EmailAccount[]>;
  /** The newest executions (sent, failed, skipped), newest first. */
  history(): Result<HistoryEntry[]>;
  clearHistory(): Result<HistoryEntry[]>;
  /** "Send the rest as they are": queues the tasks; they go out one at a time. */
  startBulk(data: Input<'startBulk'>): Result<BulkRun | null>;
  pauseBulk(): Result<BulkRun | null>;
  resumeBulk(): Result<BulkRun | null>;
  /** Forgets a finished or paused run. */
  clearBulk(): Result<BulkRun | null>;
  bulkState(): Result<BulkRun | null>;
  /** The sites the rep added (options page only). */
  listSites(): Result<CustomSite[]>;
  /** Registers the content script on a site whose access the page has just been granted. */
  addSite(data: Input<'addSite'>): Result<CustomSite[]>;
  /** Unregisters a site's content script and gives its access back. */
  removeSite(data: Input<'removeSite'>): Result<CustomSite[]>;
  /** Finds the Reply contact behind a CRM person (by email, then phone) and their tasks. */
  findPersonTasks(data: Input<'findPersonTasks'>): Result<PersonTasks>;
}

export const messenger = defineExtensionMessaging<ProtocolMap>();
