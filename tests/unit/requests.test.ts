import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { requestSchemas } from '@/utils/background/requests';

describe('the background door: completeTask', () => {
  const accepts = (input: unknown) => v.safeParse(requestSchemas.completeTask, input).success;

  it('takes a task id with an optional call outcome and sequence choice', () => {
    expect(accepts({ taskId: 104 })).toBe(true);
    expect(accepts({ taskId: 104, callResolution: 0 })).toBe(true);
    expect(accepts({ taskId: 104, callResolution: 2, finishProspectInSequence: true })).toBe(true);
    expect(accepts({ taskId: 108, finishProspectInSequence: false })).toBe(true);
  });

  it('refuses an outcome Reply does not have, and a choice that is not a boolean', () => {
    expect(accepts({ taskId: 104, callResolution: 3 })).toBe(false);
    expect(accepts({ taskId: 104, callResolution: '2' })).toBe(false);
    expect(accepts({ taskId: 104, finishProspectInSequence: 'yes' })).toBe(false);
    expect(accepts({ taskId: 0 })).toBe(false);
  });
});

describe('the background door: completeTasks and snoozeTask', () => {
  const batch = (tasks: unknown) => v.safeParse(requestSchemas.completeTasks, { tasks }).success;
  const item = { taskId: 104, taskType: 'call', contactId: 2, contact: 'John Roe' };

  it('completes at once only tasks the rep does, never an email or SMS', () => {
    expect(batch([item, { ...item, taskId: 108, taskType: 'linkedIn' }])).toBe(true);
    expect(batch([{ ...item, taskType: 'manualEmail' }])).toBe(false);
    expect(batch([{ ...item, taskType: 'sms' }])).toBe(false);
    expect(batch([])).toBe(false);
  });

  it('snoozes until an ISO date-time only', () => {
    const snooze = (until: unknown) =>
      v.safeParse(requestSchemas.snoozeTask, { taskId: 104, until }).success;
    expect(snooze('2026-12-02T09:00:00.000Z')).toBe(true);
    expect(snooze('tomorrow')).toBe(false);
    expect(snooze(1_700_000_000_000)).toBe(false);
  });
});
