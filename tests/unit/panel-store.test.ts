import { describe, expect, it, vi } from 'vitest';
import type { Task } from '@/utils/reply/schemas';
import { createPanelStore } from '@/utils/stores/panel';
import { failed, fakeConnector, loaded, ok } from '../fixtures/connector';
import { makeTask, oneOffEmailTask, smsTask } from '../fixtures/tasks';

const finish = (task: Task) =>
  ok({ ...task, status: 'finished' as const, finishedAt: '2026-11-28T17:05:00Z' });

async function readyStore(task: Task, executed = finish) {
  const connector = fakeConnector({ loaded: loaded(task), executed });
  const store = createPanelStore(connector, task.id);
  await store.getState().reload();
  return { store, connector };
}

describe('panel store: what execute sends', () => {
  it('sends {} when nothing was edited', async () => {
    const { store, connector } = await readyStore(makeTask());
    await store.getState().execute();
    expect(connector.executeTask).toHaveBeenCalledWith({ taskId: 101 }, expect.any(AbortSignal));
  });

  it('sends the whole content when only the body was edited', async () => {
    const { store, connector } = await readyStore(makeTask());
    store.getState().editBody('<p>Hello Jane</p>');
    await store.getState().execute();
    expect(connector.executeTask).toHaveBeenCalledWith(
      {
        taskId: 101,
        content: { subject: 'Quick question, Jane', body: '<p>Hello Jane</p>' },
      },
      expect.any(AbortSignal),
    );
  });

  it('sends {} when the editor reports the body is the template again', async () => {
    const { store, connector } = await readyStore(makeTask());
    store.getState().editBody('<p>Hello Jane</p>');
    store.getState().editBody(null);
    await store.getState().execute();
    expect(connector.executeTask).toHaveBeenCalledWith({ taskId: 101 }, expect.any(AbortSignal));
  });

  it('saves nothing when the editor reports the body it already has', async () => {
    vi.useFakeTimers();
    try {
      const { store, connector } = await readyStore(makeTask());
      store.getState().editBody(null);
      await vi.advanceTimersByTimeAsync(1000);
      expect(connector.saveDraft).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('still flags {{placeholders}} left in an edited body', async () => {
    const { store, connector } = await readyStore(makeTask());
    store.getState().editBody('<p>Hi {{firstName}}, <b>quick</b> question.</p>');
    await store.getState().execute();
    expect(connector.executeTask).not.toHaveBeenCalled();
    store.getState().confirmPlaceholders(true);
    await store.getState().execute();
    expect(connector.executeTask).toHaveBeenCalledTimes(1);
  });

  it('sends no subject for SMS', async () => {
    const { store, connector } = await readyStore(smsTask());
    store.getState().editBody('Hi Jane!');
    await store.getState().execute();
    expect(connector.executeTask).toHaveBeenCalledWith(
      {
        taskId: 103,
        content: { body: 'Hi Jane!' },
      },
      expect.any(AbortSignal),
    );
  });

  it('sends the picked account only for one-off emails', async () => {
    const oneOff = await readyStore(oneOffEmailTask());
    oneOff.store.getState().pickEmailAccount(2);
    await oneOff.store.getState().execute();
    expect(oneOff.connector.executeTask).toHaveBeenCalledWith(
      { taskId: 102, emailAccountId: 2 },
      expect.any(AbortSignal),
    );

    const sequence = await readyStore(makeTask());
    sequence.store.getState().pickEmailAccount(2);
    await sequence.store.getState().execute();
    expect(sequence.connector.executeTask).toHaveBeenCalledWith(
      { taskId: 101 },
      expect.any(AbortSignal),
    );
  });

  it('sends {} again after edits were discarded', async () => {
    const { store, connector } = await readyStore(makeTask());
    store.getState().editSubject('Changed');
    store.getState().discardEdits();
    await store.getState().execute();
    expect(connector.executeTask).toHaveBeenCalledWith({ taskId: 101 }, expect.any(AbortSignal));
  });
});

describe('panel store: sending once', () => {
  it('ignores a second execute while the first is in flight, and after it finished', async () => {
    const { store, connector } = await readyStore(makeTask());
    await Promise.all([store.getState().execute(), store.getState().execute()]);
    await store.getState().execute();
    expect(connector.executeTask).toHaveBeenCalledTimes(1);
    expect(store.getState().execution.status).toBe('done');
  });

  it('says how it ended first, then shows the task as Reply has it and drops the edits', async () => {
    const { store } = await readyStore(makeTask());
    store.getState().editSubject('Edited');
    await store.getState().execute();
    const taskStatus = () => {
      const { load } = store.getState();
      return load.status === 'ready' ? load.task.status : null;
    };
    expect(store.getState().execution.status).toBe('done');
    expect(taskStatus()).toBe('new');
    expect(store.getState().edits.subject).toBe('Edited');
    // After the frame that paints the outcome.
    await vi.waitFor(() => expect(taskStatus()).toBe('finished'));
    expect(store.getState().edits).toEqual({ subject: null, body: null });
  });

  it('never sends for tasks that cannot be executed', async () => {
    for (const task of [makeTask({ taskType: 'call' }), makeTask({ status: 'finished' })]) {
      const { store, connector } = await readyStore(task);
      await store.getState().execute();
      expect(connector.executeTask).not.toHaveBeenCalled();
    }
  });

  it('keeps the draft and allows another try after a failure', async () => {
    let attempts = 0;
    const { store, connector } = await readyStore(makeTask(), (task) =>
      ++attempts === 1 ? failed('server', 'Reply had a problem.') : finish(task),
    );
    store.getState().editBody('edited');
    await store.getState().execute();
    expect(store.getState().execution).toEqual({
      status: 'failed',
      error: { kind: 'server', message: 'Reply had a problem.' },
    });
    expect(store.getState().edits.body).toBe('edited');
    await store.getState().execute();
    expect(connector.executeTask).toHaveBeenCalledTimes(2);
    expect(store.getState().execution.status).toBe('done');
  });
});

describe('panel store: waiting out the rate limit', () => {
  it('sends again by itself when Retry-After has passed', async () => {
    vi.useFakeTimers();
    try {
      let attempts = 0;
      const { store, connector } = await readyStore(makeTask(), (task) =>
        ++attempts === 1 ? failed('rate-limited', 'limit', { retryAfterSeconds: 5 }) : finish(task),
      );
      await store.getState().execute();
      expect(store.getState().execution.status).toBe('waiting');
      await store.getState().execute();
      expect(connector.executeTask).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(connector.executeTask).toHaveBeenCalledTimes(2);
      expect(store.getState().execution.status).toBe('done');
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a long wait instead of sitting through it', async () => {
    const { store } = await readyStore(makeTask(), () =>
      failed('rate-limited', 'limit', { retryAfterSeconds: 600 }),
    );
    await store.getState().execute();
    expect(store.getState().execution.status).toBe('failed');
  });

  it('saves unsaved edits when the panel goes away', async () => {
    const { store, connector } = await readyStore(makeTask());
    store.getState().editSubject('half-typed');
    store.dispose();
    expect(connector.saveDraft).toHaveBeenCalledWith(101, { subject: 'half-typed', body: null });
  });

  it('stops watching a send in flight when the panel goes away, so the rep gets notified', async () => {
    let answer = () => {};
    const reply = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const connector = fakeConnector({
      loaded: loaded(makeTask()),
      executed: (task) => reply.then(() => finish(task)),
    });
    const store = createPanelStore(connector, 101);
    await store.getState().reload();
    const sending = store.getState().execute();
    await vi.waitFor(() => expect(connector.executeTask).toHaveBeenCalled());
    const [[, watching]] = connector.executeTask.mock.calls as unknown as [[unknown, AbortSignal]];
    expect(watching.aborted).toBe(false);
    store.dispose();
    expect(watching.aborted).toBe(true);
    answer();
    await sending;
  });
});
