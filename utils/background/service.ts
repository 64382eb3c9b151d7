import { createExecutor } from '../execution/executor';
import type { ConnectionView, ExecuteRequest, LoadedTask } from '../messaging';
import { type ClientOptions, connect, ReplyClient } from '../reply/client';
import { ReplyError } from '../reply/errors';
import type { Task } from '../reply/schemas';
import { canPickEmailAccount, whyNotExecutable } from '../reply/task';
import { apiKeyItem, connectionItem } from '../storage';

/**
 * What the background does for the views. The only code that reads the API key; what it
 * returns never contains it.
 */
export function createReplyService(
  options: Pick<ClientOptions, 'baseUrl' | 'fetch' | 'timeoutMs'> = {},
) {
  async function client(): Promise<ReplyClient> {
    const [apiKey, connection] = await Promise.all([
      apiKeyItem.getValue(),
      connectionItem.getValue(),
    ]);
    if (!apiKey || !connection) throw new ReplyError('not-connected');
    return new ReplyClient(
      { apiKey, authScheme: connection.authScheme },
      {
        ...options,
        onAuthSchemeChange: (authScheme) =>
          void connectionItem.setValue({ ...connection, authScheme }),
      },
    );
  }

  const executor = createExecutor(client);

  async function connectionView(): Promise<ConnectionView> {
    const [apiKey, connection] = await Promise.all([
      apiKeyItem.getValue(),
      connectionItem.getValue(),
    ]);
    if (!apiKey || !connection) return { connected: false };
    return {
      connected: true,
      userId: connection.userId,
      username: connection.username,
      keyHint: apiKey.slice(-4),
    };
  }

  return {
    getConnection: connectionView,

    async saveApiKey(apiKey: string): Promise<ConnectionView> {
      const { whoami, authScheme } = await connect(apiKey, options);
      await connectionItem.setValue({
        userId: whoami.userId,
        username: whoami.username ?? null,
        authScheme,
      });
      await apiKeyItem.setValue(apiKey);
      return connectionView();
    },

    async removeApiKey(): Promise<ConnectionView> {
      await Promise.all([apiKeyItem.removeValue(), connectionItem.removeValue()]);
      return { connected: false };
    },

    async loadTask(taskId: number): Promise<LoadedTask> {
      const reply = await client();
      const task = await reply.getTask(taskId);
      const pickable = canPickEmailAccount(task) && whyNotExecutable(task) === null;
      // Without the list the panel still works: Reply then sends from the default account.
      const emailAccounts = pickable ? await reply.emailAccounts().catch(() => null) : null;
      return { task, emailAccounts };
    },

    executeTask({ taskId, ...body }: ExecuteRequest): Promise<Task> {
      return executor.execute(taskId, body);
    },
  };
}

export type ReplyService = ReturnType<typeof createReplyService>;
