import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createExecutor, type PreSendGuard } from '@/utils/execution/executor';
import { createExecutionRecords } from '@/utils/execution/records';
import type { ReplyClient } from '@/utils/reply/client';
import { ReplyError } from '@/utils/reply/errors';
import type { Task } from '@/utils/reply/schemas';
import { makeTask } from '../fixtures/tasks';

const NEW = makeTask();
const FINISHED: Task = { ...NEW, status: 'finished', finishedAt: '2026-11-28T17:05:00Z' };

/** A Reply whose execute and read-back answers a test scripts. */
function fakeReply(script: {
  execute?: () => Promise<Task>;
  read?: () => Promise<Task>;
  complete?: () => Promise<Task>;
}) {
  const reply = {
    executeTask: vi.fn(script.execute ?? (async () => FINISHED)),
    completeTask: vi.fn(script.complete ?? (async () => FINISHED)),
    getTask: vi.fn(script.read ?? (async () => FINISHED)),
  };
  return reply as typeof reply & ReplyClient;
}

const records = () => createExecutionRecords(50);

function executorFor(reply: ReplyClient, guard: PreSendGuard = async () => undefined) {
  return createExecutor({ client: async () => reply, records: records(), guard, graceMs: 0 });
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: ReplyError) => e.kind,
  );

