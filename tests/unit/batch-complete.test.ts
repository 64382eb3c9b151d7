import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BATCH_MAX, createExecutor } from '@/utils/execution/executor';
import { createExecutionRecords } from '@/utils/execution/records';
import { type BatchFailure, type ReplyClient, readBatchFailures } from '@/utils/reply/client';
import { ReplyError } from '@/utils/reply/errors';
import type { Task } from '@/utils/reply/schemas';
import { type ExecutionRecord, executionsItem, openExecutionsItem } from '@/utils/storage';
import { makeTask } from '../fixtures/tasks';

const call = (id: number): Task => makeTask({ id, taskType: 'call', content: null });

/** A Reply whose batch answers a test scripts; tasks read back as `read` says. */
function fakeReply(script: {
  batch?: (ids: number[]) => Promise<Map<number, BatchFailure>>;
  read?: (id: number) => Promise<Task>;
  complete?: () => Promise<Task>;
}) {
  const reply = {
    completeTasks: vi.fn(script.batch ?? (async () => new Map<number, BatchFailure>())),
    completeTask: vi.fn(script.complete ?? (async () => ({ ...call(1), status: 'finished' }))),
    getTask: vi.fn(script.read ?? (async (id: number) => call(id))),
    executeTask: vi.fn(),
  };
  return reply as typeof reply & ReplyClient;
}

const executorFor = (reply: ReplyClient) =>
  createExecutor({
    client: async () => reply,
    records: createExecutionRecords(500),
    guard: async () => undefined,
    graceMs: 0,
  });

