import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PersonPanel } from '@/components/PersonPanel';
import type { PersonContext } from '@/utils/detect/context';
import type { TaskSummary } from '@/utils/reply/schemas';
import { createPersonStore } from '@/utils/stores/person';
import { failed, fakeConnector, loaded, ok } from '../fixtures/connector';
import { makeSummary, makeTask } from '../fixtures/tasks';

const JANE: PersonContext = {
  kind: 'person',
  site: 'hubspot',
  recordId: '51201',
  name: 'Jane Doe',
  emails: ['jane.doe@example.com'],
  phones: [],
};
const summary = (id: number) => makeSummary({ id, contact: { id: 1, fullName: 'Jane Doe' } });

const jane = (tasks: TaskSummary[]) => ({
  id: 1,
  name: 'Jane Doe',
  email: 'jane.doe@example.com',
  phone: null,
  tasks,
});

function renderFor(connector: ReturnType<typeof fakeConnector>) {
  render(<PersonPanel store={createPersonStore(connector, JANE)} />);
  return connector;
}

describe('PersonPanel', () => {
  it('says when the person has no pending tasks', async () => {
    const connector = renderFor(fakeConnector({ person: ok({ contacts: [jane([])] }) }));
    expect((await screen.findByText('No Reply tasks for Jane Doe')).getAttribute('role')).toBe(
      'status',
    );
    expect(connector.findPersonTasks).toHaveBeenCalledWith(JANE);
  });

  it('says when the person is not a contact in Reply', async () => {
    renderFor(fakeConnector({ person: ok({ contacts: [] }) }));
    expect(await screen.findByText('Jane Doe is not a contact in Reply.')).toBeTruthy();
  });

  it('shows one task panel per pending task', async () => {
    const connector = renderFor(
      fakeConnector({
        person: ok({ contacts: [jane([summary(101), summary(102)])] }),
        loaded: loaded(makeTask()),
      }),
    );
    expect(await screen.findByText('Task 101')).toBeTruthy();
    expect(screen.getByText('Task 102')).toBeTruthy();
    await waitFor(() => expect(connector.loadTask).toHaveBeenCalledTimes(2));
    expect(connector.loadTask.mock.calls).toEqual([[101], [102]]);
  });

  it('puts a failed lookup into words with a way to try again', async () => {
    renderFor(fakeConnector({ person: failed('network', 'Can’t reach Reply.') }));
    expect((await screen.findByRole('alert')).textContent).toBe('Can’t reach Reply.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
