import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { TaskPanel } from '@/components/TaskPanel';
import { DONE_BY_REP_VIEWS } from '@/components/task-views/views';
import type { Task } from '@/utils/reply/schemas';
import { createPanelStore } from '@/utils/stores/panel';
import { failed, fakeConnector, loaded } from '../fixtures/connector';
import { makeTask } from '../fixtures/tasks';

const callTask = (overrides: Partial<Task> = {}) =>
  makeTask({
    id: 104,
    taskType: 'call',
    sequenceStepDisplayName: 'Step 3 - Call',
    template: { subject: null, body: 'Ask about the Q3 budget.' },
    content: { subject: null, body: 'Ask about the Q3 budget.' },
    deliveryInfo: { email: null, phoneNumber: '+1 (555) 010-0104', linkedInUrl: null },
    ...overrides,
  });

const linkedInTask = (overrides: Partial<Task> = {}) =>
  makeTask({
    id: 108,
    taskType: 'linkedIn',
    linkedInTaskType: 'connect',
    template: { subject: null, body: 'Hi {{firstName}}, let us connect.' },
    content: { subject: null, body: 'Hi Jane, let us connect.' },
    deliveryInfo: {
      email: null,
      phoneNumber: null,
      linkedInUrl: 'https://www.linkedin.com/in/jane-doe',
    },
    ...overrides,
  });

function renderPanel(task: Task, answers: Parameters<typeof fakeConnector>[0] = {}) {
  const connector = fakeConnector({ loaded: loaded(task), ...answers });
  render(<TaskPanel store={createPanelStore(connector, task.id)} />);
  return connector;
}

const finishProspect = () =>
  screen.getByRole('checkbox', {
    name: 'Finish this prospect in the sequence',
  }) as HTMLInputElement;

