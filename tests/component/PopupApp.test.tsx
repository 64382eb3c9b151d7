import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { App } from '@/entrypoints/popup/App';
import { createPopupStore } from '@/utils/stores/popup';
import { fakeConnector, loaded, ok } from '../fixtures/connector';
import { makeSummary, makeTask } from '../fixtures/tasks';

const connected = ok({
  connected: true as const,
  userId: 1001,
  username: 'rep@example.com',
  keyHint: '1001',
  teams: [],
  team: null,
});
const due = (id: number, name: string, dueTo: string, step: string | null = null) =>
  makeSummary({
    id,
    contact: { id, fullName: name },
    dueTo,
    sequenceStepId: step ? 1102 : null,
    sequenceStepDisplayName: step,
  });

describe('popup', () => {
  it('lists today’s due tasks, marks overdue ones, and opens one in the task view', async () => {
    const connector = fakeConnector({
      connection: connected,
      due: ok([
        due(101, 'Jane Doe', '2099-01-01T10:00:00Z', 'Step 2 - Email'),
        due(102, 'John Roe', '2000-01-01T10:00:00Z'),
      ]),
      loaded: loaded(makeTask()),
    });
    render(<App store={createPopupStore(connector)} connector={connector} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Due today (2)' })).toBeTruthy();
    const john = screen.getByRole('button', { name: /^John Roe/ });
    expect(john.textContent).toContain('Overdue');
    expect(screen.getByRole('button', { name: /^Jane Doe/ }).textContent).not.toContain('Overdue');
    expect(screen.getByRole('button', { name: /^Jane Doe/ }).textContent).toContain(
      'Email · Step 2 - Email',
    );
    expect(john.textContent).toContain('Email · One-off');

    fireEvent.click(screen.getByRole('button', { name: /^Jane Doe/ }));
    expect(await screen.findByRole('button', { name: 'Execute via Reply' })).toBeTruthy();
    expect(connector.loadTask).toHaveBeenCalledWith(101);
    fireEvent.click(screen.getByRole('button', { name: '← Due tasks' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Due today (2)' })).toBeTruthy();
  });

  it('lists every type due, and reviews and sends only the emails and SMS', async () => {
    const connector = fakeConnector({
      connection: connected,
      due: ok([
        makeSummary({ id: 104, taskType: 'call', contact: { id: 2, fullName: 'John Roe' } }),
        due(101, 'Jane Doe', '2099-01-01T10:00:00Z', 'Step 2 - Email'),
        makeSummary({ id: 108, taskType: 'linkedIn', contact: { id: 4, fullName: 'Li Wei' } }),
      ]),
      loaded: loaded(makeTask()),
    });
    render(<App store={createPopupStore(connector)} connector={connector} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Due today (3)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^John Roe/ }).textContent).toContain('Call ·');
    expect(screen.getByRole('button', { name: /^Li Wei/ }).textContent).toContain('LinkedIn ·');
    fireEvent.click(screen.getByRole('button', { name: 'Send it as it is…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send them' }));
    await vi.waitFor(() => expect(connector.startBulk).toHaveBeenCalledTimes(1));
    expect(connector.startBulk).toHaveBeenCalledWith([
      { taskId: 101, contact: 'Jane Doe', contactId: 101 },
    ]);
  });

  it('opens a pasted task link, and says what it needs when the paste isn’t one', async () => {
    const connector = fakeConnector({ connection: connected, loaded: loaded(makeTask()) });
    render(<App store={createPopupStore(connector)} connector={connector} />);
    const field = await screen.findByLabelText('Open a task');
    fireEvent.input(field, { target: { value: 'not a task' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Paste a task id/);
    fireEvent.input(field, { target: { value: 'https://run.reply.io/tasks/101' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByRole('button', { name: 'Execute via Reply' })).toBeTruthy();
  });

  it('reviews the due list one task at a time: send, skip, then hand the rest to send-all', async () => {
    const tasks = [
      due(101, 'Jane Doe', '2099-01-01T10:00:00Z'),
      due(102, 'John Roe', '2099-01-01T09:00:00Z'),
      due(103, 'Maria Garcia', '2099-01-01T08:00:00Z'),
      due(104, 'Li Wei', '2099-01-01T07:00:00Z'),
    ];
    const connector = fakeConnector({
      connection: connected,
      due: ok(tasks),
      loaded: loaded(makeTask()),
      executed: (task) => ok({ ...task, status: 'finished' as const }),
    });
    render(<App store={createPopupStore(connector)} connector={connector} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Review and send' }));
    expect(await screen.findByRole('heading', { name: 'Review 1 of 4' })).toBeTruthy();

    fireEvent.click(await screen.findByRole('button', { name: 'Execute via Reply' }));
    // Once sent, "the remaining" leaves it out.
    expect(
      await screen.findByRole('button', { name: 'Send the remaining 3 as they are' }),
    ).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { name: 'Review 2 of 4' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(await screen.findByRole('heading', { name: 'Review 3 of 4' })).toBeTruthy();

    // The one on screen wasn't sent: it goes with the rest.
    fireEvent.click(screen.getByRole('button', { name: 'Send the remaining 2 as they are' }));
    await screen.findByRole('heading', { level: 2, name: /^Due today/ });
    expect(connector.executeTask).toHaveBeenCalledOnce();
    expect(connector.startBulk).toHaveBeenCalledWith([
      { taskId: 103, contact: 'Maria Garcia', contactId: 103 },
      { taskId: 104, contact: 'Li Wei', contactId: 104 },
    ]);
  });
});
