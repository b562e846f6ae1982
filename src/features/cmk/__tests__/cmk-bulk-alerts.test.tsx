import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { dialogButton, findDialog } from '../../../testing/dialogs';
import { renderWithProviders } from '../../../testing/render';
import { control, resetTwin, testTwin } from '../../../testing/twin';
import CmkPage from '../cmk-page';

const world = () => testTwin.managed.twin.world;
const progress = () => screen.getByRole('region', { name: /^Set up alerts/ });
const resultOf = (name: string) =>
  within(screen.getByRole('list', { name: 'Result of each change' })).getByRole('listitem', {
    name: new RegExp(`^${name}: `),
  });

describe('covering bots with alerts from the Customer-managed keys page', () => {
  it('says who is told about each bot, sets up one rule set per vault, and retries the one that failed', async () => {
    resetTwin('fleet');
    window.location.hash = '#cmk';
    renderWithProviders(<CmkPage query={{}} />);
    await screen.findByText('Showing 12 of 12 bots.', undefined, { timeout: 8000 });
    const table = screen.getByRole('table', { name: 'Bots and their keys' });
    await waitFor(() => expect(within(table).getAllByText('Not covered')).toHaveLength(9), { timeout: 8000 });
    expect(screen.getByRole('button', { name: 'Nobody told if the key fails: 9' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Select every bot shown' }));
    control.armFault({
      kind: 'error500',
      method: 'PUT',
      pathIncludes: 'activityLogAlerts/keyguard-cmk-vault-kv-eu-cmk',
    });
    const fixes = screen.getByRole('group', { name: 'Fixes for the selected bots' });
    await userEvent.click(within(fixes).getByRole('button', { name: /^Set up alerts \(\d key vaults\)$/ }));
    const dialog = await findDialog(/^Set up alerts/);
    expect(dialog).toHaveTextContent(/billed per rule/);
    expect(dialog).toHaveTextContent(/in preview/);
    // `hidden`: Tabster may mark the open dialog hidden under a loaded happy-dom (testing/dialogs.ts).
    const email = within(dialog).getByRole('textbox', { name: /E-mail address/, hidden: true });
    await userEvent.clear(email);
    expect(dialogButton(dialog, /^Apply \d changes$/)).toBeDisabled();
    await userEvent.type(email, 'secops@contoso.com');
    await userEvent.click(dialogButton(dialog, /^Apply \d changes$/));
    await waitFor(
      () => expect(within(progress()).getByRole('status')).toHaveTextContent(/finished, .*not known/),
      {
        timeout: 8000,
      },
    );
    expect(resultOf('kv-eu-cmk')).toHaveAccessibleName(/^kv-eu-cmk: (Failed|Not known)/);
    expect(resultOf('kv-sales-cmk')).toHaveAccessibleName('kv-sales-cmk: Done');
    // One action group for the whole run, every vault's rules telling it.
    expect([...world().actionGroups.values()].map((g) => g.name)).toEqual(['keyguard-bot-keys']);
    const vaultAlerts = () => [...world().activityLogAlerts.values()].map((a) => a.name);
    expect(vaultAlerts()).not.toContain('keyguard-cmk-vault-kv-eu-cmk');
    await userEvent.click(within(progress()).getByRole('button', { name: /^Retry/ }));
    await waitFor(() => expect(resultOf('kv-eu-cmk')).toHaveAccessibleName('kv-eu-cmk: Done'), {
      timeout: 8000,
    });
    expect(vaultAlerts()).toContain('keyguard-cmk-vault-kv-eu-cmk');
    // The column reads Azure again: a vault whose audit log reaches a workspace is covered; one that sends none
    // has no failure alert, so its bots stay partly covered.
    const alertsOf = (bot: string) =>
      within(table)
        .getAllByRole('row')
        .find((r) => r.textContent?.startsWith(bot))?.textContent ?? '';
    await waitFor(
      () => {
        expect(alertsOf('eu-helpdesk-bot')).toMatch(/(Partly covered|Covered)Azure/);
        expect(alertsOf('contoso-cmk-bot')).toMatch(/(Partly covered|Covered)Key Vault/);
      },
      { timeout: 8000 },
    );
  });
});