describe('batch complete', () => {
  beforeEach(() => fakeBrowser.reset());
  // Records written behind an answer land a task or two later: not in the next test's storage.
  afterEach(() => new Promise((resolve) => setTimeout(resolve, 5)));

  it('records every id before the call, completes each once, and answers later ones from the records', async () => {
    let recordedBeforeCall: Record<string, ExecutionRecord> = {};
    const reply = fakeReply({
      batch: async () => {
        recordedBeforeCall = await openExecutionsItem.getValue();
        return new Map();
      },
    });
    const executor = executorFor(reply);
    const results = await executor.completeMany([call(104), call(108)]);
    expect(Object.values(recordedBeforeCall).map((r) => r.state)).toEqual(['sending', 'sending']);
    expect(results.map((r) => [r.taskId, r.ok])).toEqual([
      [104, true],
      [108, true],
    ]);
    expect(reply.completeTasks).toHaveBeenCalledWith([104, 108]);

    const again = await executorFor(reply).completeMany([call(104)]);
    expect(again[0]).toMatchObject({ ok: true, outcome: { confirmed: 'already-sent' } });
    await executor.complete(108);
    expect(reply.completeTasks).toHaveBeenCalledTimes(1);
    expect(reply.completeTask).not.toHaveBeenCalled();
  });

  it(`sends at most ${BATCH_MAX} ids a call`, async () => {
    const reply = fakeReply({});
    const tasks = Array.from({ length: 230 }, (_, i) => call(1000 + i));
    const results = await executorFor(reply).completeMany(tasks);
    expect(reply.completeTasks.mock.calls.map(([ids]) => ids.length)).toEqual([100, 100, 30]);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('gives each failed id its own sentence and completes the rest', async () => {
    const reply = fakeReply({
      batch: async () =>
        new Map<number, BatchFailure>([
          [108, { reason: 'cannot-complete', detail: 'Task 108 is cancelled.' }],
          [999, { reason: 'not-found', detail: null }],
        ]),
      read: async (id) => ({ ...call(id), status: 'cancelled' }),
    });
    const results = await executorFor(reply).completeMany([call(104), call(108), call(999)]);
    expect(results[0]).toMatchObject({ taskId: 104, ok: true });
    expect(results[1]).toMatchObject({
      taskId: 108,
      ok: false,
      error: {
        message: expect.stringMatching(/couldn’t complete task 108.*Task 108 is cancelled/),
      },
    });
    expect(results[2]).toMatchObject({ taskId: 999, ok: false, error: { kind: 'not-found' } });
    expect(Object.keys(await executionsItem.getValue())).toEqual(['104']);
  });

  it('a failure that turns out finished on reading it back is done, not failed', async () => {
    const reply = fakeReply({
      batch: async () =>
        new Map<number, BatchFailure>([[108, { reason: 'cannot-complete', detail: null }]]),
      read: async (id) => ({ ...call(id), status: 'finished' }),
    });
    const [result] = await executorFor(reply).completeMany([call(108)]);
    expect(result).toMatchObject({ ok: true, outcome: { confirmed: 'already-finished' } });
  });

  it('after a dropped connection reads each task back: finished is done, New is not', async () => {
    const reply = fakeReply({
      batch: async () => Promise.reject(new ReplyError('network')),
      read: async (id) => ({ ...call(id), status: id === 104 ? 'finished' : 'new' }),
    });
    const executor = executorFor(reply);
    const results = await executor.completeMany([call(104), call(108)]);
    expect(results[0]).toMatchObject({
      ok: true,
      outcome: { confirmed: 'after-connection-loss' },
    });
    expect(results[1]).toMatchObject({ ok: false, error: { kind: 'not-completed' } });
    expect(reply.completeTasks).toHaveBeenCalledTimes(1);
  });

  it('a refused call completes nothing and keeps no records', async () => {
    const reply = fakeReply({
      batch: async () => Promise.reject(new ReplyError('rate-limited', { retryAfterSeconds: 30 })),
    });
    const results = await executorFor(reply).completeMany([call(104), call(108)]);
    expect(results.map((r) => r.ok)).toEqual([false, false]);
    expect(await executionsItem.getValue()).toEqual({});
    expect(await openExecutionsItem.getValue()).toEqual({});
  });

  it('a single complete of a task in the batch joins it instead of posting again', async () => {
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const reply = fakeReply({
      batch: async () => {
        await gate;
        return new Map();
      },
    });
    const executor = executorFor(reply);
    const batch = executor.completeMany([call(104)]);
    await new Promise((r) => setTimeout(r, 0));
    const single = executor.complete(104);
    release();
    const [[result], alone] = await Promise.all([batch, single]);
    expect(result).toMatchObject({ ok: true });
    expect(alone.completed).toBe(true);
    expect(reply.completeTask).not.toHaveBeenCalled();
  });
});

describe('reading a batch complete answer', () => {
  const asked = [104, 108, 999];
  it.each([
    ['all went well', {}, {}],
    [
      'ids at the top level, codes as numbers',
      { 108: { code: 7, message: 'Cancelled.' }, 999: { code: 1 } },
      { 108: 'cannot-complete', 999: 'not-found' },
    ],
    [
      'codes by name, under failures',
      { failures: { 108: { code: 'CannotComplete' }, 999: 'notFound' } },
      { 108: 'cannot-complete', 999: 'not-found' },
    ],
    [
      'a list of results, the good ones marked',
      {
        errors: [
          { taskId: 108, errorCode: 7 },
          { id: 104, success: true },
          { id: 999, code: 42 },
        ],
      },
      { 108: 'cannot-complete', 999: 'unknown' },
    ],
    ['an id not asked for is ignored', { 555: { code: 1 } }, {}],
    ['not an object at all', 'OK', {}],
  ])('%s', (_name, answer, expected) => {
    const read = readBatchFailures(answer, asked);
    expect(Object.fromEntries([...read].map(([id, f]) => [id, f.reason]))).toEqual(expected);
  });

  it('keeps Reply’s words', () => {
    expect(readBatchFailures({ 108: { code: 7, message: 'Cancelled.' } }, asked).get(108)).toEqual({
      reason: 'cannot-complete',
      detail: 'Cancelled.',
    });
  });
});
