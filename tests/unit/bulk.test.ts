import { describe, expect, it, vi } from 'vitest';
import { createBulkRunner } from '@/utils/execution/bulk';
import { ReplyError } from '@/utils/reply/errors';
import type { Task } from '@/utils/reply/schemas';
import type { BulkRun } from '@/utils/storage';
import { makeTask } from '../fixtures/tasks';

/** A runner over an in-memory run and a scripted Reply. */
function harness(
  script: {
    task?: (id: number) => Task;
    execute?: (id: number, attempt: number) => Promise<Task>;
    status?: (id: number) => Task | null;
  },
  pace: {
    callSpacingMs?: number;
    sleep?: (ms: number) => Promise<void>;
    callsMade?: () => number;
    upcoming?: (contactIds: number[]) => void;
  } = {},
) {
  let run: BulkRun | null = null;
  const attempts = new Map<number, number>();
  const wakeAt = vi.fn();
  const execute = vi.fn(async (id: number) => {
    const attempt = (attempts.get(id) ?? 0) + 1;
    attempts.set(id, attempt);
    const task = await (script.execute?.(id, attempt) ??
      Promise.resolve(makeTask({ id, status: 'finished' })));
    return { task };
  });
  const runner = createBulkRunner({
    load: async () => run,
    save: async (next) => {
      run = next;
    },
    getTask: async (id) => script.task?.(id) ?? makeTask({ id }),
    execute,
    status: async (id) => {
      const task = script.status?.(id) ?? null;
      return task && { task };
    },
    wakeAt,
    sleep: pace.sleep ?? (async () => undefined),
    callSpacingMs: pace.callSpacingMs,
    callsMade: pace.callsMade,
    upcoming: pace.upcoming,
    maxInlineWaitMs: 5_000,
  });
  const tasks = (ids: number[]) => ids.map((taskId) => ({ taskId, contact: `Contact ${taskId}` }));
  return { runner, execute, wakeAt, tasks, run: () => run, setRun: (r: BulkRun) => (run = r) };
}

const states = (run: BulkRun | null) => run?.items.map((i) => `${i.taskId}:${i.state}`);