describe('the view of each task type', () => {
  it('has one view per type the rep does themselves, and none for emails and SMS', () => {
    expect(Object.keys(DONE_BY_REP_VIEWS).sort()).toEqual(
      ['call', 'linkedIn', 'meeting', 'toDo', 'whatsApp'].sort(),
    );
  });

  it('Call: the number to dial, the notes, and the outcome sent as the call resolution', async () => {
    const connector = renderPanel(callTask());
    const number = await screen.findByRole('link', { name: '+1 (555) 010-0104' });
    expect(number.getAttribute('href')).toBe('tel:+15550100104');
    expect(screen.getByText('Ask about the Q3 budget.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Execute via Reply' })).toBeNull();
    expect(finishProspect().checked).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Reached: negative' }));
    const status = await screen.findByText(/^Completed in Reply: reached, negative\./);
    expect(status.getAttribute('role')).toBe('status');
    expect(connector.completeTask).toHaveBeenCalledTimes(1);
    expect(connector.completeTask).toHaveBeenCalledWith(104, { callResolution: 2 });
    // Done is done: no button is left to complete it again.
    expect(screen.queryByRole('button', { name: /Reached|Call again/ })).toBeNull();
  });

  it.each([
    ['Reached: positive', 0],
    ['Call again', 1],
  ] as const)('Call: "%s" sends callResolution %i', async (label, resolution) => {
    const connector = renderPanel(callTask());
    fireEvent.click(await screen.findByRole('button', { name: label }));
    await screen.findByText(/^Completed in Reply/);
    expect(connector.completeTask).toHaveBeenCalledWith(104, { callResolution: resolution });
  });

  it('Call: without a number it says so, and still completes', async () => {
    renderPanel(callTask({ deliveryInfo: null }));
    expect(await screen.findByText(/Reply has no phone number/)).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByRole('button', { name: 'Call again' })).toBeTruthy();
  });

  it('finishes the prospect in the sequence only when the rep ticks it', async () => {
    const connector = renderPanel(callTask());
    await screen.findByRole('button', { name: 'Call again' });
    const box = finishProspect();
    expect(box.getAttribute('aria-describedby')).toBeTruthy();
    const explanation = document.getElementById(box.getAttribute('aria-describedby') ?? '');
    expect(explanation?.textContent).toMatch(/ends the sequence for this contact/);
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Reached: positive' }));
    await screen.findByText(/^Completed in Reply/);
    expect(connector.completeTask).toHaveBeenCalledWith(104, {
      callResolution: 0,
      finishProspectInSequence: true,
    });
  });

  it('LinkedIn: the profile opens in a new tab, the note is ready to copy, then Mark done', async () => {
    const connector = renderPanel(linkedInTask());
    const profile = await screen.findByRole('link', { name: 'Open the LinkedIn profile' });
    expect(profile.getAttribute('href')).toBe('https://www.linkedin.com/in/jane-doe');
    expect(profile.getAttribute('target')).toBe('_blank');
    expect(profile.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByText('Send a connection request with this note.')).toBeTruthy();
    const text = screen.getByLabelText('Text for LinkedIn') as HTMLTextAreaElement;
    expect(text.value).toBe('Hi Jane, let us connect.');
    expect(text.readOnly).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Mark done' }));
    const status = await screen.findByText(/^Completed in Reply: done\. Finished/);
    expect(status.getAttribute('role')).toBe('status');
    expect(connector.completeTask).toHaveBeenCalledWith(108, {});
  });

  it('LinkedIn: copies the text, or says how when the browser refuses', async () => {
    const writes: string[] = [];
    let allow = true;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: async (text: string) => {
          if (!allow) throw new Error('denied');
          writes.push(text);
        },
      },
    });
    renderPanel(linkedInTask({ linkedInTaskType: 'message' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Copy text' }));
    expect(await screen.findByText('Copied.')).toBeTruthy();
    expect(writes).toEqual(['Hi Jane, let us connect.']);
    allow = false;
    fireEvent.click(screen.getByRole('button', { name: 'Copy text' }));
    expect(await screen.findByText(/select the text and copy it/)).toBeTruthy();
  });

  it('LinkedIn: a profile address that is not https is never a link; view-profile has no text', async () => {
    renderPanel(
      linkedInTask({
        linkedInTaskType: 'viewProfile',
        deliveryInfo: { email: null, phoneNumber: null, linkedInUrl: 'javascript:alert(1)' },
      }),
    );
    expect(await screen.findByText(/no https LinkedIn profile address/)).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.queryByLabelText('Text for LinkedIn')).toBeNull();
    expect(screen.getByText('View their LinkedIn profile.')).toBeTruthy();
  });

  it.each(['toDo', 'meeting', 'whatsApp'] as const)(
    '%s: what the task says, then Mark done',
    async (taskType) => {
      const connector = renderPanel(
        makeTask({
          taskType,
          content: { subject: null, body: 'Send the pricing sheet.' },
          deliveryInfo: null,
        }),
      );
      expect(await screen.findByText('Send the pricing sheet.')).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Mark done' }));
      await screen.findByText(/^Completed in Reply: done\./);
      expect(connector.completeTask).toHaveBeenCalledTimes(1);
    },
  );

  it('shows a failed complete as an alert and lets the rep try again', async () => {
    const connector = renderPanel(linkedInTask(), {
      completed: failed('network', 'Can’t reach Reply. Check your internet connection.'),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Mark done' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Can’t reach Reply. Check your internet connection.',
    );
    expect(screen.getByRole('button', { name: 'Mark done' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mark done' }));
    await waitFor(() => expect(connector.completeTask).toHaveBeenCalledTimes(2));
  });

  it('an unknown outcome offers only to check with Reply, never a second complete', async () => {
    const connector = renderPanel(callTask(), {
      completed: failed('unconfirmed', 'Reply didn’t say whether the task was completed.'),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Call again' }));
    await screen.findByRole('alert');
    expect(screen.queryByRole('button', { name: 'Call again' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Check with Reply' }));
    await waitFor(() => expect(connector.executionStatus).toHaveBeenCalledWith(104));
    expect(connector.completeTask).toHaveBeenCalledTimes(1);
  });

  it('a task no longer New offers nothing to complete', async () => {
    renderPanel(callTask({ status: 'finished', finishedAt: '2026-11-28T17:05:00Z' }));
    expect(await screen.findByText(/nothing left to complete/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Reached|Call again|Mark done/ })).toBeNull();
  });
});
