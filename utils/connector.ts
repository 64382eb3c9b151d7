import { browser } from 'wxt/browser';
import type { CustomSite } from './custom-sites';
import { executeOverPort } from './execution-port';
import type {
  BatchOutcome,
  ConnectionView,
  DraftEdits,
  ExecuteRequest,
  ExecutionOutcome,
  LoadedTask,
  PersonTasks,
  Result,
} from './messaging';
import { messenger } from './messaging';
import { EXECUTE_PORT } from './panel-port';
import type { CompleteBody } from './reply/complete';
import { ReplyError } from './reply/errors';
import type { EmailAccount, Task, TaskSummary, TaskType } from './reply/schemas';
import type { BulkRun, HistoryEntry, Settings } from './storage';

/**
 * Everything a view may ask of the background. Views get one of these, never `browser.*`,
 * so a test can hand them a fake.
 */
export interface Connector {
  getConnection(): Promise<Result<ConnectionView>>;
  saveApiKey(apiKey: string): Promise<Result<ConnectionView>>;
  removeApiKey(): Promise<Result<ConnectionView>>;
  loadTask(taskId: number): Promise<Result<LoadedTask>>;
  /** Aborting `watching` (the view closed) leaves the outcome to a system notification. */
  executeTask(request: ExecuteRequest, watching?: AbortSignal): Promise<Result<ExecutionOutcome>>;
  /** Completes a task without sending anything (done by the rep, or its contact opted out). */
  completeTask(taskId: number, body?: CompleteBody): Promise<Result<ExecutionOutcome>>;
  /** Completes several tasks the rep did (not emails or SMS) at once; each its own outcome. */
  completeTasks(
    tasks: {
      taskId: number;
      taskType: Exclude<TaskType, 'manualEmail' | 'sms' | 'unknown'>;
      contactId: number | null;
      contact: string | null;
    }[],
  ): Promise<Result<BatchOutcome[]>>;
  /** Moves a New task to start at `until` (ISO), keeping its span; answers the moved task. */
  snoozeTask(taskId: number, until: string): Promise<Result<Task>>;
  /** For a user in several Reply teams: the team every call names. */
  chooseTeam(teamId: number): Promise<Result<ConnectionView>>;
  /** The outcome of an execution already started; null when none was. */
  executionStatus(taskId: number): Promise<Result<ExecutionOutcome | null>>;
  saveDraft(taskId: number, edits: DraftEdits): Promise<Result<null>>;
  findPersonTasks(person: { emails: string[]; phones: string[] }): Promise<Result<PersonTasks>>;
  dueTasks(): Promise<Result<TaskSummary[]>>;
  getSettings(): Promise<Result<Settings>>;
  saveSettings(settings: Settings): Promise<Result<Settings>>;
  emailAccounts(): Promise<Result<EmailAccount[]>>;
  history(): Promise<Result<HistoryEntry[]>>;
  clearHistory(): Promise<Result<HistoryEntry[]>>;
  startBulk(
    tasks: { taskId: number; contact: string | null; contactId?: number | null }[],
  ): Promise<Result<BulkRun | null>>;
  pauseBulk(): Promise<Result<BulkRun | null>>;
  resumeBulk(): Promise<Result<BulkRun | null>>;
  clearBulk(): Promise<Result<BulkRun | null>>;
  bulkState(): Promise<Result<BulkRun | null>>;
  listSites(): Promise<Result<CustomSite[]>>;
  addSite(address: string): Promise<Result<CustomSite[]>>;
  removeSite(origin: string): Promise<Result<CustomSite[]>>;
}

/** The real connector: extension messages to the background. */
export function createMessagingConnector(): Connector {
  const connector: Connector = {
    getConnection: () => send(() => messenger.sendMessage('getConnection', undefined)),
    saveApiKey: (apiKey) => send(() => messenger.sendMessage('saveApiKey', { apiKey })),
    removeApiKey: () => send(() => messenger.sendMessage('removeApiKey', undefined)),
    loadTask: (taskId) => send(() => messenger.sendMessage('loadTask', { taskId })),
    executeTask: (request, watching) =>
      executeOverPort(
        () => browser.runtime.connect({ name: EXECUTE_PORT }),
        request,
        watching,
        // Ask the background that answers now (a new one, if it stopped) what became of it.
        async () => {
          const status = await connector.executionStatus(request.taskId);
          if (!status.ok) return status;
          return status.value
            ? { ok: true, value: status.value }
            : { ok: false, error: new ReplyError('not-sent').toFailure() };
        },
      ),
    completeTask: (taskId, body = {}) =>
      send(() => messenger.sendMessage('completeTask', { taskId, ...body })),
    completeTasks: (tasks) => send(() => messenger.sendMessage('completeTasks', { tasks })),
    snoozeTask: (taskId, until) =>
      send(() => messenger.sendMessage('snoozeTask', { taskId, until })),
    chooseTeam: (teamId) => send(() => messenger.sendMessage('chooseTeam', { teamId })),
    executionStatus: (taskId) => send(() => messenger.sendMessage('executionStatus', { taskId })),
    dueTasks: () => send(() => messenger.sendMessage('dueTasks', undefined)),
    getSettings: () => send(() => messenger.sendMessage('getSettings', undefined)),
    saveSettings: (settings) => send(() => messenger.sendMessage('saveSettings', settings)),
    emailAccounts: () => send(() => messenger.sendMessage('emailAccounts', undefined)),
    history: () => send(() => messenger.sendMessage('history', undefined)),
    clearHistory: () => send(() => messenger.sendMessage('clearHistory', undefined)),
    startBulk: (tasks) => send(() => messenger.sendMessage('startBulk', { tasks })),
    pauseBulk: () => send(() => messenger.sendMessage('pauseBulk', undefined)),
    resumeBulk: () => send(() => messenger.sendMessage('resumeBulk', undefined)),
    clearBulk: () => send(() => messenger.sendMessage('clearBulk', undefined)),
    bulkState: () => send(() => messenger.sendMessage('bulkState', undefined)),
    listSites: () => send(() => messenger.sendMessage('listSites', undefined)),
    addSite: (address) => send(() => messenger.sendMessage('addSite', { address })),
    removeSite: (origin) => send(() => messenger.sendMessage('removeSite', { origin })),
    findPersonTasks: ({ emails, phones }) =>
      send(() => messenger.sendMessage('findPersonTasks', { emails, phones })),
    saveDraft: (taskId, edits) =>
      send(() => messenger.sendMessage('saveDraft', { taskId, ...edits })),
  };
  return connector;
}

/** A message fails outright when the extension was reloaded or updated under a live page. */
async function send<T>(message: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await message();
  } catch {
    return { ok: false, error: new ReplyError('extension').toFailure() };
  }
}
