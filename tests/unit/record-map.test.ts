import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRecordMap } from '@/utils/record-map';
import { type ExecutionRecord, executionsItem } from '@/utils/storage';

const records = () => createRecordMap<ExecutionRecord>(executionsItem, 3);
/** Lets storage change events reach their listeners. */
const changesDelivered = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('record map', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads storage once, then answers from memory; each write is one storage write', async () => {
    const map = records();
    expect(await map.get(1)).toBeNull();
    const reads = vi.spyOn(fakeBrowser.storage.session, 'get');
    const writes = vi.spyOn(fakeBrowser.storage.session, 'set');
    await map.set(1, { state: 'sending', at: 1 });
    await map.set(1, { state: 'unconfirmed', at: 2 });
    await changesDelivered();
    expect(await map.get(1)).toEqual({ state: 'unconfirmed', at: 2 });
    expect(reads).not.toHaveBeenCalled();
    // The write itself, and WXT's version marker beside it at most.
    expect(writes.mock.calls.filter(([items]) => 'executions' in items)).toHaveLength(2);
    expect(await executionsItem.getValue()).toEqual({ 1: { state: 'unconfirmed', at: 2 } });
  });

  it('goes back to storage after a change it did not make (storage cleared)', async () => {
    const map = records();
    await map.set(1, { state: 'sending', at: 1 });
    await changesDelivered();
    expect(await map.get(1)).not.toBeNull();
    await fakeBrowser.storage.session.clear();
    await changesDelivered();
    expect(await map.get(1)).toBeNull();
    await executionsItem.setValue({ 2: { state: 'unconfirmed', at: 5 } });
    await changesDelivered();
    expect(await map.all()).toEqual({ 2: { state: 'unconfirmed', at: 5 } });
  });

  it('keeps the newest records past its cap, and a failed write changes nothing', async () => {
    const map = records();
    for (const at of [1, 2, 3, 4]) await map.set(at, { state: 'sending', at });
    expect(Object.keys(await map.all())).toEqual(['2', '3', '4']);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValueOnce(new Error('quota'));
    await expect(map.set(5, { state: 'sending', at: 5 })).rejects.toThrow('quota');
    expect(Object.keys(await map.all())).toEqual(['2', '3', '4']);
  });
});
