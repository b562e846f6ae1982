import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ScenarioName } from '../../../mocks/scenarios';
import { contoso, contosoVaultId } from '../../../mocks/scenarios/contoso';
import { World } from '../../../mocks/store/world';
import { bladeContext, renderWithProviders } from '../../../testing/render';
import { control, resetTwin, testTwin } from '../../../testing/twin';
import KeysBlade from '../keys-blade';

const world = () => testTwin.managed.twin.world;

async function open(
  scenario: ScenarioName,
  query: Record<string, string> = {},
  vaultId = contosoVaultId,
  before?: () => void,
) {
  resetTwin(scenario);
  before?.();
  renderWithProviders(<KeysBlade />, { blade: bladeContext(vaultId, 'keys', 'Keys', 'Key vault', query) });
  return screen.findByRole('table', { name: 'Keys' });
}

const row = (table: HTMLElement, name: string) =>
  within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('link', { name }))!;

describe('Key vault | Keys', () => {
  it('lists every key with its state, expiry, rotation policy and the bots that use it', async () => {
    const table = await open('encrypted');
    await waitFor(() => expect(row(table, 'bot-cmk-key')).toHaveTextContent(/contoso-support-bot now/));
    // Jordan's rotation six days ago: the bot may need the replaced version one more day.
    expect(row(table, 'bot-cmk-key')).toHaveTextContent(/contoso-support-bot until/);
    expect(row(table, 'disabled-key')).toHaveTextContent('Disabled');
    expect(
      within(row(table, 'expiring-soon')).getByRole('img', { name: 'Expires within 30 days' }),
    ).toBeInTheDocument();
    expect(within(row(table, 'old-expired')).getByRole('img', { name: 'Expired' })).toBeInTheDocument();
    expect(row(table, 'bot-cmk-key-2026')).toHaveTextContent('No automatic rotation');
  });

  it('generates a key with a rotation policy (through ARM), saying what is wrong first', async () => {
    await open('ready');
    await userEvent.click(screen.getByRole('button', { name: 'Generate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Generate a key' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'bot-cmk-key');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Generate' }));
    expect(within(dialog).getByText(/A key of this name exists/)).toBeInTheDocument();
    await userEvent.clear(within(dialog).getByRole('textbox', { name: /^Name/ }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'bot-cmk-2027');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Rotate it automatically' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(world().key(contosoVaultId, 'bot-cmk-2027')).toBeDefined());
    expect(
      [...world().rotationPolicies.values()].map((p) => [p.keyName, p.lifetimeActions[0]?.trigger]),
    ).toEqual([['bot-cmk-2027', { timeAfterCreate: 'P90D' }]]);
  });

  it('shows deleted keys and recovers one through the gateway', async () => {
    resetTwin('ready');
    const key = world().key(contosoVaultId, 'signing-ec')!;
    world().keys.delete(World.keyKey(contosoVaultId, 'signing-ec'));
    world().deletedKeys.set(World.keyKey(contosoVaultId, 'signing-ec'), {
      vaultId: contosoVaultId,
      name: 'signing-ec',
      key,
      deletedDate: 1,
      scheduledPurgeDate: 2_000_000_000,
    });
    renderWithProviders(<KeysBlade />, {
      blade: bladeContext(contosoVaultId, 'keys', 'Keys', 'Key vault', { view: 'deleted' }),
    });
    const table = await screen.findByRole('table', { name: 'Deleted keys' });
    await userEvent.click(await within(table).findByRole('button', { name: 'Recover signing-ec' }));
    await waitFor(() => expect(world().key(contosoVaultId, 'signing-ec')).toBeDefined());
  });

  it('without a gateway, says what still works here and what becomes a command', async () => {
    await open('encrypted', {}, contosoVaultId, () => control.setGateway(false));
    expect(
      await screen.findByText(/This deployment has no Keyguard gateway to Key Vault/),
    ).toBeInTheDocument();
  });

  it('a firewall that does not admit the admin: names the address, and one click lets it through', async () => {
    const locked = `/subscriptions/${contoso.keysSub}/resourceGroups/${contoso.keysRg}/providers/Microsoft.KeyVault/vaults/kv-contoso-locked`;
    await open('ready', {}, locked);
    expect(await screen.findByText('The vault’s firewall refused the change')).toBeInTheDocument();
    expect(
      screen.getByText(/Adding 203\.0\.113\.42 lets every call from that address through the firewall/),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Add 203.0.113.42 to the firewall and try again' }),
    );
    const table = screen.getByRole('table', { name: 'Keys' });
    expect(await within(table).findByRole('link', { name: 'locked-cmk' })).toBeInTheDocument();
    expect(
      world()
        .vaults.get(locked)!
        .networkAcls.ipRules.map((r) => r.value),
    ).toContain('203.0.113.42');
  });
});