describe('executor', () => {
  beforeEach(() => fakeBrowser.reset());
  // Records written behind an answer land a task or two later: not in the next test's storage.
  afterEach(() => new Promise((resolve) => setTimeout(resolve, 5)));

  it('sends once for concurrent requests and answers later ones from the record', async () => {
    const reply = fakeReply({});
    const executor = executorFor(reply);
    const [a, b] = await Promise.all([executor.execute(101, {}), executor.execute(101, {})]);
    expect(a).toEqual(b);
    // At once (the record is written behind the answer; reads wait for it)...
    expect(await executor.execute(101, {})).toEqual({ task: FINISHED, confirmed: 'already-sent' });
    // ...and from a background started later, once it has landed.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const later = await executorFor(reply).execute(101, {});
    expect(later).toEqual({ task: FINISHED, confirmed: 'already-sent' });
    expect(reply.executeTask).toHaveBeenCalledTimes(1);
  });

  it.each(['timeout', 'network', 'server', 'bad-response'] as const)(
    'after a %s, a task Reply shows Finished was sent, and is not sent again',
    async (kind) => {
      const reply = fakeReply({ execute: () => Promise.reject(new ReplyError(kind)) });
      const executor = executorFor(reply);
      expect(await executor.execute(101, {})).toEqual({
        task: FINISHED,
        confirmed: 'after-connection-loss',
      });
      await executor.execute(101, {});
      expect(reply.executeTask).toHaveBeenCalledTimes(1);
    },
  );

  it('after a dropped connection, a task Reply still shows New was not sent; sending again is allowed', async () => {
    const reply = fakeReply({
      execute: vi.fn().mockRejectedValueOnce(new ReplyError('network')).mockResolvedValue(FINISHED),
      read: async () => NEW,
    });
    const executor = executorFor(reply);
    expect(await failure(executor.execute(101, {}))).toBe('not-sent');
    expect(await executor.execute(101, {})).toEqual({ task: FINISHED });
    expect(reply.executeTask).toHaveBeenCalledTimes(2);
  });

  it('when the read-back fails too, says so and never posts again without a check', async () => {
    const read = vi
      .fn()
      .mockRejectedValueOnce(new ReplyError('network'))
      .mockResolvedValue(FINISHED);
    const reply = fakeReply({ execute: () => Promise.reject(new ReplyError('timeout')), read });
    const executor = executorFor(reply);
    expect(await failure(executor.execute(101, {}))).toBe('unconfirmed');
    expect(await executor.execute(101, {})).toMatchObject({ confirmed: 'after-connection-loss' });
    expect(reply.executeTask).toHaveBeenCalledTimes(1);
  });

  it('a clean refusal (4xx, 429) leaves no record and is not reconciled', async () => {
    const reply = fakeReply({ execute: () => Promise.reject(new ReplyError('rate-limited')) });
    const executor = executorFor(reply);
    expect(await failure(executor.execute(101, {}))).toBe('rate-limited');
    expect(reply.getTask).not.toHaveBeenCalled();
    expect(await executor.status(101)).toBeNull();
  });

  it('a background that starts again settles what the stopped one left in flight', async () => {
    await records().set(101, { state: 'sending', at: Date.now() });
    const reply = fakeReply({});
    const executor = executorFor(reply);
    await executor.recover();
    expect(reply.getTask).toHaveBeenCalledWith(101);
    expect(await executor.status(101)).toEqual({ task: FINISHED, confirmed: 'already-sent' });
    expect(reply.executeTask).not.toHaveBeenCalled();
  });

  it('reconciles a record left open before sending again', async () => {
    await records().set(101, { state: 'sending', at: Date.now() });
    const reply = fakeReply({ read: async () => NEW });
    expect(await executorFor(reply).execute(101, {})).toEqual({ task: FINISHED });
    expect(reply.getTask).toHaveBeenCalledOnce();
    expect(reply.executeTask).toHaveBeenCalledOnce();
  });

  it('sends nothing and records nothing when the pre-send checks hold the task', async () => {
    const reply = fakeReply({});
    const guard = vi.fn(async () => Promise.reject(new ReplyError('replied')));
    const executor = executorFor(reply, guard);
    expect(await failure(executor.execute(101, {}))).toBe('replied');
    expect(reply.executeTask).not.toHaveBeenCalled();
    expect(await executor.known(101)).toBeNull();
    expect(guard).toHaveBeenCalledWith(reply, 101, []);
    await failure(executor.execute(101, {}, ['replied']));
    expect(guard).toHaveBeenLastCalledWith(reply, 101, ['replied']);
  });

  it('completes without sending once, joined and remembered like an execution', async () => {
    const reply = fakeReply({});
    const guard = vi.fn(async () => undefined);
    const executor = executorFor(reply, guard);
    const [a, b] = await Promise.all([executor.complete(101), executor.complete(101)]);
    expect(a).toEqual({ task: FINISHED, completed: true });
    expect(b).toEqual(a);
    expect(await executor.complete(101)).toEqual({
      task: FINISHED,
      completed: true,
      confirmed: 'already-sent',
    });
    // Completed: an execute now is answered from the record, never posted.
    expect(await executor.execute(101, {})).toMatchObject({ completed: true });
    expect(reply.completeTask).toHaveBeenCalledTimes(1);
    expect(reply.executeTask).not.toHaveBeenCalled();
    expect(guard).not.toHaveBeenCalled();
  });

  it('passes the call outcome and the sequence choice to Reply, once', async () => {
    const reply = fakeReply({});
    const executor = executorFor(reply);
    const body = { callResolution: 2, finishProspectInSequence: true } as const;
    await Promise.all([executor.complete(104, body), executor.complete(104, body)]);
    expect(reply.completeTask).toHaveBeenCalledTimes(1);
    expect(reply.completeTask).toHaveBeenCalledWith(104, body);
  });

  it('reads the task back after a complete whose answer was lost', async () => {
    const lostThenNew = fakeReply({
      complete: () => Promise.reject(new ReplyError('network')),
      read: async () => NEW,
    });
    expect(await failure(executorFor(lostThenNew).complete(101))).toBe('not-completed');
    const lostButDone = fakeReply({ complete: () => Promise.reject(new ReplyError('server')) });
    expect(await executorFor(lostButDone).complete(101)).toEqual({
      task: FINISHED,
      completed: true,
      confirmed: 'after-connection-loss',
    });
    expect(lostButDone.completeTask).toHaveBeenCalledTimes(1);
  });
});
