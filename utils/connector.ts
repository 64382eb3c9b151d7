import type { ConnectionView, ExecuteRequest, LoadedTask, Result } from './messaging';
import { messenger } from './messaging';
import { ReplyError } from './reply/errors';
import type { Task } from './reply/schemas';

/**
 * Everything a view may ask of the background. Views get one of these, never `browser.*`,
 * so a test can hand them a fake.
 */
export interface Connector {
  getConnection(): Promise<Result<ConnectionView>>;
  saveApiKey(apiKey: string): Promise<Result<ConnectionView>>;
  removeApiKey(): Promise<Result<ConnectionView>>;
  loadTask(taskId: number): Promise<Result<LoadedTask>>;
  executeTask(request: ExecuteRequest): Promise<Result<Task>>;
}

/** The real connector: extension messages to the background. */
export function createMessagingConnector(): Connector {
  return {
    getConnection: () => send(() => messenger.sendMessage('getConnection', undefined)),
    saveApiKey: (apiKey) => send(() => messenger.sendMessage('saveApiKey', { apiKey })),
    removeApiKey: () => send(() => messenger.sendMessage('removeApiKey', undefined)),
    loadTask: (taskId) => send(() => messenger.sendMessage('loadTask', { taskId })),
    executeTask: (request) => send(() => messenger.sendMessage('executeTask', request)),
  };
}

/** A message fails outright when the extension was reloaded or updated under a live page. */
async function send<T>(message: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await message();
  } catch {
    return { ok: false, error: new ReplyError('extension').toFailure() };
  }
}
