import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ScenarioName } from '../../../mocks/scenarios';
import { contoso, contosoBotId, contosoVaultId } from '../../../mocks/scenarios/contoso';
import { dialogButton, findDialog } from '../../../testing/dialogs';
import { errorBar, findToast } from '../../../testing/toasts';
import { bladeContext, renderWithProviders } from '../../../testing/render';
import { recordRequests } from '../../../testing/requests';
import { control, resetTwin, testTwin } from '../../../testing/twin';
import KeyBlade from '../key-blade';
import { adminKeyVaultBearer } from '../../../testing/jwt';

const day = 24 * 60 * 60 * 1000;
const world = () => testTwin.managed.twin.world;
const key = (name = 'bot-cmk-key') => world().key(contosoVaultId, name)!;
const bot = () => world().bots.get(contosoBotId)!;

async function open(scenario: ScenarioName, keyName = 'bot-cmk-key', before?: () => void) {
  resetTwin(scenario);
  before?.();
  renderWithProviders(<KeyBlade />, {
    blade: bladeContext(contosoVaultId, `keys/${keyName}`, `Key ${keyName}`, 'Key vault'),
  });
  return screen.findByRole('table', { name: 'Versions' });
}
const rowOf = (table: HTMLElement, version: string) =>
  within(table)
    .getAllByRole('row')
    .find((r) => r.textContent?.includes(version.slice(0, 12)))!;

