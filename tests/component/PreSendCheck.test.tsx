import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ApiKeyForm } from '@/components/ApiKeyForm';
import { PersonPanel } from '@/components/PersonPanel';
import { TaskPanel } from '@/components/TaskPanel';
import type { PersonContext } from '@/utils/detect/context';
import type { ConnectionView } from '@/utils/messaging';
import type { Task } from '@/utils/reply/schemas';
import { createPanelStore } from '@/utils/stores/panel';
import { createPersonStore } from '@/utils/stores/person';
import { createPopupStore } from '@/utils/stores/popup';
import { failed, fakeConnector, loaded, ok } from '../fixtures/connector';
import { makeSummary, makeTask } from '../fixtures/tasks';

const finished = (task: Task) =>
  ok({ ...task, status: 'finished' as const, finishedAt: '2026-11-28T17:05:00Z' });

describe('the panel before sending', () => {
  it('shows a reply since the task was made and sends only after “Send anyway”', async () => {
    const connector = fakeConnector({ loaded: loaded(makeTask()), executed: finished });
    connector.executeTask.mockResolvedValueOnce(
      failed('replied', 'The contact has replied since this task was made.', {
        replied: { at: '2026-11-30T10:00:00Z', firstLine: 'We went with another vendor.' },
      }),
    );
    render(<TaskPanel store={createPanelStore(connector, 101)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Execute via Reply' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/replied since/);
    expect(screen.getByText('“We went with another vendor.”')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send anyway' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Sent\./);
    expect(connector.executeTask.mock.calls.map(([request]) => request)).toEqual([
      { taskId: 101 },
      { taskId: 101, acknowledged: ['replied'] },
    ]);
  });

  it('never offers to send to an opted-out contact, only to complete without sending', async () => {
    const connector = fakeConnector({ loaded: loaded(makeTask()), executed: finished });
    connector.executeTask.mockResolvedValueOnce(
      failed('opted-out', 'This contact has opted out in Reply, so nothing was sent.'),
    );
    render(<TaskPanel store={createPanelStore(connector, 101)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Execute via Reply' }));
    await screen.findByRole('alert');
    expect(screen.queryByRole('button', { name: 'Send anyway' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Execute via Reply' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Complete without sending' }));
    expect((await screen.findByRole('status')).textContent).toMatch(
      /^Completed in Reply without sending/,
    );
    expect(connector.completeTask).toHaveBeenCalledWith(101);
    expect(connector.executeTask).toHaveBeenCalledTimes(1);
  });

  it('lets the rep check again or send anyway when the checks couldn’t be made', async () => {
    const connector = fakeConnector({ loaded: loaded(makeTask()), executed: finished });
    const unchecked = failed('unchecked', 'The extension couldn’t check with Reply.');
    connector.executeTask.mockResolvedValueOnce(unchecked).mockResolvedValueOnce(unchecked);
    render(<TaskPanel store={createPanelStore(connector, 101)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Execute via Reply' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(connector.executeTask).toHaveBeenCalledTimes(2));
    fireEvent.click(await screen.findByRole('button', { name: 'Send anyway' }));
    await screen.findByText(/^Sent\./);
    expect(connector.executeTask.mock.calls.at(-1)?.[0]).toEqual({
      taskId: 101,
      acknowledged: ['unchecked'],
    });
  });
});

describe('two Reply contacts with one address', () => {
  it('shows both, each named with their own tasks, and picks neither', async () => {
    const person: PersonContext = {
      kind: 'person',
      site: 'salesforce',
      recordId: '0035g',
      name: 'Marie Curie',
      emails: ['marie.curie@example.com'],
      phones: [],
    };
    const contact = (id: number, name: string, taskId: number) => ({
      id,
      name,
      email: 'marie.curie@example.com',
      phone: null,
      tasks: [makeSummary({ id: taskId, contact: { id, fullName: name } })],
    });
    const connector = fakeConnector({
      person: ok({ contacts: [contact(10, 'Marie Curie', 304), contact(17, 'Marie S.', 307)] }),
      loaded: loaded(makeTask()),
    });
    render(<PersonPanel store={createPersonStore(connector, person)} />);
    expect(
      (await screen.findByText(/2 contacts in Reply have marie\.curie@example\.com/)).textContent,
    ).toMatch(/execute only those of the person on this page/);
    expect(screen.getByText('Marie Curie · Reply contact 10')).toBeTruthy();
    expect(screen.getByText('Marie S. · Reply contact 17')).toBeTruthy();
    expect(screen.getByText('Task 304')).toBeTruthy();
    expect(screen.getByText('Task 307')).toBeTruthy();
    expect(connector.executeTask).not.toHaveBeenCalled();
  });
});

describe('a rep in several Reply teams', () => {
  const connection = (team: { id: number; name: string } | null) =>
    ok<ConnectionView>({
      connected: true,
      userId: 3003,
      username: 'agency@example.com',
      keyHint: '3003',
      teams: [
        { id: 501, name: 'Northwind Agency' },
        { id: 502, name: 'Contoso Outreach' },
      ],
      team,
    });

  it('is asked which team by name, and the choice is shown and changeable', async () => {
    const connector = fakeConnector({ connection: connection(null) });
    render(<ApiKeyForm store={createPopupStore(connector)} />);
    expect((await screen.findByText(/several teams/)).textContent).toMatch(/Which one/);
    fireEvent.click(screen.getByLabelText('Contoso Outreach'));
    fireEvent.click(screen.getByRole('button', { name: 'Use this team' }));
    await waitFor(() => expect(connector.chooseTeam).toHaveBeenCalledWith(502));
    expect((await screen.findByText('Contoso Outreach')).tagName).toBe('STRONG');
    fireEvent.click(screen.getByRole('button', { name: 'Change team' }));
    expect(screen.getByLabelText('Northwind Agency')).toBeTruthy();
  });

  it('a one-team rep sees nothing of teams', async () => {
    const connector = fakeConnector({
      connection: ok<ConnectionView>({
        connected: true,
        userId: 1,
        username: null,
        keyHint: '1001',
        teams: [],
        team: null,
      }),
    });
    render(<ApiKeyForm store={createPopupStore(connector)} />);
    await screen.findByText(/Connected as/);
    expect(screen.queryByText(/team/i)).toBeNull();
  });
});
