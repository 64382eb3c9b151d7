import { describe, expect, it, vi } from 'vitest';
import { type ExecutionPort, executeOverPort, serveExecutionPort } from '@/utils/execution-port';
import type { ExecuteRequest, ExecutionOutcome, Result } from '@/utils/messaging';

type Answer = Result<ExecutionOutcome>;

/**
 * Two connected ends, as `runtime.connect` gives: what one end posts or its disconnect reaches
 * the other in a later task, in order; an end that disconnected (or was disconnected) receives
 * nothing more and throws on a post.
 */
function portPair(): {
  view: ExecutionPort;
  background: ExecutionPort;
  viewPosts: unknown[];
  viewClosed: () => boolean;
} {
  const viewPosts: unknown[] = [];
  const end = () => ({
    closed: false,
    messages: [] as ((message: unknown) => void)[],
    disconnects: [] as (() => void)[],
  });
  const view = end();
  const background = end();
  const make = (own: ReturnType<typeof end>, other: ReturnType<typeof end>): ExecutionPort => ({
    postMessage(message) {
      if (own.closed) throw new Error('Attempting to use a disconnected port object');
      if (own === view) viewPosts.push(message);
      queueMicrotask(() => {
        if (!other.closed) for (const listener of other.messages) listener(message);
      });
    },
    disconnect() {
      if (own.closed) return;
      own.closed = true;
      queueMicrotask(() => {
        if (other.closed) return;
        other.closed = true;
        for (const listener of other.disconnects) listener();
      });
    },
    onMessage: { addListener: (listener) => own.messages.push(listener) },
    onDisconnect: { addListener: (listener) => own.disconnects.push(listener) },
  });
  return {
    view: make(view, background),
    background: make(background, view),
    viewPosts,
    viewClosed: () => view.closed,
  };
}

const sent: Answer = {
  ok: true,
  value: { taskId: 101, state: 'sent' } as unknown as ExecutionOutcome,
};
const request: ExecuteRequest = { taskId: 101 } as ExecuteRequest;

/** The background's checks stand in: a request with a task id is valid. */
function background(run: () => Promise<Answer>) {
  const watched: number[] = [];
  const watch = vi.fn((taskId: number) => {
    watched.push(taskId);
    return () => {
      watched.splice(watched.indexOf(taskId), 1);
    };
  });
  const answer = vi.fn(async (data: unknown, onValid: (request: ExecuteRequest) => void) => {
    const taskId = (data as { taskId?: unknown } | null)?.taskId;
    if (typeof taskId !== 'number') {
      return { ok: false, error: { kind: 'bad-message', message: 'bad' } } as Answer;
    }
    onValid(data as ExecuteRequest);
    return run();
  });
  return { watched, watch, answer };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('an execution over its own port', () => {
  it('posts the request once and resolves with the answer; the view is watching until then', async () => {
    const ports = portPair();
    const execution = deferred<Answer>();
    const side = background(() => execution.promise);
    serveExecutionPort(ports.background, side.answer, side.watch);
    const afterLoss = vi.fn(async (): Promise<Answer> => sent);

    const answered = executeOverPort(() => ports.view, request, undefined, afterLoss);
    await vi.waitFor(() => expect(side.watched).toEqual([101]));
    execution.resolve(sent);

    expect(await answered).toEqual(sent);
    expect(ports.viewPosts).toEqual([request]);
    expect(side.answer).toHaveBeenCalledTimes(1);
    expect(side.watched).toEqual([]);
    // The view closes its end once the answer is painted, not before handing it on.
    expect(ports.viewClosed()).toBe(false);
    await vi.waitFor(() => expect(ports.viewClosed()).toBe(true));
    expect(afterLoss).not.toHaveBeenCalled();
  });

  it('stops watching when the view stops, and the view asks what became of it', async () => {
    const ports = portPair();
    const execution = deferred<Answer>();
    const side = background(() => execution.promise);
    serveExecutionPort(ports.background, side.answer, side.watch);
    const lost: Answer = { ok: false, error: { kind: 'not-sent', message: 'Not sent.' } } as Answer;
    const afterLoss = vi.fn(async () => lost);
    const watching = new AbortController();

    const answered = executeOverPort(() => ports.view, request, watching.signal, afterLoss);
    await vi.waitFor(() => expect(side.watched).toEqual([101]));
    watching.abort();

    expect(await answered).toBe(lost);
    // Nobody watches now, so the background reports it as it settles (a notification).
    expect(side.watched).toEqual([]);
    execution.resolve(sent);
    await Promise.resolve();
    expect(afterLoss).toHaveBeenCalledTimes(1);
  });

  it("asks what became of it when the background's end goes with no answer", async () => {
    const ports = portPair();
    const afterLoss = vi.fn(async () => sent);
    // No one serves this port: the background stopped while the request was out.
    const answered = executeOverPort(() => ports.view, request, undefined, afterLoss);
    await Promise.resolve();
    ports.background.disconnect();

    expect(await answered).toBe(sent);
    expect(afterLoss).toHaveBeenCalledTimes(1);
  });

  it('never posts when the view had already stopped watching', async () => {
    const ports = portPair();
    const afterLoss = vi.fn(async () => sent);
    const watching = new AbortController();
    watching.abort();

    await executeOverPort(() => ports.view, request, watching.signal, afterLoss);
    expect(ports.viewPosts).toEqual([]);
    expect(afterLoss).toHaveBeenCalledTimes(1);
  });

  it('answers an extension that is gone with a failure, not a throw', async () => {
    const answered = await executeOverPort(
      () => {
        throw new Error('Extension context invalidated.');
      },
      request,
      undefined,
      async () => sent,
    );
    expect(answered).toMatchObject({ ok: false, error: { kind: 'extension' } });
  });

  it('refuses an invalid request without watching, and runs only the first message', async () => {
    const ports = portPair();
    const side = background(async () => sent);
    serveExecutionPort(ports.background, side.answer, side.watch);
    const posted: unknown[] = [];
    ports.view.onMessage.addListener((message) => posted.push(message));

    ports.view.postMessage({ taskId: 'drop table' });
    ports.view.postMessage(request);
    await vi.waitFor(() => expect(posted).toHaveLength(1));

    expect(posted[0]).toMatchObject({ ok: false, error: { kind: 'bad-message' } });
    expect(side.answer).toHaveBeenCalledTimes(1);
    expect(side.watch).not.toHaveBeenCalled();
  });

  it('lets go of the watch when the view goes mid-request, and posts nothing after', async () => {
    const ports = portPair();
    const execution = deferred<Answer>();
    const side = background(() => execution.promise);
    serveExecutionPort(ports.background, side.answer, side.watch);
    const posted: unknown[] = [];
    ports.view.onMessage.addListener((message) => posted.push(message));
    ports.view.postMessage(request);
    await vi.waitFor(() => expect(side.watched).toEqual([101]));

    ports.view.disconnect();
    await vi.waitFor(() => expect(side.watched).toEqual([]));
    execution.resolve(sent);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(posted).toEqual([]);
    expect(side.watched).toEqual([]);
  });
});
