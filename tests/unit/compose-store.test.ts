import { describe, expect, it } from 'vitest';
import type { ComposeContext } from '@/utils/detect/context';
import type { TaskSummary } from '@/utils/reply/schemas';
import { createComposeStore } from '@/utils/stores/compose';
import { failed, fakeConnector, loaded, ok } from '../fixtures/connector';
import { makeSummary, makeTask } from '../fixtures/tasks';

function compose(recipients: string[], body: string): ComposeContext {
  const root = document.createElement('div');
  const subjectField = document.createElement('input');
  subjectField.value = 'Draft subject';
  const bodyField = document.createElement('div');
  bodyField.append(
    ...(body ? [Object.assign(document.createElement('p'), { textContent: body })] : []),
  );
  root.append(subjectField, bodyField);
  return { kind: 'compose', site: 'gmail', root, recipients, subjectField, bodyField };
}

const task = (id: number, taskType: TaskSummary['taskType']) => makeSummary({ id, taskType });
const contact = (id: number, name: string | null, tasks: TaskSummary[]) => ({
  id,
  name,
  email: 'jane@example.com',
  phone: null,
  tasks,
});

describe('compose store', () => {
  it('offers each recipient’s pending manual emails, and sends the draft’s own text', async () => {
    const connector = fakeConnector({
      person: ok({
        contacts: [contact(1, 'Jane Doe', [task(101, 'manualEmail'), task(103, 'sms')])],
      }),
      executed: (t) => ok({ ...t, status: 'finished' as const }),
      loaded: loaded(makeTask()),
    });
    const store = createComposeStore(connector, [compose(['jane@example.com'], 'Hello Jane')]);
    await store.getState().reload();
    const [offer, ...rest] = store.getState().offers;
    expect(rest).toEqual([]);
    expect(offer?.task.id).toBe(101);
    if (!offer) return;
    await Promise.all([store.getState().send(offer), store.getState().send(offer)]);
    expect(connector.executeTask).toHaveBeenCalledTimes(1);
    expect(connector.executeTask).toHaveBeenCalledWith({
      taskId: 101,
      content: { subject: 'Draft subject', body: '<p>Hello Jane</p>' },
    });
    expect(store.getState().offers[0]?.execution.status).toBe('done');
  });

  it('refuses to send an empty draft, in words', async () => {
    const connector = fakeConnector({
      person: ok({ contacts: [contact(1, null, [task(101, 'manualEmail')])] }),
    });
    const store = createComposeStore(connector, [compose(['jane@example.com'], '')]);
    await store.getState().reload();
    const [offer] = store.getState().offers;
    if (offer) await store.getState().send(offer);
    expect(store.getState().offers[0]?.execution).toMatchObject({
      status: 'failed',
      error: { message: 'The draft has no text yet, so there is nothing to send.' },
    });
    expect(connector.executeTask).not.toHaveBeenCalled();
  });

  it('offers each of two contacts sharing the address, named, and sends past a reply only on ask', async () => {
    const connector = fakeConnector({
      person: ok({
        contacts: [
          contact(1, 'Jane Doe', [task(101, 'manualEmail')]),
          contact(2, 'Jane D.', [task(201, 'manualEmail')]),
        ],
      }),
      executed: (t) => ok({ ...t, status: 'finished' as const }),
      loaded: loaded(makeTask()),
    });
    connector.executeTask.mockResolvedValueOnce(failed('replied', 'The contact has replied.'));
    const store = createComposeStore(connector, [compose(['jane@example.com'], 'Hello')]);
    await store.getState().reload();
    const offers = store.getState().offers;
    expect(offers.map((o) => [o.contactId, o.contactName, o.contactsWithAddress])).toEqual([
      [1, 'Jane Doe', 2],
      [2, 'Jane D.', 2],
    ]);
    const [first] = offers;
    if (!first) return;
    await store.getState().send(first);
    expect(store.getState().offers[0]?.execution).toMatchObject({
      status: 'failed',
      error: { kind: 'replied' },
    });
    const held = store.getState().offers[0];
    if (held) await store.getState().send(held, ['replied']);
    expect(connector.executeTask.mock.calls.map(([request]) => request.acknowledged)).toEqual([
      undefined,
      ['replied'],
    ]);
    expect(store.getState().offers[0]?.execution.status).toBe('done');
    expect(store.getState().offers[1]?.execution.status).toBe('idle');
  });
});
