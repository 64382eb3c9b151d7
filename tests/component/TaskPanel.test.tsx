import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { options } from 'preact';
import { describe, expect, it } from 'vitest';
import { TaskPanel } from '@/components/TaskPanel';
import type { Task } from '@/utils/reply/schemas';
import { createPanelStore } from '@/utils/stores/panel';
import { failed, fakeConnector, loaded, ok } from '../fixtures/connector';
import { makeTask, oneOffEmailTask, smsTask } from '../fixtures/tasks';

const finished = (task: Task) =>
  ok({ ...task, status: 'finished' as const, finishedAt: '2026-11-28T17:05:00Z' });

/** "Edit HTML": the body's source, as a secondary mode. */
async function editHtml() {
  fireEvent.click(await screen.findByRole('button', { name: 'Edit HTML' }));
  return screen.getByLabelText('Body HTML') as HTMLTextAreaElement;
}

function renderPanel(connector: ReturnType<typeof fakeConnector>, taskId = 101) {
  render(<TaskPanel store={createPanelStore(connector, taskId)} />);
  return connector;
}

describe('TaskPanel', () => {
  it('folds away on a page, and stays whole in the popup', async () => {
    renderPanel(fakeConnector({ loaded: loaded(makeTask()) }));
    await screen.findByText('Manual email');
    fireEvent.click(screen.getByRole('button', { name: 'Collapse panel' }));
    expect(screen.queryByText('Manual email')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Expand panel' }));
    expect(await screen.findByText('Manual email')).toBeTruthy();

    const connector = fakeConnector({ loaded: loaded(smsTask()) });
    const { container } = render(
      <TaskPanel store={createPanelStore(connector, 103)} collapsible={false} />,
    );
    await waitFor(() => expect(container.textContent).toContain('SMS'));
    expect(container.querySelector('button[aria-expanded]')).toBeNull();
  });

  it('shows what the rep needs to decide, then executes and shows the status in words', async () => {
    const connector = renderPanel(
      fakeConnector({ loaded: loaded(makeTask()), executed: finished }),
    );
    expect(await screen.findByText('Manual email')).toBeTruthy();
    expect(screen.getByText('Step 2 - Email')).toBeTruthy();
    expect(screen.getByText('jane.doe@example.com')).toBeTruthy();
    expect((screen.getByLabelText('Subject') as HTMLInputElement).value).toBe(
      'Quick question, Jane',
    );
    expect(await screen.findByTitle('Email preview')).toBeTruthy();
    expect((await editHtml()).value).toBe('<p>Hi Jane,</p>');
    expect(screen.queryByLabelText('Send from')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Execute via Reply' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Sent\. Finished at /);
    expect(connector.executeTask).toHaveBeenCalledWith({ taskId: 101 }, expect.any(AbortSignal));
    expect(screen.queryByRole('button', { name: 'Execute via Reply' })).toBeNull();
  });

  it('renders for a click only what the click changes: "Sent." on its own, then the facts once, never the preview', async () => {
    let answer: (result: ReturnType<typeof finished>) => void = () => undefined;
    renderPanel(
      fakeConnector({
        loaded: loaded(makeTask()),
        executed: (task) => new Promise((resolve) => (answer = () => resolve(finished(task)))),
      }),
    );
    await screen.findByTitle('Email preview');
    const renders: string[] = [];
    const previous = options.diffed;
    options.diffed = (vnode) => {
      const name = (vnode.type as { name?: string } | null)?.name;
      if (name === 'LoadedTaskView' || name === 'EmailPreview') renders.push(name);
      previous?.(vnode);
    };
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Execute via Reply' }));
      await screen.findByRole('button', { name: 'Sending…' });
      expect(renders).toEqual([]);
      answer(finished(makeTask()));
      expect((await screen.findByRole('status')).textContent).toMatch(/^Sent\. /);
      // The status line is painted without the facts; the finished task's facts follow, once,
      // and the same body's preview not at all.
      expect(renders).toEqual([]);
      const facts = () => document.querySelector('.evr-facts')?.textContent;
      expect(facts()).toContain('New');
      await waitFor(() => expect(facts()).toContain('Finished at'));
      expect(renders).toEqual(['LoadedTaskView']);
    } finally {
      options.diffed = previous;
    }
  });

  it('sends edits as content', async () => {
    const connector = renderPanel(
      fakeConnector({ loaded: loaded(makeTask()), executed: finished }),
    );
    fireEvent.input(await screen.findByLabelText('Subject'), { target: { value: 'New subject' } });
    fireEvent.click(screen.getByRole('button', { name: 'Execute via Reply' }));
    await screen.findByText(/^Sent\./);
    expect(connector.executeTask).toHaveBeenCalledWith(
      {
        taskId: 101,
        content: { subject: 'New subject', body: '<p>Hi Jane,</p>' },
      },
      expect.any(AbortSignal),
    );
  });

  it('has no subject for SMS', async () => {
    renderPanel(fakeConnector({ loaded: loaded(smsTask()) }), 103);
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
        loaded: loaded(oneOffEmailTask(), { emailAccounts: accounts }),
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
    expect(connector.executeTask).toHaveBeenCalledWith(
      { taskId: 102, emailAccountId: 2 },
      expect.any(AbortSignal),
    );
  });

  it('explains tasks of a type it does not know and offers no button', async () => {
    renderPanel(fakeConnector({ loaded: loaded(makeTask({ taskType: 'unknown' })) }));
    expect(await screen.findByText(/Unknown type tasks can’t be executed/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Execute via Reply' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Mark done' })).toBeNull();
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
        loaded: loaded(makeTask()),
        executed: () =>
          failed('rate-limited', 'Reply’s rate limit was reached, so nothing was sent.'),
      }),
    );
    fireEvent.input(await editHtml(), { target: { value: 'my words' } });
    fireEvent.click(screen.getByRole('button', { name: 'Execute via Reply' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/rate limit/);
    expect((screen.getByLabelText('Body HTML') as HTMLTextAreaElement).value).toBe('my words');
    expect(screen.getByRole('button', { name: 'Execute via Reply' })).toBeTruthy();
  });

  it('reports a bounced execution as a failure', async () => {
    renderPanel(
      fakeConnector({
        loaded: loaded(makeTask()),
        executed: (task) => ok({ ...task, status: 'finished' as const, isFailed: true }),
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Execute via Reply' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Failed/);
  });

  it('previews email HTML in a sandboxed frame that may load nothing', async () => {
    const body =
      '<img src="https://tracker.example/p.gif"><script>parent.pwned=1</script><p>ok</p>';
    renderPanel(
      fakeConnector({
        loaded: loaded(makeTask({ status: 'finished', content: { subject: 's', body } })),
      }),
    );
    const frame = (await screen.findByTitle('Email preview')) as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.srcdoc).toMatch(
      /^<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:;/,
    );
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it('restores the rep’s unsent draft and saves new edits', async () => {
    const connector = renderPanel(
      fakeConnector({
        loaded: loaded(makeTask(), { draft: { subject: null, body: 'kept body' } }),
      }),
    );
    const body = await editHtml();
    expect(body.value).toBe('kept body');
    fireEvent.input(body, { target: { value: 'kept body, edited again' } });
    await waitFor(() =>
      expect(connector.saveDraft).toHaveBeenCalledWith(101, {
        subject: null,
        body: 'kept body, edited again',
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Discard edits' }));
    expect(connector.saveDraft).toHaveBeenLastCalledWith(101, { subject: null, body: null });
    expect(body.value).toBe('<p>Hi Jane,</p>');
  });

  it('counts down a rate-limit wait, says nothing was sent, and can be called off', async () => {
    const connector = renderPanel(
      fakeConnector({
        loaded: loaded(makeTask()),
        executed: () => failed('rate-limited', 'limit', { retryAfterSeconds: 30 }),
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Execute via Reply' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/nothing has been sent yet/);
    expect(screen.getByText(/^Sending in (30|29) s$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Don’t send' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(connector.executeTask).toHaveBeenCalledOnce();
  });

  it('offers a check, not a second send, when the outcome is unknown', async () => {
    const sent = makeTask({ status: 'finished', finishedAt: '2026-11-28T17:05:00Z' });
    const connector = renderPanel(
      fakeConnector({
        loaded: loaded(makeTask()),
        executed: () => failed('unconfirmed', 'Could not confirm.'),
        status: ok({ task: sent, confirmed: 'after-connection-loss' }),
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Execute via Reply' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not confirm.');
    expect(screen.queryByRole('button', { name: 'Execute via Reply' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Check with Reply' }));
    expect((await screen.findByRole('status')).textContent).toMatch(
      /^Sent\. Finished at .*Reply confirms the message went out\.$/,
    );
    expect(connector.executeTask).toHaveBeenCalledOnce();
  });

  it('shows how an execution started elsewhere ended', async () => {
    const sent = makeTask({ status: 'finished', finishedAt: '2026-11-28T17:05:00Z' });
    const connector = renderPanel(
      fakeConnector({
        loaded: loaded(makeTask(), { execution: 'sending' }),
        status: ok({ task: sent }),
      }),
    );
    expect(await screen.findByText(/^Sent\. Finished at /)).toBeTruthy();
    expect(connector.executeTask).not.toHaveBeenCalled();
  });

  it('flags unresolved placeholders and sends only once the rep confirms', async () => {
    const task = makeTask({
      content: { subject: 'Hi Jane', body: '<p>Book: {{calendarLink}}</p>' },
    });
    const connector = renderPanel(fakeConnector({ loaded: loaded(task), executed: finished }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /still contains \{\{calendarLink\}\}/,
    );
    const execute = screen.getByRole('button', { name: 'Execute via Reply' }) as HTMLButtonElement;
    expect(execute.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Send it with the placeholders'));
    await waitFor(() => expect(execute.disabled).toBe(false));
    fireEvent.click(execute);
    await screen.findByText(/^Sent\./);
    expect(connector.executeTask).toHaveBeenCalledOnce();
  });

  it('edits the body as formatted text: a labelled toolbar and textbox, placeholders as tokens', async () => {
    const body = '<p>Hi {{firstName}},</p><p><strong>Quick</strong> question.</p>';
    const connector = renderPanel(
      fakeConnector({ loaded: loaded(makeTask({ content: { subject: 's', body } })) }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Edit text' }));
    const editor = await screen.findByRole('textbox', { name: 'Body' });
    expect(editor.getAttribute('aria-multiline')).toBe('true');
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting' });
    for (const name of ['Bold', 'Italic', 'Underline', 'Bulleted list', 'Numbered list', 'Link']) {
      const button = within(toolbar).getByRole('button', { name });
      expect(button.getAttribute('aria-pressed')).toBe('false');
    }
    const token = editor.querySelector('.evr-token');
    expect(token?.textContent).toBe('{{firstName}}');
    expect(token?.getAttribute('contenteditable')).toBe('false');
    // Opening the editor is no edit: nothing to save, `{}` would be sent.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(connector.saveDraft).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Discard edits' })).toBeNull();
  });

  it('counts an SMS in characters and segments, and names the character that made it UCS-2', async () => {
    renderPanel(fakeConnector({ loaded: loaded(smsTask()) }), 103);
    const body = (await screen.findByLabelText('Body')) as HTMLTextAreaElement;
    fireEvent.input(body, { target: { value: 'a'.repeat(161) } });
    expect(
      await screen.findByText(/161 characters · 2 segments \(GSM-7, 153 per part\)/),
    ).toBeTruthy();
    fireEvent.input(body, { target: { value: 'See you soon 🙂' } });
    expect(await screen.findByText(/1 segment \(UCS-2, 70 per message\)/)).toBeTruthy();
    expect(screen.getByText(/“🙂” is not in the GSM-7 alphabet/)).toBeTruthy();
  });
});
