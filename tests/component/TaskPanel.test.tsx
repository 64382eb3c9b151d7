import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { TaskPanel } from '@/components/TaskPanel';
import type { Task } from '@/utils/reply/schemas';
import { createPanelStore } from '@/utils/stores/panel';
import { failed, fakeConnector, ok } from '../fixtures/connector';
import { makeTask, oneOffEmailTask, smsTask } from '../fixtures/tasks';

const finished = (task: Task) =>
  ok({ ...task, status: 'finished' as const, finishedAt: '2026-11-28T17:05:00Z' });

function renderPanel(connector: ReturnType<typeof fakeConnector>, taskId = 101) {
  render(<TaskPanel store={createPanelStore(connector, taskId)} />);
  return connector;
}

describe('TaskPanel', () => {
  it('shows what the rep needs to decide, then executes and shows the status in words', async () => {
    const connector = renderPanel(
      fakeConnector({ loaded: ok({ task: makeTask(), emailAccounts: null }), executed: finished }),
    );
    expect(await screen.findByText('Manual email')).toBeTruthy();
    expect(screen.getByText('Step 2 - Email')).toBeTruthy();
    expect(screen.getByText('jane.doe@example.com')).toBeTruthy();
    expect((screen.getByLabelText('Subject') as HTMLInputElement).value).toBe(
      'Quick question, Jane',
    );
    expect((screen.getByLabelText('Body') as HTMLTextAreaElement).value).toBe('<p>Hi Jane,</p>');
    expect(screen.queryByLabelText('Send from')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Execute via Reply' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Sent\. Finished at /);
    expect(connector.executeTask).toHaveBeenCalledWith({ taskId: 101 });
    expect(screen.queryByRole('button', { name: 'Execute via Reply' })).toBeNull();
  });

  it('sends edits as content', async () => {
    const connector = renderPanel(
      fakeConnector({ loaded: ok({ task: makeTask(), emailAccounts: null }), executed: finished }),
    );
    fireEvent.input(await screen.findByLabelText('Subject'), { target: { value: 'New subject' } });
    fireEvent.click(screen.getByRole('button', { name: 'Execute via Reply' }));
    await screen.findByText(/^Sent\./);
    expect(connector.executeTask).toHaveBeenCalledWith({
      taskId: 101,
      content: { subject: 'New subject', body: '<p>Hi Jane,</p>' },
    });
  });

  it('has no subject for SMS', async () => {
    renderPanel(fakeConnector({ loaded: ok({ task: smsTask(), emailAccounts: null }) }), 103);
    expect(await screen.findByLabelText('Body')).toBeTruthy();
    expect(screen.queryByLabelText('Subject')).toBeNull();
    expect(screen.getByText('+1 555 0100')).toBeTruthy();
  });

  it('offers the sending account for one-off emails', async () => {
    const accounts = [
      { id: 1, email: 'rep@example.com', senderName: 'Rep', isDefault: true },
      { id: 2, email: 'sales@example.com', senderName: null, isDefault: false },
    ];
    const connector = renderPanel(
      fakeConnector({
        loaded: ok({ task: oneOffEmailTask(), emailAccounts: accounts }),
        executed: finished,
      }),
      102,
    );
    const picker = (await screen.findByLabelText('Send from')) as HTMLSelectElement;
    // As a browser does: the value changes, then `change` fires.
    picker.value = '2';
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Execute via Reply' }));
    await screen.findByText(/^Sent\./);
    expect(connector.executeTask).toHaveBeenCalledWith({ taskId: 102, emailAccountId: 2 });
  });

  it('explains tasks that cannot be executed and offers no button', async () => {
    renderPanel(
      fakeConnector({ loaded: ok({ task: makeTask({ taskType: 'call' }), emailAccounts: null }) }),
    );
    expect(await screen.findByText(/Call tasks can’t be executed/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Execute via Reply' })).toBeNull();
  });

  it('shows a failed load as a sentence with a way to try again', async () => {
    const connector = renderPanel(
      fakeConnector({
        loaded: failed('network', 'Can’t reach Reply. Check your internet connection.'),
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Can’t reach Reply. Check your internet connection.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('alert');
    expect(connector.loadTask).toHaveBeenCalledTimes(2);
  });

  it('shows a failed execution as an alert and keeps the edited draft', async () => {
    renderPanel(
      fakeConnector({
        loaded: ok({ task: makeTask(), emailAccounts: null }),
        executed: () =>
          failed('rate-limited', 'Reply’s rate limit was reached, so nothing was sent.'),
      }),
    );
    fireEvent.input(await screen.findByLabelText('Body'), { target: { value: 'my words' } });
    fireEvent.click(screen.getByRole('button', { name: 'Execute via Reply' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/rate limit/);
    expect((screen.getByLabelText('Body') as HTMLTextAreaElement).value).toBe('my words');
    expect(screen.getByRole('button', { name: 'Execute via Reply' })).toBeTruthy();
  });

  it('reports a bounced execution as a failure', async () => {
    renderPanel(
      fakeConnector({
        loaded: ok({ task: makeTask(), emailAccounts: null }),
        executed: (task) => ok({ ...task, status: 'finished', isFailed: true }),
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Execute via Reply' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Failed/);
  });

  it('renders hostile content inert', async () => {
    const body = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><p>ok</p>';
    renderPanel(
      fakeConnector({
        loaded: ok({
          task: makeTask({ status: 'finished', content: { subject: 's', body } }),
          emailAccounts: null,
        }),
      }),
    );
    const preview = await screen.findByRole('document', { name: 'Email preview' });
    expect(preview.innerHTML).not.toMatch(/onerror|script/);
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });
});
