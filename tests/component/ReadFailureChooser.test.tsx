import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PersonPanel } from '@/components/PersonPanel';
import { ReadFailureChooser } from '@/components/ReadFailureChooser';
import type { PersonContext } from '@/utils/detect/context';
import { createChooserStore } from '@/utils/stores/chooser';
import { createPersonStore } from '@/utils/stores/person';
import { fakeConnector, ok } from '../fixtures/connector';

const UNREAD: PersonContext = {
  kind: 'person',
  site: 'salesforce',
  recordId: '0035g00000ShAd0AAB',
  name: null,
  emails: [],
  phones: [],
  recordShown: false,
};

function renderChooser(candidates: string[], reason: 'unreadable' | 'no-details' = 'unreadable') {
  const connector = fakeConnector({ person: ok({ contacts: [] }) });
  const store = createChooserStore({ reason, candidates, unreadable: [] });
  render(
    <ReadFailureChooser store={store}>
      {(address) => (
        <PersonPanel
          store={createPersonStore(connector, { ...UNREAD, emails: [address], phones: [] })}
        />
      )}
    </ReadFailureChooser>,
  );
  return connector;
}

describe('ReadFailureChooser', () => {
  it('is one small button until opened, and looks nothing up on its own', () => {
    const connector = renderChooser(['helpdesk@curie-labs.example']);
    const toggle = screen.getByRole('button', { name: 'Reply: couldn’t read who this is' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('doesn’t show who this is');
    expect(connector.findPersonTasks).not.toHaveBeenCalled();
  });

  it('looks up the address the rep picks, and only that one', async () => {
    const connector = renderChooser(['helpdesk@curie-labs.example', 'irene@example.com']);
    fireEvent.click(screen.getByRole('button', { name: 'Reply: couldn’t read who this is' }));
    fireEvent.click(screen.getByRole('button', { name: 'Look up irene@example.com' }));
    expect(await screen.findByText('irene@example.com is not a contact in Reply.')).toBeTruthy();
    expect(connector.findPersonTasks).toHaveBeenCalledTimes(1);
    expect(connector.findPersonTasks).toHaveBeenCalledWith(
      expect.objectContaining({ emails: ['irene@example.com'], phones: [] }),
    );
  });

  it('says in an alert when what was typed is not an address, then looks up a typed one', async () => {
    const connector = renderChooser([], 'no-details');
    fireEvent.click(
      screen.getByRole('button', { name: 'Reply: no email or phone on this record' }),
    );
    expect(screen.getByRole('status').textContent).toContain('shows no email address');
    const field = screen.getByLabelText('Email address');
    fireEvent.input(field, { target: { value: 'irene' } });
    fireEvent.click(screen.getByRole('button', { name: 'Look up' }));
    expect(screen.getByRole('alert').textContent).toBe('“irene” is not an email address.');
    expect(connector.findPersonTasks).not.toHaveBeenCalled();
    fireEvent.input(field, { target: { value: ' Irene@Example.com ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Look up' }));
    await waitFor(() =>
      expect(connector.findPersonTasks).toHaveBeenCalledWith(
        expect.objectContaining({ emails: ['irene@example.com'] }),
      ),
    );
  });
});
