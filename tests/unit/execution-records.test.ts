import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createExecutionRecords } from '@/utils/execution/records';
import { executionsItem, openExecutionsItem } from '@/utils/storage';
import { makeTask } from '../fixtures/tasks';

const sent = (id: number, at = 1) => ({
  state: 'sent' as const,
  at,
  task: makeTask({ id, status: 'finished' }),
});

describe('execution records', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => new Promise((resolve) => setTimeout(resolve, 5)));

  it('writes an intent before a send into the small map only, however many tasks were sent', async () => {
    const records = createExecutionRecords(500);
    for (let id = 1; id <= 50; id++) await records.set(id, sent(id));
    const writes = vi.spyOn(fakeBrowser.storage.session, 'set');
    await records.set(51, { state: 'sending', at: 2 });
    const written = writes.mock.calls.flatMap(([items]) => Object.keys(items));
    expect(written).toContain('openExecutions');
    expect(written).not.toContain('executions');
    expect(await records.get(51)).toEqual({ state: 'sending', at: 2 });
  });

  it('settles a task into the other map and leaves no open record behind', async () => {
    const records = createExecutionRecords(500);
    await records.set(7, { state: 'sending', at: 1 });
    await records.set(7, sent(7, 2));
    expect(await records.get(7)).toEqual(sent(7, 2));
    expect(await openExecutionsItem.getValue()).toEqual({});
    expect(Object.keys(await executionsItem.getValue())).toEqual(['7']);
    await records.remove(7);
    expect(await records.get(7)).toBeNull();
  });

  it('a background stopped between the two writes finds the task sent, not open', async () => {
    await openExecutionsItem.setValue({ 9: { state: 'sending', at: 1 } });
    await executionsItem.setValue({ 9: sent(9, 2) });
    const records = createExecutionRecords(500);
    expect(await records.get(9)).toEqual(sent(9, 2));
    expect((await records.all())[9]?.state).toBe('sent');
  });
});
