import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SitesForm } from '@/components/SitesForm';
import { createOptionsStore } from '@/utils/stores/options';
import { fakeConnector } from '../fixtures/connector';

describe('SitesForm', () => {
  it('adds a site by its address and removes it', async () => {
    const connector = fakeConnector({});
    render(<SitesForm store={createOptionsStore(connector, async () => true)} />);
    expect(await screen.findByText('No sites added yet.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Site address'), {
      target: { value: 'crm.example.com' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect(await screen.findByText('https://crm.example.com')).toBeTruthy();
    expect((screen.getByLabelText('Site address') as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Remove https://crm.example.com' }));
    expect(await screen.findByText('No sites added yet.')).toBeTruthy();
    expect(connector.removeSite).toHaveBeenCalledWith('https://crm.example.com');
  });

  it('says why an address can’t be added', async () => {
    render(<SitesForm store={createOptionsStore(fakeConnector({}), async () => true)} />);
    fireEvent.input(await screen.findByLabelText('Site address'), {
      target: { value: 'http://crm.example.com' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Only https:\/\/ sites/);
  });
});
