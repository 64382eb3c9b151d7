import { describe, expect, it } from 'vitest';
import {
  canPickEmailAccount,
  dueText,
  recipient,
  statusText,
  whyNotExecutable,
} from '@/utils/reply/task';
import { makeTask, oneOffEmailTask, smsTask } from '../fixtures/tasks';

describe('whyNotExecutable', () => {
  it.each([
    [makeTask(), null],
    [smsTask(), null],
    [makeTask({ taskType: 'call' }), /Call tasks can’t be executed/],
    [makeTask({ taskType: 'linkedIn' }), /LinkedIn tasks/],
    [makeTask({ taskType: 'unknown' }), /Unknown type tasks/],
    [makeTask({ status: 'finished' }), /This task is finished/],
    [makeTask({ status: 'sequenceDetached' }), /detached from its sequence/],
  ])('%#', (task, expected) => {
    const why = whyNotExecutable(task);
    if (expected === null) expect(why).toBeNull();
    else expect(why).toMatch(expected);
  });
});

describe('task facts', () => {
  it('offers an account only for one-off manual emails', () => {
    expect(canPickEmailAccount(oneOffEmailTask())).toBe(true);
    expect(canPickEmailAccount(makeTask())).toBe(false);
    expect(canPickEmailAccount(smsTask({ sequenceId: null, creationSource: 'user' }))).toBe(false);
  });

  it('sends SMS to the phone and email to the address', () => {
    expect(recipient(smsTask())).toBe('+1 555 0100');
    expect(recipient(makeTask())).toBe('jane.doe@example.com');
    expect(recipient(makeTask({ deliveryInfo: null }))).toBeNull();
  });

  it('puts status in words', () => {
    expect(statusText(makeTask())).toBe('New');
    expect(
      statusText(makeTask({ status: 'finished', finishedAt: '2026-11-28T17:02:00Z' }), 'en-US'),
    ).toMatch(/^Finished at Nov 28, 2026/);
    expect(statusText(makeTask({ status: 'finished', isFailed: true }))).toMatch(/^Failed/);
  });

  it('says when a task is due or overdue', () => {
    const now = Date.parse('2026-11-28T17:00:00Z');
    expect(dueText(makeTask({ dueTo: '2026-11-28T19:00:00Z' }), now, 'en')).toMatch(
      /^Nov 28, 2026.*\(in 2 hours\)$/,
    );
    expect(dueText(makeTask({ dueTo: '2026-11-25T17:00:00Z' }), now, 'en')).toMatch(
      /^Overdue: Nov 25, 2026.*\(3 days ago\)$/,
    );
    expect(dueText(makeTask({ dueTo: null }), now)).toBeNull();
  });
});
