import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contosoVaultId } from '../../../mocks/scenarios/contoso';
import { errorBar } from '../../../testing/toasts';
import { bladeContext, renderWithProviders } from '../../../testing/render';
import { recordRequests, writes } from '../../../testing/requests';
import { control, testTwin } from '../../../testing/twin';
import VaultNetworkingBlade from '../vault-networking-blade';
import { validateIpRule } from '../networking-form';

const acls = () => testTwin.managed.twin.world.vaults.get(contosoVaultId)!.networkAcls;

function open() {
  return renderWithProviders(<VaultNetworkingBlade />, {
    blade: bladeContext(contosoVaultId, 'networking', 'Networking', 'Key vault'),
  });
}

describe('Key vault | Networking', () => {
  it('warns that Azure Bot Service cannot reach the keys, and fixes it in one click', async () => {
    open();
    expect(await screen.findByText('Azure Bot Service cannot reach keys in this vault')).toBeInTheDocument();
    expect(
      screen.getByRole('radio', {
        name: 'Allow public access from specific virtual networks and IP addresses',
      }),
    ).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Allow trusted Microsoft services to bypass this firewall' }),
    ).not.toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Allow trusted Microsoft services' }));
    await waitFor(() => expect(acls().bypass).toBe('AzureServices'));
    expect(acls().ipRules).toEqual([{ value: '203.0.113.0/24' }]);
    await waitFor(() =>
      expect(screen.queryByText('Azure Bot Service cannot reach keys in this vault')).not.toBeInTheDocument(),
    );
    expect(
      screen.getByRole('checkbox', { name: 'Allow trusted Microsoft services to bypass this firewall' }),
    ).toBeChecked();
  });

  it('gives each bad IP rule its own message and never sends it', async () => {
    const seen = recordRequests();
    open();
    const input = await screen.findByRole('textbox', { name: 'IPv4 address or CIDR' });
    for (const [value, message] of [
      ['10.1.2.0/24', /private range/],
      ['300.1.1.1', /number above 255/],
      ['1.2.3.4/33', /prefix \/33 is too long/],
      ['fe80::1', /IPv6/],
      ['203.0.113.0/24', /already in the list/],
      ['hello', /is not an IPv4 address/],
    ] as const) {
      await userEvent.clear(input);
      await userEvent.type(input, value);
      await userEvent.click(screen.getByRole('button', { name: 'Add rule' }));
      expect(screen.getByText(message)).toBeInTheDocument();
    }
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    // With a valid change beside them, Save sends that change and none of the refused rules.
    await userEvent.clear(input);
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Allow trusted Microsoft services to bypass this firewall' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(writes(seen)).toHaveLength(1));
    const sent = JSON.stringify(writes(seen)[0]!.body);
    for (const bad of ['10.1.2.0/24', '300.1.1.1', '1.2.3.4/33', 'fe80::1', 'hello'])
      expect(sent).not.toContain(bad);
  });

  it('saves a new rule and the bypass together', async () => {
    open();
    const input = await screen.findByRole('textbox', { name: 'IPv4 address or CIDR' });
    await userEvent.type(input, '198.51.100.7{Enter}');
    expect(screen.getByText('198.51.100.7')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Allow trusted Microsoft services to bypass this firewall' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(acls()).toMatchObject({
        bypass: 'AzureServices',
        defaultAction: 'Deny',
        ipRules: [{ value: '203.0.113.0/24' }, { value: '198.51.100.7' }],
      }),
    );
  });

  it('keeps every edit when the save fails, and a retry works', async () => {
    control.armFault({ kind: 'drop', method: 'PATCH', count: 1 });
    open();
    await userEvent.click(await screen.findByRole('radio', { name: 'Disable public access' }));
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Allow trusted Microsoft services to bypass this firewall' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Azure refused the change; your settings are kept')).toBeInTheDocument();
    expect(errorBar('Azure refused the change; your settings are kept')).toHaveTextContent(
      /not known whether the change was made/,
    );
    expect(screen.getByRole('radio', { name: 'Disable public access' })).toBeChecked();
    expect(testTwin.managed.twin.world.vaults.get(contosoVaultId)!.publicNetworkAccess).toBe('Enabled');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(testTwin.managed.twin.world.vaults.get(contosoVaultId)!.publicNetworkAccess).toBe('Disabled'),
    );
  });

  it('tells the user when another admin changed the firewall meanwhile, and keeps their edits', async () => {
    const { queryClient } = open();
    await userEvent.click(
      await screen.findByRole('radio', { name: 'Allow public access from all networks' }),
    );
    control.otherAdmin('PATCH', `${contosoVaultId}?api-version=2025-05-01`, {
      properties: {
        networkAcls: {
          defaultAction: 'Deny',
          bypass: 'AzureServices',
          ipRules: [{ value: '198.51.100.0/24' }],
        },
      },
    });
    await queryClient.invalidateQueries();
    expect(await screen.findByText('This resource changed since you started editing')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Allow public access from all networks' })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Discard mine and load theirs' }));
    expect(screen.getByText('198.51.100.0/24')).toBeInTheDocument();
  });

  it('holds the save back when another admin changed the firewall after the user began, until the user chooses', async () => {
    open();
    await userEvent.click(await screen.findByRole('radio', { name: 'Disable public access' }));
    control.otherAdmin('PATCH', `${contosoVaultId}?api-version=2025-05-01`, {
      properties: {
        networkAcls: { defaultAction: 'Deny', bypass: 'None', ipRules: [{ value: '198.51.100.0/24' }] },
      },
    });
    const log = recordRequests();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('This resource changed since you started editing')).toBeInTheDocument();
    expect(screen.getByText(/IP rules added: 198\.51\.100\.0\/24/)).toBeInTheDocument();
    expect(writes(log)).toEqual([]);
    expect(screen.getByRole('radio', { name: 'Disable public access' })).toBeChecked();
    expect(testTwin.managed.twin.world.vaults.get(contosoVaultId)!.publicNetworkAccess).toBe('Enabled');
    await userEvent.click(screen.getByRole('button', { name: 'Keep my edits' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(testTwin.managed.twin.world.vaults.get(contosoVaultId)!.publicNetworkAccess).toBe('Disabled'),
    );
    expect(acls().ipRules).toEqual([{ value: '198.51.100.0/24' }]);
  });
});

describe('IP rule validation', () => {
  it('accepts public addresses and ranges', () => {
    expect(validateIpRule('203.0.113.7', [])).toBeUndefined();
    expect(validateIpRule(' 20.40.0.0/14 ', [])).toBeUndefined();
    expect(validateIpRule('', [])).toMatch(/Enter an IPv4/);
    expect(
      validateIpRule(
        '1.2.3.4',
        Array.from({ length: 1000 }, (_, i) => `20.0.${Math.floor(i / 250)}.${i % 250}`),
      ),
    ).toMatch(/at most 1000/);
  });
});