describe('bulk runner', () => {
  it('sends each queued task once, in order', async () => {
    const h = harness({});
    await h.runner.start(h.tasks([1, 2, 3]));
    await h.runner.idle();
    expect(states(h.run())).toEqual(['1:sent', '2:sent', '3:sent']);
    expect(h.execute.mock.calls.map(([id]) => id)).toEqual([1, 2, 3]);
  });

  it('keeps a steady pace: an item that made n calls is followed n spacings later', async () => {
    vi.useFakeTimers();
    try {
      const starts: number[] = [];
      const h = harness(
        {
          execute: async (id) => {
            starts.push(Date.now());
            return makeTask({ id, status: 'finished' });
          },
        },
        { callSpacingMs: 500, sleep: async (ms) => void vi.advanceTimersByTime(ms) },
      );
      await h.runner.start(h.tasks([1, 2, 3]));
      await h.runner.idle();
      expect(states(h.run())).toEqual(['1:sent', '2:sent', '3:sent']);
      // Each item read its task and executed it: two calls.
      const gaps = starts.slice(1).map((t, i) => t - (starts[i] ?? 0));
      expect(gaps).toEqual([1_000, 1_000]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('skips tasks with unresolved placeholders, or no longer New, and says why', async () => {
    const h = harness({
      task: (id) =>
        id === 2
          ? makeTask({ id, content: { subject: 'Hi', body: 'Book {{calendarLink}}' } })
          : id === 3
            ? makeTask({ id, status: 'finished' })
            : makeTask({ id }),
    });
    await h.runner.start(h.tasks([1, 2, 3]));
    await h.runner.idle();
    expect(states(h.run())).toEqual(['1:sent', '2:skipped', '3:skipped']);
    expect(h.run()?.items[1]?.reason).toBe('It still contains {{calendarLink}}.');
    expect(h.execute).toHaveBeenCalledTimes(1);
  });

  it('puts a rate-limited task back, waits, and sends it once', async () => {
    const h = harness({
      execute: async (id, attempt) => {
        if (id === 2 && attempt === 1)
          throw new ReplyError('rate-limited', { retryAfterSeconds: 2 });
        return makeTask({ id, status: 'finished' });
      },
    });
    await h.runner.start(h.tasks([1, 2, 3]));
    await h.runner.idle();
    expect(states(h.run())).toEqual(['1:sent', '2:sent', '3:sent']);
    expect(h.execute.mock.calls.map(([id]) => id)).toEqual([1, 2, 2, 3]);
  });

  it('leaves a long wait to an alarm instead of keeping the worker busy', async () => {
    const h = harness({
      execute: async (id) => {
        throw new ReplyError('rate-limited', { retryAfterSeconds: 600 + id });
      },
    });
    await h.runner.start(h.tasks([1]));
    await h.runner.idle();
    expect(states(h.run())).toEqual(['1:pending']);
    expect(h.wakeAt).toHaveBeenCalledOnce();
  });

  it('pauses between tasks and resumes where it stopped', async () => {
    let pause: () => Promise<void> = async () => undefined;
    const h = harness({
      execute: async (id) => {
        if (id === 1) await pause();
        return makeTask({ id, status: 'finished' });
      },
    });
    pause = () => h.runner.pause();
    await h.runner.start(h.tasks([1, 2]));
    await h.runner.idle();
    expect(states(h.run())).toEqual(['1:sent', '2:pending']);
    await h.runner.resume();
    await h.runner.idle();
    expect(states(h.run())).toEqual(['1:sent', '2:sent']);
  });

  it('after a restart, asks what became of the task that was sending before going on', async () => {
    const h = harness({ status: (id) => (id === 1 ? makeTask({ id, status: 'finished' }) : null) });
    h.setRun({
      items: [
        { taskId: 1, contact: null, contactId: null, state: 'sending', reason: null },
        { taskId: 2, contact: null, contactId: null, state: 'pending', reason: null },
      ],
      paused: false,
      waitingUntil: null,
    });
    await h.runner.wake();
    expect(states(h.run())).toEqual(['1:sent', '2:sent']);
    expect(h.execute.mock.calls.map(([id]) => id)).toEqual([2]);
  });

  it('skips what the pre-send checks hold back, with their sentence, and goes on', async () => {
    const h = harness({
      execute: async (id) => {
        if (id === 2) throw new ReplyError('opted-out');
        if (id === 3) throw new ReplyError('replied', { replied: { at: null, firstLine: 'No' } });
        if (id === 4) throw new ReplyError('unchecked');
        return makeTask({ id, status: 'finished' });
      },
    });
    await h.runner.start(h.tasks([1, 2, 3, 4, 5]));
    await h.runner.idle();
    expect(states(h.run())).toEqual(['1:sent', '2:skipped', '3:skipped', '4:skipped', '5:sent']);
    expect(h.run()?.items[1]?.reason).toMatch(/opted out/);
    expect(h.run()?.items[2]?.reason).toMatch(/replied since/);
    expect(h.run()?.items[3]?.reason).toMatch(/couldn’t check/);
  });

  it('tells the checks which contacts come next, and paces by the calls really made', async () => {
    const upcoming = vi.fn();
    let calls = 0;
    const slept: number[] = [];
    const h = harness(
      {
        execute: async (id) => {
          calls += 3; // the checks' calls, the execute
          return makeTask({ id, status: 'finished' });
        },
      },
      {
        callSpacingMs: 10,
        callsMade: () => calls,
        upcoming,
        // Really waits: a sleep that returns at once would have the loop spin until the
        // spacing had passed by the clock.
        sleep: async (ms) => {
          slept.push(ms);
          await new Promise((resolve) => setTimeout(resolve, ms));
        },
      },
    );
    await h.runner.start(
      [1, 2, 3].map((taskId) => ({ taskId, contact: null, contactId: 40 + taskId })),
    );
    await h.runner.idle();
    expect(upcoming.mock.calls[0]).toEqual([[41, 42, 43]]);
    expect(upcoming.mock.calls.at(-1)).toEqual([[43]]);
    // Each item made three calls: the next waits about three spacings.
    expect(Math.max(...slept)).toBeGreaterThan(20);
  });

  it('reads the run from storage once a loop, not back after every write', async () => {
    let stored: BulkRun | null = null;
    let loads = 0;
    const saved: string[][] = [];
    const runner = createBulkRunner({
      load: async () => {
        loads++;
        return stored;
      },
      save: async (next) => {
        stored = next;
        saved.push(states(next) ?? []);
      },
      getTask: async (id) => makeTask({ id }),
      execute: async (id) => ({ task: makeTask({ id, status: 'finished' }) }),
      status: async () => null,
      wakeAt: () => undefined,
      sleep: async () => undefined,
    });
    await runner.start([1, 2, 3].map((taskId) => ({ taskId, contact: null })));
    await runner.idle();
    // One read to start, one as the loop begins; every state still reached storage, in order.
    expect(loads).toBe(2);
    expect(states(stored)).toEqual(['1:sent', '2:sent', '3:sent']);
    expect(saved.map((s) => s.join())).toContain('1:sent,2:sending,3:pending');
  });
});
