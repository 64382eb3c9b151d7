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
