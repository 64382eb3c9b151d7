import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ApiKeyForm } from '@/components/ApiKeyForm';
import { createPopupStore } from '@/utils/stores/popup';
import { failed, fakeConnector, ok } from '../fixtures/connector';

const connected = ok({
  connected: true as const,
  userId: 1001,
  username: 'rep@example.com',
  keyHint: '1001',
  teams: [],
  team: null,
});

describe('ApiKeyForm', () => {
  it('checks and saves a key, then shows the connection with the key masked', async () => {
    const connector = fakeConnector({ saved: connected });
    render(<ApiKeyForm store={createPopupStore(connector)} />);
    fireEvent.input(await screen.findByLabelText('API key'), {
      target: { value: ' demo-key-1001 ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Connected as rep@example.com (user id 1001)',
    );
    expect(connector.saveApiKey).toHaveBeenCalledWith(' demo-key-1001 ');
    expect(screen.getByText('••••••••1001')).toBeTruthy();
    expect(document.body.textContent).not.toContain('demo-key');
  });

  it('says when Reply rejects the key and keeps what was typed', async () => {
    const connector = fakeConnector({
      saved: failed('unauthorized', 'Reply rejected this API key.'),
    });
    render(<ApiKeyForm store={createPopupStore(connector)} />);
    fireEvent.input(await screen.findByLabelText('API key'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Reply rejected this API key.');
    expect((screen.getByLabelText('API key') as HTMLInputElement).value).toBe('wrong');
  });

  it('removes the key', async () => {
    const connector = fakeConnector({ connection: connected });
    render(<ApiKeyForm store={createPopupStore(connector)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove key' }));
    expect(await screen.findByLabelText('API key')).toBeTruthy();
    expect(connector.removeApiKey).toHaveBeenCalledOnce();
  });
});
