import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SettingsForm } from '@/components/SettingsForm';
import type { ConnectionView } from '@/utils/messaging';
import { DEFAULT_SETTINGS } from '@/utils/storage';
import { createOptionsStore } from '@/utils/stores/options';
import { fakeConnector, ok } from '../fixtures/connector';

/** As a browser does: the value changes, then `change` fires. */
function choose(field: HTMLElement, value: string | boolean) {
  if (typeof value === 'boolean') (field as HTMLInputElement).checked = value;
  else (field as HTMLSelectElement).value = value;
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('SettingsForm', () => {
  it('saves each change at once', async () => {
    const connector = fakeConnector({
      accounts: [{ id: 2, email: 'sales@example.com', senderName: 'Sales', isDefault: false }],
    });
    render(<SettingsForm store={createOptionsStore(connector, async () => true)} />);
    choose(await screen.findByLabelText('Auth header'), 'bearer');
    await waitFor(() =>
      expect(connector.saveSettings).toHaveBeenLastCalledWith({
        ...DEFAULT_SETTINGS,
        authHeader: 'bearer',
      }),
    );
    choose(screen.getByLabelText('Default account for one-off emails'), '2');
    choose(screen.getByLabelText('The toolbar icon counts'), 'all');
    await waitFor(() =>
      expect(connector.saveSettings).toHaveBeenLastCalledWith(
        expect.objectContaining({ badgeCounts: 'all' }),
      ),
    );
    choose(screen.getByLabelText(/^Show how many tasks are due/), false);
    await waitFor(() =>
      expect(connector.saveSettings).toHaveBeenLastCalledWith({
        ...DEFAULT_SETTINGS,
        authHeader: 'bearer',
        defaultEmailAccountId: 2,
        badge: false,
        badgeCounts: 'all',
      }),
    );
    expect(await screen.findByText('Saved.')).toBeTruthy();
    // With no badge there is nothing to count.
    expect(screen.queryByLabelText('The toolbar icon counts')).toBeNull();
    expect(screen.queryByLabelText('Reply team')).toBeNull(); // no teams to choose from
  });

  it('shows and changes the Reply team of a user in several', async () => {
    const connector = fakeConnector({
      connection: ok<ConnectionView>({
        connected: true,
        userId: 3003,
        username: null,
        keyHint: '3003',
        teams: [
          { id: 501, name: 'Northwind Agency' },
          { id: 502, name: 'Contoso Outreach' },
        ],
        team: { id: 501, name: 'Northwind Agency' },
      }),
    });
    render(<SettingsForm store={createOptionsStore(connector, async () => true)} />);
    const team = (await screen.findByLabelText('Reply team')) as HTMLSelectElement;
    expect(team.value).toBe('501');
    choose(team, '502');
    await waitFor(() => expect(connector.chooseTeam).toHaveBeenCalledWith(502));
    // The sending accounts are the team's: asked again.
    await waitFor(() => expect(connector.emailAccounts).toHaveBeenCalledTimes(2));
  });
});
