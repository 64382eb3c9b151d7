import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { bulkRunItem, historyItem, settingsItem } from '@/utils/storage';

/**
 * Stored shapes that changed since release 0.1.0 (all its items were at version 1) migrate on
 * update: nothing the rep had is lost, and the new fields say "not known" rather than guess.
 */
describe('storage migrations from release 0.1.0', () => {
  beforeEach(() => fakeBrowser.reset());

  it('history entries gain the task type and the contact id, unknown for old entries', async () => {
    const v1 = [
      { taskId: 201, contact: 'Jane Doe', at: 1_700_000_000_000, outcome: 'sent', reason: null },
      { taskId: 202, contact: null, at: 1_700_000_100_000, outcome: 'failed', reason: 'Nope.' },
    ];
    await fakeBrowser.storage.local.set({ history: v1, history$: { v: 1 } });
    await historyItem.migrate();
    expect(await historyItem.getValue()).toEqual(
      v1.map((entry) => ({ ...entry, taskType: null, contactId: null })),
    );
    expect(await fakeBrowser.storage.local.get('history$')).toEqual({ history$: { v: 2 } });
  });

  it('a paused "send all" run keeps every item, its contact id unknown', async () => {
    const v1 = {
      items: [
        { taskId: 201, contact: 'Jane Doe', state: 'sent', reason: null },
        { taskId: 202, contact: 'John Roe', state: 'pending', reason: null },
      ],
      paused: true,
      waitingUntil: null,
    };
    await fakeBrowser.storage.local.set({ bulkRun: v1, bulkRun$: { v: 1 } });
    await bulkRunItem.migrate();
    expect(await bulkRunItem.getValue()).toEqual({
      ...v1,
      items: v1.items.map((item) => ({ ...item, contactId: null })),
    });
  });

  it('leaves current entries and empty items alone', async () => {
    await historyItem.migrate();
    expect(await historyItem.getValue()).toEqual([]);
    await bulkRunItem.migrate();
    expect(await bulkRunItem.getValue()).toBeNull();
  });

  it('settings keep every choice, and the badge goes on counting emails and SMS', async () => {
    const v1 = {
      authHeader: 'bearer',
      defaultEmailAccountId: 2,
      notifications: false,
      badge: true,
    };
    await fakeBrowser.storage.local.set({ settings: v1, settings$: { v: 1 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual({ ...v1, badgeCounts: 'sendable' });
  });
});
