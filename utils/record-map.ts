import type { WxtStorageItem } from '#imports';

/**
 * A map of records by id (a task's, a sequence step's) kept in one storage item. Writes run one at a time, so concurrent
 * updates for different tasks can't overwrite each other; past `cap` entries the oldest
 * (by `at`) go first.
 */
export function createRecordMap<T extends { at: number }>(
  item: WxtStorageItem<Record<string, T>, Record<string, unknown>>,
  cap: number,
) {
  let writes: Promise<unknown> = Promise.resolve();

  const update = (change: (all: Record<string, T>) => Record<string, T>): Promise<void> => {
    const write = writes.then(async () => item.setValue(change({ ...(await item.getValue()) })));
    writes = write.catch(() => undefined);
    return write;
  };

  return {
    async all(): Promise<Record<string, T>> {
      await writes;
      return item.getValue();
    },
    async get(id: number): Promise<T | null> {
      await writes;
      return (await item.getValue())[id] ?? null;
    },
    set: (id: number, record: T) =>
      update((all) => {
        all[id] = record;
        const entries = Object.entries(all);
        if (entries.length <= cap) return all;
        entries.sort(([, a], [, b]) => b.at - a.at);
        return Object.fromEntries(entries.slice(0, cap));
      }),
    remove: (id: number) =>
      update((all) => {
        delete all[id];
        return all;
      }),
  };
}

export type RecordMap<T extends { at: number }> = ReturnType<typeof createRecordMap<T>>;
