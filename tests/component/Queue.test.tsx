import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
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
const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const DAY = [
  makeSummary({
    id: 1,
    taskType: 'manualEmail',
    dueTo: hours(-2),
    contact: { id: 1, fullName: 'Jane Doe' },
  }),
  makeSummary({
    id: 2,
    taskType: 'call',
    dueTo: hours(-1),
    contact: { id: 2, fullName: 'John Roe' },
  }),
  makeSummary({
    id: 3,
    taskType: 'linkedIn',
    dueTo: hours(-0.5),
    contact: { id: 3, fullName: 'Li Wei' },
  }),
];

function renderPopup(extra: Parameters<typeof fakeConnector>[0] = {}) {
  const connector = fakeConnector({
    connection: connected,
    due: ok(DAY),
    loaded: loaded(makeTask({ id: 1 })),
    executed: (task) => ok({ ...task, status: 'finished' as const }),
    ...extra,
  });
  render(<App store={createPopupStore(connector)} connector={connector} />);
  return connector;
}

const key = (k: string, target: Element | Document = document) =>
  fireEvent.keyDown(target, { key: k });

describe('the day’s queue in the popup', () => {
  it('groups and filters the list, with counts', async () => {
    renderPopup();
    expect(await screen.findByRole('heading', { level: 3, name: 'Overdue (3)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Calls (1)' }));
    expect(screen.getByRole('button', { name: 'Calls (1)' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(screen.getByRole('heading', { level: 3, name: 'Overdue (1)' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Jane Doe/ })).toBeNull();
    expect(screen.getByRole('button', { name: /^John Roe/ })).toBeTruthy();
  });

  it('sends with E, moves on by itself, skips with S; no key acts while typing', async () => {
    const connector = renderPopup();
    fireEvent.click(await screen.findByRole('button', { name: 'Start tasks' }));
    expect(await screen.findByRole('heading', { name: 'Task 1 of 3' })).toBeTruthy();
    await screen.findByRole('button', { name: 'Execute via Reply' });
    expect(screen.getByText(/E send or complete/)).toBeTruthy();

    // Typed into the subject: nothing happens.
    const subject = screen.getByLabelText('Subject');
    key('s', subject);
    key('e', subject);
    expect(screen.getByRole('heading', { name: 'Task 1 of 3' })).toBeTruthy();
    expect(connector.executeTask).not.toHaveBeenCalled();

    key('e');
    expect(await screen.findByRole('heading', { name: 'Task 2 of 3' })).toBeTruthy();
    expect(connector.executeTask).toHaveBeenCalledOnce();
    expect(screen.getByText('Done: Jane Doe.')).toBeTruthy();
    key('s');
    expect(await screen.findByRole('heading', { name: 'Task 3 of 3' })).toBeTruthy();
    expect(screen.getByText('Skipped: John Roe.')).toBeTruthy();
  });

  it('lists every key in a dialog on ?, closed by Escape', async () => {
    renderPopup();
    fireEvent.click(await screen.findByRole('button', { name: 'Start tasks' }));
    await screen.findByRole('heading', { name: 'Task 1 of 3' });
    key('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.textContent).toContain('Skip this task');
    expect(dialog.textContent).toContain('No key does anything while you type');
    key('s', dialog);
    expect(screen.getByRole('heading', { name: 'Task 1 of 3' })).toBeTruthy();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();

    // Opened, it has the focus at once; an Escape from anywhere else still closes it.
    key('?');
    const again = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(again.contains(document.activeElement)).toBe(true);
    (document.activeElement as HTMLElement).blur();
    key('Escape');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('snoozes with Z then 1, and on to the next; a refusal says why and stays', async () => {
    const connector = renderPopup();
    fireEvent.click(await screen.findByRole('button', { name: 'Start tasks' }));
    await screen.findByRole('heading', { name: 'Task 1 of 3' });
    key('z');
    await screen.findByRole('group', { name: 'Snooze until' });
    key('1');
    expect(await screen.findByRole('heading', { name: 'Task 2 of 3' })).toBeTruthy();
    const [taskId, until] = connector.snoozeTask.mock.calls[0] ?? [];
    expect(taskId).toBe(1);
    expect(Math.abs(Date.parse(until ?? '') - Date.now() - 3_600_000)).toBeLessThan(60_000);

    connector.snoozeTask.mockResolvedValueOnce({
      ok: false,
      error: {
        kind: 'not-executable',
        message: 'This task is no longer New in Reply, so it can’t be snoozed.',
      },
    });
    fireEvent.click(screen.getByRole('button', { name: /^Snooze/ }));
    fireEvent.click(await screen.findByRole('button', { name: /Tomorrow morning/ }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/can’t be snoozed/);
    expect(screen.getByRole('heading', { name: 'Task 2 of 3' })).toBeTruthy();
  });

  it('completes the selected tasks together, one alert per failure', async () => {
    const connector = renderPopup({ batchFailures: { 3: 'Reply couldn’t complete task 3.' } });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select John Roe to complete' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Li Wei to complete' }));
    // An email has no box: it is sent, not completed.
    expect(screen.queryByRole('checkbox', { name: /Jane Doe/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Complete the 2 selected tasks' }));
    expect(await screen.findByText('1 task completed in Reply.')).toBeTruthy();
    const alerts = screen.getAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual([
      'Not completed: Li Wei. Reply couldn’t complete task 3.',
    ]);
    expect(connector.completeTasks).toHaveBeenCalledWith([
      { taskId: 2, taskType: 'call', contactId: 2, contact: 'John Roe' },
      { taskId: 3, taskType: 'linkedIn', contactId: 3, contact: 'Li Wei' },
    ]);
    await vi.waitFor(() => expect(connector.dueTasks).toHaveBeenCalledTimes(2));
  });
});
