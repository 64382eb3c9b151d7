import type { ExecuteBody, ReplyClient } from '../reply/client';
import type { Task } from '../reply/schemas';

/**
 * The only code that sends. Executing a task sends a real message and Reply has no
 * idempotency key, so a second request for a task already in flight joins the first one's
 * outcome instead of posting again.
 */
export function createExecutor(client: () => Promise<ReplyClient>) {
  const inFlight = new Map<number, Promise<Task>>();

  return {
    execute(taskId: number, body: ExecuteBody): Promise<Task> {
      const running = inFlight.get(taskId);
      if (running) return running;
      const execution = client()
        .then((reply) => reply.executeTask(taskId, body))
        .finally(() => inFlight.delete(taskId));
      inFlight.set(taskId, execution);
      return execution;
    },
  };
}

export type Executor = ReturnType<typeof createExecutor>;
