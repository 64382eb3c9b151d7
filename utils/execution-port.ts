import { afterNextPaint } from './after-paint';
import type { ExecuteRequest, ExecutionOutcome, Result } from './messaging';
import { ReplyError } from './reply/errors';

/**
 * An execution from a view travels on a port of its own (`EXECUTE_PORT`): the request goes out
 * on it, the answer comes back on it, and while it is open the background knows a view is
 * waiting, so an execution that settles after its port closed (panel closed, tab gone, popup
 * shut) raises a notification. One channel per click: a message beside a watch port took two,
 * and the click paid for both (Chromium's `sendMessage` opens a channel of its own).
 */

/** What both ends use of a `runtime.Port` (a test hands them a pair of fakes). */
export interface ExecutionPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

type Answer = Result<ExecutionOutcome>;

/**
 * The view's end. `connect` opens the port; `afterLoss` asks what became of the execution when
 * the port closes with no answer (the background stopped: Chrome idles service workers, Firefox
 * unloads event pages) or the view stopped watching (`watching` aborted).
 */
export function executeOverPort(
  connect: () => ExecutionPort,
  request: ExecuteRequest,
  watching: AbortSignal | undefined,
  afterLoss: () => Promise<Answer>,
): Promise<Answer> {
  return new Promise((resolve) => {
    let port: ExecutionPort;
    try {
      port = connect();
    } catch {
      // The extension was reloaded or updated under a live page.
      resolve({ ok: false, error: new ReplyError('extension').toFailure() });
      return;
    }
    let settled = false;
    const end = (answer: Answer | Promise<Answer>) => {
      if (settled) return false;
      settled = true;
      watching?.removeEventListener('abort', stopWatching);
      resolve(answer);
      return true;
    };
    const close = () => {
      try {
        port.disconnect();
      } catch {
        // The extension was reloaded under the page: the port went with it.
      }
    };
    const stopWatching = () => {
      if (end(afterLoss())) close();
    };
    port.onMessage.addListener((answer) => {
      // Closing a port takes Chromium's page about a millisecond: the answer is painted first
      // (the background let go of the watch as it posted).
      if (end(answer as Answer)) afterNextPaint(close);
    });
    port.onDisconnect.addListener(() => end(afterLoss()));
    if (watching?.aborted) return stopWatching();
    watching?.addEventListener('abort', stopWatching, { once: true });
    port.postMessage(request);
  });
}

/**
 * The background's end: the port's first message is the request; `answer` validates and runs
 * it (the door's checks), `watch` counts the view as waiting for that task until the answer is
 * posted or the port closes. Later messages on the port are ignored.
 */
export function serveExecutionPort(
  port: ExecutionPort,
  answer: (data: unknown, onValid: (request: ExecuteRequest) => void) => Promise<Answer>,
  watch: (taskId: number) => () => void,
): void {
  let open = true;
  let taken = false;
  let unwatch = () => {};
  port.onDisconnect.addListener(() => {
    open = false;
    unwatch();
  });
  port.onMessage.addListener(async (data) => {
    if (taken) return;
    taken = true;
    const result = await answer(data, ({ taskId }) => {
      if (open) unwatch = watch(taskId);
    });
    if (!open) return;
    try {
      port.postMessage(result);
    } catch {
      // The view closed between the settle and this post: the port is already gone.
    }
    // The view closes the port once the answer is painted; closing it here could race the post.
    unwatch();
  });
}
