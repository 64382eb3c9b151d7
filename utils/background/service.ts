import { createExecutor, type ExecutionOutcome } from '../execution/executor';
import type { ConnectionView, DraftEdits, ExecuteRequest, LoadedTask } from '../messaging';
import { createRecordMap } from '../record-map';
import { type ClientOptions, connect, ReplyClient } from '../reply/client';
import { ReplyError } from '../reply/errors';
import { RateLimiter } from '../reply/rate-limit';
import { canPickEmailAccount, whyNotExecutable } from '../reply/task';
import { apiKeyItem, connectionItem, type Draft, draftsItem, executionsItem } from '../storage';

/** Drafts and execution records kept at most; the oldest go first. */
const DRAFTS_KEPT = 100;
const EXECUTIONS_KEPT = 500;

/**
 * What the background does for the views. The only code that reads the API key; what it
 * returns never contains it.
 */
export function createReplyService(
  options: Pick<ClientOptions, 'baseUrl' | 'fetch' | 'timeoutMs'> & { graceMs?: number } = {},
) {
  const limiter = new RateLimiter();
  const drafts = createRecordMap<Draft>(draftsItem, DRAFTS_KEPT);

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
        limiter,
        onAuthSchemeChange: (authScheme) =>
          void connectionItem.setValue({ ...connection, authScheme }),
      },
    );
  }

  const executor = createExecutor({
    client,
    records: createRecordMap(executionsItem, EXECUTIONS_KEPT),
    graceMs: options.graceMs,
  });

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
    /** Settles executions a stopped background left open. */
    recover: () => executor.recover(),

    getConnection: connectionView,

    async saveApiKey(apiKey: string): Promise<ConnectionView> {
      const { whoami, authScheme } = await connect(apiKey, { ...options, limiter });
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
      const [draft, execution] = await Promise.all([drafts.get(taskId), executor.known(taskId)]);
      return {
        task,
        emailAccounts,
        draft: draft && { subject: draft.subject, body: draft.body },
        execution,
      };
    },

    async executeTask({ taskId, ...body }: ExecuteRequest): Promise<ExecutionOutcome> {
      const outcome = await executor.execute(taskId, body);
      await drafts.remove(taskId);
      return outcome;
    },

    executionStatus: (taskId: number) => executor.status(taskId),

    async saveDraft(taskId: number, edits: DraftEdits): Promise<null> {
      if (edits.subject === null && edits.body === null) await drafts.remove(taskId);
      else await drafts.set(taskId, { ...edits, at: Date.now() });
      return null;
    },
  };
}

export type ReplyService = ReturnType<typeof createReplyService>;
