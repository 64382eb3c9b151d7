import { describe, expect, it, vi } from 'vitest';
import { createPreSendChecks } from '@/utils/background/pre-send-checks';
import type { ReplyClient } from '@/utils/reply/client';
import { ReplyError } from '@/utils/reply/errors';
import type { InboxThread } from '@/utils/reply/schemas';
import { makeTask } from '../fixtures/tasks';

/** A Reply whose opt-out statuses and inbox a test scripts, counting what it is asked. */
function fakeReply(script: {
  optedOut?: (contactId: number) => Promise<boolean>;
  threads?: (contactIds: number[]) => Promise<InboxThread[]>;
}) {
  const reply = {
    isOptedOut: vi.fn(script.optedOut ?? (async () => false)),
    inboxThreads: vi.fn(script.threads ?? (async () => [])),
    getTask: vi.fn(async (id: number) => makeTask({ id, contactId: 5 })),
  };
  return reply as typeof reply & ReplyClient;
}

const CREATED = '2026-11-26T19:00:00Z';
const kindOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'allowed',
    (e: ReplyError) => e.kind,
  );

describe('pre-send checks', () => {
  it('never lets an opted-out contact’s task go, acknowledged or not', async () => {
    const checks = createPreSendChecks();
    const reply = fakeReply({ optedOut: async () => true });
    checks.noteTask(makeTask({ id: 1, contactId: 5, createdAt: CREATED }));
    expect(await kindOf(checks.guard(reply, 1, []))).toBe('opted-out');
    expect(await kindOf(checks.guard(reply, 1, ['replied', 'unchecked']))).toBe('opted-out');
  });

  it('holds a task whose contact wrote after it was made, with when and the first line', async () => {
    const checks = createPreSendChecks();
    const reply = fakeReply({
      threads: async () => [
        { contactId: 5, at: '2026-11-20T10:00:00Z', preview: 'Old news' },
        { contactId: 5, at: '2026-11-30T10:00:00Z', preview: '\n  Not interested, thanks.\nRita' },
      ],
    });
    checks.noteTask(makeTask({ id: 1, contactId: 5, createdAt: CREATED }));
    const error = await checks.guard(reply, 1, []).catch((e: ReplyError) => e);
    expect(error).toBeInstanceOf(ReplyError);
    expect((error as ReplyError).toFailure()).toMatchObject({
      kind: 'replied',
      replied: { at: '2026-11-30T10:00:00Z', firstLine: 'Not interested, thanks.' },
    });
    expect(await kindOf(checks.guard(reply, 1, ['replied']))).toBe('allowed');
  });

  it('lets a task go when the contact last wrote before it was made', async () => {
    const checks = createPreSendChecks();
    const reply = fakeReply({
      threads: async () => [{ contactId: 5, at: '2026-11-01T10:00:00Z', preview: 'Hi' }],
    });
    checks.noteTask(makeTask({ id: 1, contactId: 5, createdAt: CREATED }));
    expect(await kindOf(checks.guard(reply, 1, []))).toBe('allowed');
  });

  it('says when it couldn’t check, lets the rep send anyway, and passes a 429 on', async () => {
    const checks = createPreSendChecks();
    const down = fakeReply({ optedOut: async () => Promise.reject(new ReplyError('server')) });
    checks.noteTask(makeTask({ id: 1, contactId: 5 }));
    expect(await kindOf(checks.guard(down, 1, []))).toBe('unchecked');
    expect(await kindOf(checks.guard(down, 1, ['unchecked']))).toBe('allowed');
    const limited = fakeReply({
      threads: async () => Promise.reject(new ReplyError('rate-limited')),
    });
    expect(await kindOf(createPreSendChecks().guard(limited, 1, []))).toBe('rate-limited');
  });

  it('keeps answers per contact for a while, and asks the inbox about upcoming contacts at once', async () => {
    let now = 0;
    const checks = createPreSendChecks(() => now);
    const reply = fakeReply({});
    for (const [id, contactId] of [
      [1, 5],
      [2, 6],
      [3, 5],
    ] as const) {
      checks.noteTask(makeTask({ id, contactId }));
    }
    checks.expect([5, 6, 7]);
    await checks.guard(reply, 1, []);
    await checks.guard(reply, 2, []);
    await checks.guard(reply, 3, []);
    expect(reply.inboxThreads.mock.calls).toEqual([[[5, 6, 7]]]);
    expect(reply.isOptedOut.mock.calls).toEqual([[5], [6]]);
    now += 61_000;
    await checks.guard(reply, 3, []);
    expect(reply.isOptedOut).toHaveBeenCalledTimes(3);
    expect(reply.inboxThreads).toHaveBeenCalledTimes(2);
  });

  it('asks about a contact alone when a batch’s threads don’t say whose they are', async () => {
    const checks = createPreSendChecks();
    const reply = fakeReply({
      threads: async (ids) =>
        ids.length > 1 ? [{ contactId: null, at: null, preview: 'Whose?' }] : [],
    });
    checks.noteTask(makeTask({ id: 1, contactId: 5 }));
    checks.expect([5, 6]);
    expect(await kindOf(checks.guard(reply, 1, []))).toBe('allowed');
    expect(reply.inboxThreads.mock.calls).toEqual([[[5, 6]], [[5]]]);
  });

  it('reads the task when no view or run did, and asks nothing for a task without contact', async () => {
    const checks = createPreSendChecks();
    const reply = fakeReply({});
    await checks.guard(reply, 9, []);
    expect(reply.getTask).toHaveBeenCalledWith(9);
    checks.noteTask(makeTask({ id: 10, contactId: null }));
    await checks.guard(reply, 10, []);
    expect(reply.isOptedOut).toHaveBeenCalledTimes(1);
  });

  it('asks ahead for a task a view loaded, so the send itself asks nothing more', async () => {
    const checks = createPreSendChecks();
    const reply = fakeReply({});
    checks.warm(reply, makeTask({ id: 1, contactId: 5, createdAt: CREATED }));
    expect(reply.isOptedOut).toHaveBeenCalledTimes(1);
    expect(reply.inboxThreads).toHaveBeenCalledTimes(1);
    expect(await kindOf(checks.guard(reply, 1, []))).toBe('allowed');
    expect(reply.isOptedOut).toHaveBeenCalledTimes(1);
    expect(reply.inboxThreads).toHaveBeenCalledTimes(1);
    expect(reply.getTask).not.toHaveBeenCalled();
  });

  it('asks nothing ahead for a task that can’t be sent, and asks again after a failed warm', async () => {
    const checks = createPreSendChecks();
    const reply = fakeReply({});
    checks.warm(reply, makeTask({ id: 2, contactId: 6, taskType: 'call' }));
    checks.warm(reply, makeTask({ id: 3, contactId: 7, status: 'finished' }));
    expect(reply.isOptedOut).not.toHaveBeenCalled();
    const down = fakeReply({ optedOut: async () => Promise.reject(new ReplyError('server')) });
    checks.warm(down, makeTask({ id: 4, contactId: 8 }));
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve));
    expect(await kindOf(checks.guard(reply, 4, []))).toBe('allowed');
    expect(reply.isOptedOut).toHaveBeenCalledWith(8);
  });
});