describe('Key vault | a key', () => {
  it('stops disabling the version a bot uses: names the bot, offers the safe path, asks for the key’s name', async () => {
    const table = await open('encrypted');
    const inUse = key().versions[1]!.version;
    await waitFor(() => expect(rowOf(table, inUse)).toHaveTextContent(/contoso-support-bot now/));
    await userEvent.click(
      within(rowOf(table, inUse)).getByRole('button', { name: `Disable version ${inUse}` }),
    );
    const dialog = await findDialog('Disable this key version: bots will stop');
    expect(within(dialog).getByRole('list', { name: 'Bots that would stop' })).toHaveTextContent(
      /contoso-support-bot uses bot-cmk-key version .* now\. It stops/,
    );
    expect(dialog).toHaveTextContent('Move these bots to another key or version first');
    expect(dialogButton(dialog, 'Disable anyway')).toBeDisabled();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Type “bot-cmk-key” to go ahead anyway/ }),
      'bot-cmk',
    );
    expect(dialogButton(dialog, 'Disable anyway')).toBeDisabled();
    await userEvent.click(dialogButton(dialog, 'Cancel'));
    expect(key().versions[1]!.enabled).toBe(true);
  });

  it('a firewall that refuses the gateway: explains why, never offers its address, hands over the command', async () => {
    // fresh: the vault's firewall admits the office, and the gateway has no private endpoint to it.
    const table = await open('fresh', 'expiring-soon');
    const only = key('expiring-soon').versions[0]!.version;
    await userEvent.click(
      within(rowOf(table, only)).getByRole('button', { name: `Disable version ${only}` }),
    );
    expect(await screen.findByText('The vault’s firewall refused Keyguard’s gateway')).toBeInTheDocument();
    expect(screen.getByText(/shared with other apps on the hosting platform/)).toBeInTheDocument();
    expect(screen.getByText(/give the gateway a private endpoint to the vault/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /to the firewall/ })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Run it from your own network' }));
    const dialog = await findDialog('Run this change yourself');
    expect(dialog).toHaveTextContent('The vault’s firewall refuses Keyguard’s gateway');
    expect(within(dialog).getByRole('region', { name: 'Azure CLI' })).toHaveTextContent(
      `az keyvault key set-attributes --vault-name kv-contoso-cmk --name expiring-soon --version ${only} --enabled false`,
    );
    expect(
      world()
        .vaults.get(contosoVaultId)!
        .networkAcls.ipRules.map((r) => r.value),
    ).toEqual(['203.0.113.0/24']);
    expect(key('expiring-soon').versions[0]!.enabled).toBe(true);
  });

  it('the real gateway refusing the admin’s tenant: says nothing was sent, hands over the command, changes nothing', async () => {
    const table = await open('ready', 'expiring-soon', () =>
      control.setGatewayTenants(['99999999-0000-4000-8000-000000000009']),
    );
    const only = key('expiring-soon').versions[0]!.version;
    await userEvent.click(
      within(rowOf(table, only)).getByRole('button', { name: `Disable version ${only}` }),
    );
    const bar = errorBar('Keyguard’s gateway did not pass this call on');
    expect(await screen.findByText('Keyguard’s gateway did not pass this call on')).toBeInTheDocument();
    expect(bar).toHaveTextContent('This gateway does not serve the token’s tenant.');
    expect(bar).toHaveTextContent(/Nothing was sent to Key Vault/);
    expect(bar).toHaveTextContent(/KEYGUARD_ALLOWED_TENANTS/);
    await userEvent.click(screen.getByRole('button', { name: 'Run it yourself' }));
    const dialog = await findDialog('Run this change yourself');
    expect(dialog).toHaveTextContent('Keyguard’s gateway would not pass this change on');
    expect(within(dialog).getByRole('region', { name: 'Azure CLI' })).toHaveTextContent(
      `az keyvault key set-attributes --vault-name kv-contoso-cmk --name expiring-soon --version ${only} --enabled false`,
    );
    expect(key('expiring-soon').versions[0]!.enabled).toBe(true);
  });

  it('a key action is refused by Key Vault when the token is from another directory than the vault’s', async () => {
    const table = await open('ready', 'expiring-soon', () => {
      // The vault moved to Fabrikam's directory (an admin's token from Contoso no longer fits it).
      const vault = world().vaults.get(contosoVaultId)!;
      world().vaults.set(contosoVaultId, { ...vault, tenantId: contoso.fabrikam.tenantId });
    });
    const only = key('expiring-soon').versions[0]!.version;
    await userEvent.click(
      within(rowOf(table, only)).getByRole('button', { name: `Disable version ${only}` }),
    );
    expect(await screen.findByText('The vault belongs to another directory')).toBeInTheDocument();
    expect(errorBar('The vault belongs to another directory')).toHaveTextContent(/AKV10032: Invalid issuer/);
    await userEvent.click(screen.getByRole('button', { name: 'Run it yourself' }));
    expect(await findDialog('Run this change yourself')).toHaveTextContent(/az login --tenant/);
    expect(key('expiring-soon').versions[0]!.enabled).toBe(true);
  });

  it('a key without a policy: reads Key Vault’s default from the data plane and saves it back unchanged', async () => {
    await open('ready', 'expiring-soon');
    expect(
      await screen.findByText('No automatic rotation; notifies 30 days before a version expires'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Rotation policy' }));
    const dialog = await findDialog('Rotation policy of expiring-soon');
    expect(dialog).toHaveTextContent('Key Vault notifies only for versions with an expiry date');
    expect(dialog).not.toHaveTextContent('could not be read');
    await userEvent.click(dialogButton(dialog, 'Save policy'));
    await waitFor(() =>
      expect([...world().rotationPolicies.values()].find((p) => p.keyName === 'expiring-soon')).toMatchObject(
        {
          lifetimeActions: [{ action: 'Notify', trigger: { timeBeforeExpiry: 'P30D' } }],
        },
      ),
    );
  });

  it('deleting is long-running: the blade reads again only once Key Vault has finished', async () => {
    const seen = recordRequests();
    await open('ready', 'expiring-soon');
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await userEvent.click(dialogButton(await findDialog('Delete this key?'), 'Delete'));
    expect(await findToast('Deleted expiring-soon')).toBeInTheDocument();
    const reads = seen.filter(
      (r) => r.method === 'GET' && r.url.pathname.endsWith('/deletedkeys/expiring-soon'),
    );
    // Read back until the deletion had finished: 404 while it ran, then the deleted key.
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(world().deletedKeys.get(`${contosoVaultId}/keys/expiring-soon`.toLowerCase())).toBeDefined();
  });

  it('a delete Key Vault took, whose end could not be read, is reported as made with its end unconfirmed', async () => {
    await open('ready', 'expiring-soon', () => {
      control.armFault({
        kind: 'error403',
        method: 'GET',
        pathIncludes: '/deletedkeys/expiring-soon',
        count: 50,
      });
    });
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await userEvent.click(dialogButton(await findDialog('Delete this key?'), 'Delete'));
    expect(await findToast('Deleted expiring-soon')).toBeInTheDocument();
    expect(await findToast(/did not see it finish/)).toBeInTheDocument();
    expect(screen.queryByText('Could not delete expiring-soon')).not.toBeInTheDocument();
  });

  it('a dialog closed while its change runs leaves the blade busy until Azure has answered', async () => {
    let held = '';
    await open('encrypted', 'bot-cmk-key', () => {
      held = control.armFault({ kind: 'hold', method: 'POST', pathIncludes: '/keys/bot-cmk-key/create' }).id;
    });
    await userEvent.click(screen.getByRole('button', { name: 'New version' }));
    const dialog = await findDialog('New version of bot-cmk-key');
    await userEvent.click(dialogButton(dialog, 'Create version'));
    await userEvent.click(dialogButton(dialog, 'Cancel'));
    // No second version can be asked for while the first is still being made.
    expect(await screen.findByRole('button', { name: 'New version' })).toBeDisabled();
    await waitFor(() => expect(key().versions).toHaveLength(3));
    expect(screen.getByRole('button', { name: 'New version' })).toBeDisabled();
    control.releaseFault(held);
    await waitFor(() => expect(screen.getByRole('button', { name: 'New version' })).toBeEnabled());
    expect(key().versions).toHaveLength(3);
  });

  it('a new version, the bot moved to it, and the old one disabled once the simulated week has passed', async () => {
    const table = await open('encrypted');
    const old = key().versions[1]!.version;
    await userEvent.click(screen.getByRole('button', { name: 'New version' }));
    await userEvent.click(dialogButton(await findDialog('New version of bot-cmk-key'), 'Create version'));
    await waitFor(() => expect(key().versions).toHaveLength(3));
    const fresh = key().versions[2]!.version;
    await userEvent.click(
      await screen.findByRole('button', { name: 'Move contoso-support-bot to the newer version' }),
    );
    await userEvent.click(dialogButton(await findDialog('Move the bot to the newer version?'), 'Move'));
    await waitFor(() => expect(bot().cmek.keyUrl).toContain(fresh));
    // Within the week, the version it left is guarded.
    await waitFor(() => expect(rowOf(table, old)).toHaveTextContent(/contoso-support-bot until/));
    await userEvent.click(within(rowOf(table, old)).getByRole('button', { name: `Disable version ${old}` }));
    expect(await findDialog('Disable this key version: bots will stop')).toHaveTextContent(
      /moved off bot-cmk-key version/,
    );
    await userEvent.click(
      dialogButton(await findDialog('Disable this key version: bots will stop'), 'Cancel'),
    );
    control.advance(8 * day);
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(rowOf(table, old)).not.toHaveTextContent(/contoso-support-bot/));
    await userEvent.click(within(rowOf(table, old)).getByRole('button', { name: `Disable version ${old}` }));
    await waitFor(() => expect(key().versions[1]!.enabled).toBe(false));
    expect(await findToast('Disabled a version of bot-cmk-key')).toBeInTheDocument();
  });

  it('without a gateway: the command to run, and Check again reads the key back', async () => {
    const table = await open('ready', 'expiring-soon', () => control.setGateway(false));
    const version = key('expiring-soon').versions[0]!.version;
    await userEvent.click(
      within(rowOf(table, version)).getByRole('button', { name: `Disable version ${version}` }),
    );
    const dialog = await findDialog('Run this change yourself');
    expect(within(dialog).getByRole('region', { name: 'Azure CLI' })).toHaveTextContent(
      `az keyvault key set-attributes --vault-name kv-contoso-cmk --name expiring-soon --version ${version} --enabled false`,
    );
    expect(within(dialog).getByRole('region', { name: 'Azure PowerShell' })).toHaveTextContent(
      'Update-AzKeyVaultKey',
    );
    await userEvent.click(dialogButton(dialog, 'Check again'));
    expect(
      await within(dialog).findByText(/Not yet: Key Vault still reports the version enabled/),
    ).toBeInTheDocument();
    // The admin runs it in Cloud Shell (straight to the vault, from their own address).
    const r = await fetch(
      `https://kv-contoso-cmk.vault.azure.net/keys/expiring-soon/${version}?api-version=2025-07-01`,
      {
        method: 'PATCH',
        headers: { authorization: adminKeyVaultBearer(), 'content-type': 'application/json' },
        body: JSON.stringify({ attributes: { enabled: false } }),
      },
    );
    expect(r.status).toBe(200);
    await userEvent.click(dialogButton(dialog, 'Check again'));
    expect(await within(dialog).findByText('Done: the version is disabled.')).toBeInTheDocument();
  });

  it('a missing access-policy permission: named, and given to the admin in one click', async () => {
    const table = await open('ready', 'expiring-soon', () => {
      const v = world().vaults.get(contosoVaultId)!;
      world().vaults.set(contosoVaultId, {
        ...v,
        accessPolicies: v.accessPolicies.map((p) =>
          p.objectId === world().settings.demoUserObjectId
            ? { ...p, permissions: { ...p.permissions, keys: ['get', 'list'] } }
            : p,
        ),
      });
    });
    const version = key('expiring-soon').versions[0]!.version;
    await userEvent.click(
      within(rowOf(table, version)).getByRole('button', { name: `Disable version ${version}` }),
    );
    expect(await screen.findByText('Your access policy lacks a permission')).toBeInTheDocument();
    expect(key('expiring-soon').versions[0]!.enabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Give yourself “update” and try again' }));
    await waitFor(() => expect(key('expiring-soon').versions[0]!.enabled).toBe(false));
  });

  it('an RBAC vault without a data role: Key Vault Crypto Officer assigned to the admin, then it works', async () => {
    await open('rbac');
    await userEvent.click(screen.getByRole('button', { name: 'Rotate now' }));
    await userEvent.click(dialogButton(await findDialog('Rotate this key now?'), 'Rotate now'));
    expect(await screen.findByText('Your role on this vault does not allow it')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Assign yourself Key Vault Crypto Officer and try again' }),
    );
    await waitFor(() => expect(key().versions).toHaveLength(3));
  });

  it('saves a rotation policy after saying Key Vault’s rules', async () => {
    await open('ready');
    await userEvent.click(screen.getByRole('button', { name: 'Rotation policy' }));
    const dialog = await findDialog('Rotation policy of bot-cmk-key');
    await userEvent.click(
      within(dialog).getByRole('radio', { name: 'A number of days after each version is created' }),
    );
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Rotate after (days)' }), '3');
    await userEvent.click(dialogButton(dialog, 'Save policy'));
    expect(within(dialog).getByText(/at least 7 days/)).toBeInTheDocument();
    await userEvent.clear(within(dialog).getByRole('textbox', { name: 'Rotate after (days)' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Rotate after (days)' }), '90');
    await userEvent.click(dialogButton(dialog, 'Save policy'));
    await waitFor(() => expect(world().rotationPolicies.size).toBe(1));
    // Key Vault's default Notify, read from the data plane, stays in the policy.
    expect(
      await screen.findByText('Rotates 90 days after creation; notifies 30 days before a version expires'),
    ).toBeInTheDocument();
  });

  describe('faults: nothing lost, no false success', () => {
    it('a 429 is waited out and the change made', async () => {
      const table = await open('ready', 'expiring-soon', () =>
        control.armFault({
          kind: 'throttle',
          method: 'PATCH',
          pathIncludes: 'expiring-soon',
          retryAfterSeconds: 1,
        }),
      );
      const version = key('expiring-soon').versions[0]!.version;
      await userEvent.click(
        within(rowOf(table, version)).getByRole('button', { name: `Disable version ${version}` }),
      );
      await waitFor(() => expect(key('expiring-soon').versions[0]!.enabled).toBe(false));
    });

    it('a 500 says so and changes nothing; a dropped rotation is not repeated and says its outcome is unknown', async () => {
      const table = await open('ready', 'expiring-soon', () =>
        control.armFault({ kind: 'error500', method: 'PATCH', pathIncludes: 'expiring-soon', count: 4 }),
      );
      const version = key('expiring-soon').versions[0]!.version;
      await userEvent.click(
        within(rowOf(table, version)).getByRole('button', { name: `Disable version ${version}` }),
      );
      expect(await findToast('Could not disable a version of expiring-soon')).toBeInTheDocument();
      expect(key('expiring-soon').versions[0]!.enabled).toBe(true);
      control.armFault({ kind: 'drop', method: 'POST', pathIncludes: 'rotate', count: 1 });
      // The toolbar is off until the failed change has ended (its views read again).
      const rotate = screen.getByRole('button', { name: 'Rotate now' });
      await waitFor(() => expect(rotate).toBeEnabled());
      await userEvent.click(rotate);
      await userEvent.click(dialogButton(await findDialog('Rotate this key now?'), 'Rotate now'));
      expect(await findToast(/^Could not rotate expiring-soon/)).toBeInTheDocument();
      // The blade's own account of the failure comes once the change has ended.
      await screen.findByText('Azure could not be reached');
      expect(errorBar('Azure could not be reached')).toHaveTextContent(
        /not known whether the change was made/,
      );
      expect(key('expiring-soon').versions).toHaveLength(1);
    });
  });
});
