import type { WxtStorageItem } from '#imports';

/** Runs writes one at a time, in order; a failed write doesn't stop the ones after it. */
export function createWriteQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(write: () => Promise<T>): Promise<T> {
      const next = tail.then(write);
      tail = next.catch(() => undefined);
      return next;
    },
    /** Resolves once every write queued so far has finished. */
    settled: () => tail.then(() => undefined),
  };
}

/**
 * A map of records by id (a task's, a sequence step's) kept in one storage item. Writes run one at a time, so concurrent
 * updates for different tasks can't overwrite each other; past `cap` entries the oldest
 * (by `at`) go first.
 */
export function createRecordMap<T extends { at: number }>(
  item: WxtStorageItem<Record<string, T>, Record<string, unknown>>,
  cap: number,
) {
  const writes = createWriteQueue();

  const update = (change: (all: Record<string, T>) => Record<string, T>): Promise<void> =>
    writes.run(async () => item.setValue(change({ ...(await item.getValue()) })));

  return {
    async all(): Promise<Record<string, T>> {
      await writes.settled();
      return item.getValue();
    },
    async get(id: number): Promise<T | null> {
      await writes.settled();
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
