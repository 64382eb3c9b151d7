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

export interface WriteOptions {
  /**
   * Queued at once (reads wait for it) but written after the current task: for a write behind
   * an answer, so the answer is posted before the map is serialized.
   */
  behind?: boolean;
}

/** Resolves in a later task, after what this one has queued (an answer's message) has gone. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A map of records by id (a task's, a sequence step's) kept in one storage item, for the one
 * context that writes it (the background). Writes run one at a time, so concurrent updates for
 * different tasks can't overwrite each other; past `cap` entries the oldest (by `at`) go first.
 *
 * The map is read from storage once and then kept in memory, updated by each write once it has
 * landed: a send then costs one storage round trip (its "sending" record) instead of three. A
 * change that is not this map's own write (storage cleared, as a browser restart clears
 * session storage; another context) drops the copy, and the next read goes to storage again.
 */
export function createRecordMap<T extends { at: number }>(
  item: WxtStorageItem<Record<string, T>, Record<string, unknown>>,
  cap: number,
) {
  const writes = createWriteQueue();
  let kept: Record<string, T> | null = null;
  let watching = false;
  const keep = (value: Record<string, T>) => {
    if (!watching) {
      watching = true;
      item.watch((stored) => {
        if (kept && !sameRecords(kept, stored)) kept = null;
      });
    }
    kept = value;
    return value;
  };

  const read = async (): Promise<Record<string, T>> => {
    await writes.settled();
    if (kept) return kept;
    const value = await item.getValue();
    // A write queued while this read was out has the newer map.
    return kept ?? keep(value);
  };

  const update = (
    change: (all: Record<string, T>) => Record<string, T>,
    { behind = false }: WriteOptions = {},
  ): Promise<void> =>
    writes.run(async () => {
      if (behind) await nextTask();
      const next = change({ ...(kept ?? (await item.getValue())) });
      await item.setValue(next);
      keep(next);
    });

  return {
    /** Every record, in a map of the caller's own. */
    all: async (): Promise<Record<string, T>> => ({ ...(await read()) }),
    async get(id: number): Promise<T | null> {
      return (await read())[id] ?? null;
    },
    set: (id: number, record: T, options?: WriteOptions) =>
      update((all) => {
        all[id] = record;
        const entries = Object.entries(all);
        if (entries.length <= cap) return all;
        entries.sort(([, a], [, b]) => b.at - a.at);
        return Object.fromEntries(entries.slice(0, cap));
      }, options),
    remove: (id: number, options?: WriteOptions) =>
      update((all) => {
        delete all[id];
        return all;
      }, options),
  };
}

/**
 * Whether a stored map holds the same records as the kept one, by id and time: true for the
 * echo of this map's own write (unless a newer one followed, which only costs a read).
 */
function sameRecords<T extends { at: number }>(
  kept: Record<string, T>,
  stored: Record<string, T> | null | undefined,
): boolean {
  if (!stored) return false;
  const ids = Object.keys(kept);
  if (Object.keys(stored).length !== ids.length) return false;
  return ids.every((id) => stored[id]?.at === kept[id]?.at);
}

export type RecordMap<T extends { at: number }> = ReturnType<typeof createRecordMap<T>>;
