// Several renders in one test, each unmounted before the next: the cleanup between them is explicit.
// eslint-disable-next-line testing-library/no-manual-cleanup
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ScenarioName } from '../../../mocks/scenarios';
import { contoso, contosoBotId, contosoVaultId } from '../../../mocks/scenarios/contoso';
import { World } from '../../../mocks/store/world';
import { dialogButton, findDialog } from '../../../testing/dialogs';
import { bladeContext, renderWithProviders } from '../../../testing/render';
import { control, resetTwin, testTwin } from '../../../testing/twin';
import ReadinessBlade from '../readiness-blade';

const world = () => testTwin.managed.twin.world;
function keyUrl(name: string, vaultId = contosoVaultId): string {
  const vault = world().vaults.get(vaultId)!;
  const key = world().keys.get(World.keyKey(vaultId, name))!;
  return `https://${vault.name}.vault.azure.net/keys/${name}/${key.versions[key.versions.length - 1]!.version}`;
}

async function openWith(scenario: ScenarioName, urlOf?: () => string, setup?: () => void) {
  resetTwin(scenario);
  setup?.();
  const url = urlOf?.();
  renderWithProviders(<ReadinessBlade />, {
    blade: bladeContext(contosoBotId, 'cmkreadiness', 'CMK readiness'),
  });
  const input = await screen.findByRole('textbox', { name: 'Key URL to check' });
  if (url !== undefined) {
    await userEvent.clear(input);
    await userEvent.click(input);
    await userEvent.paste(url);
  }
  const list = await screen.findByRole('list', { name: 'Readiness checks' });
  // Every check on screen (the vault's six at least) and none still unknown: an empty list has no unknown either.
  await waitFor(
    () => {
      expect(within(list).queryAllByRole('listitem').length).toBeGreaterThanOrEqual(6);
      expect(within(list).queryAllByRole('listitem', { name: /Unknown$/ })).toHaveLength(0);
    },
    { timeout: 8000 },
  );
  return list;
}

const stateOf = (list: HTMLElement, label: RegExp) =>
  within(list).getByRole('listitem', { name: label }).getAttribute('aria-label')!.split(': ').pop();

describe('CMK readiness in every scenario', () => {
  it('fresh: purge protection, provider, access policy and firewall fail; the rest pass', async () => {
    const list = await openWith('fresh', () => keyUrl('bot-cmk-key'));
    expect(stateOf(list, /^Purge protection/)).toBe('Failed');
    expect(stateOf(list, /^Microsoft.BotService registered/)).toBe('Failed');
    expect(stateOf(list, /^Bot Service CMEK Prod may get/)).toBe('Failed');
    expect(stateOf(list, /^Firewall lets trusted/)).toBe('Failed');
    expect(stateOf(list, /^Soft delete/)).toBe('Passed');
    expect(stateOf(list, /^Key vault in the bot’s/)).toBe('Passed');
    expect(stateOf(list, /^Key exists/)).toBe('Passed');
    expect(screen.getByRole('status', { name: '' })).toBeInTheDocument();
  });

  it('ready, encrypted and large: every check passes; an audit log is recommended where none is kept', async () => {
    for (const s of ['ready', 'encrypted', 'large'] as const) {
      const list = await openWith(s, s === 'encrypted' ? undefined : () => keyUrl('bot-cmk-key'));
      // ready keeps no audit log; encrypted and large send it to Log Analytics (their past).
      const kept = s !== 'ready';
      expect(stateOf(list, /^Key Vault audit log kept/)).toBe(kept ? 'Passed' : 'Warning');
      expect(within(list).getAllByRole('listitem', { name: /Passed$/ })).toHaveLength(kept ? 12 : 11);
      screen.getByText(kept ? /All 12 checks passed\./ : /All 11 checks passed, 1 warning\./);
      cleanup();
    }
  });

  it('rbac: the role is missing, not an access policy', async () => {
    const list = await openWith('rbac', () => keyUrl('bot-cmk-key'));
    expect(
      within(list).getByRole('listitem', { name: /^Bot Service CMEK Prod may get.*Failed$/ }),
    ).toHaveTextContent('lacks the role Key Vault Crypto Service Encryption User');
    expect(within(list).getByRole('button', { name: 'Assign the role' })).toBeInTheDocument();
  });

  it('cross-tenant: the vault is in another tenant', async () => {
    const list = await openWith('cross-tenant', () =>
      keyUrl(
        'partner-bot-key',
        `/subscriptions/${contoso.fabrikam.sub}/resourceGroups/rg-shared-keys/providers/Microsoft.KeyVault/vaults/kv-fabrikam-shared`,
      ),
    );
    expect(
      within(list).getByRole('listitem', { name: /^Key vault in the bot’s.*Failed$/ }),
    ).toHaveTextContent(contoso.fabrikam.tenantId);
  });

  it('revoked: the access policy is gone', async () => {
    const list = await openWith('revoked');
    expect(stateOf(list, /^Bot Service CMEK Prod may get/)).toBe('Failed');
  });

  it('flags unusable and soon-expiring keys, and says why a vault it cannot see is unknown', async () => {
    let list = await openWith('ready', () => keyUrl('expiring-soon'));
    expect(stateOf(list, /^Key does not expire within 30 days/)).toBe('Warning');
    cleanup();
    list = await openWith('ready', () => keyUrl('signing-ec'));
    expect(stateOf(list, /^Key is RSA/)).toBe('Failed');
    cleanup();
    list = await openWith('ready', () => keyUrl('disabled-key'));
    expect(stateOf(list, /^Key exists, is enabled/)).toBe('Failed');
    cleanup();
    resetTwin('ready');
    renderWithProviders(<ReadinessBlade />, {
      blade: bladeContext(contosoBotId, 'cmkreadiness', 'CMK readiness'),
    });
    const input = await screen.findByRole('textbox', { name: 'Key URL to check' });
    await userEvent.click(input);
    await userEvent.paste('https://kv-elsewhere.vault.azure.net/keys/k/0123456789abcdef0123456789abcdef');
    const checks = await screen.findByRole('list', { name: 'Readiness checks' });
    await waitFor(() =>
      expect(
        within(checks).getByRole('listitem', { name: /^Purge protection enabled: Unknown$/ }),
      ).toHaveTextContent(/No key vault named “kv-elsewhere” is in a subscription you can see/),
    );
  });
});

describe('Microsoft’s principal, never a lookalike', () => {
  const lookalike = () =>
    [...world().principals.values()].find(
      (p) => p.displayName === 'Bot Service CMEK Prod' && p.appOwnerOrganizationId === contoso.tenantId,
    )!;

  it('fresh: a lookalike holding Get, Wrap Key and Unwrap Key does not count, and is named as a lookalike', async () => {
    const list = await openWith('fresh', () => keyUrl('bot-cmk-key'));
    const item = within(list).getByRole('listitem', { name: /^Bot Service CMEK Prod may get.*Failed$/ });
    expect(item).toHaveTextContent('The vault has no access policy for Bot Service CMEK Prod');
    await waitFor(() =>
      expect(item).toHaveTextContent(
        `Only a lookalike holds this access: “Bot Service CMEK Prod” (object ${lookalike().objectId}`,
      ),
    );
  });

  it('fresh: the access-policy fix grants Microsoft’s principal only, and leaves the lookalike as it was', async () => {
    const before = structuredClone(world().vaults.get(contosoVaultId)!.accessPolicies);
    const list = await openWith('fresh', () => keyUrl('bot-cmk-key'));
    await userEvent.click(within(list).getByRole('button', { name: 'Add the access policy' }));
    const genuine = world().cmekPrincipal(contoso.tenantId)!.objectId;
    await waitFor(() =>
      expect(world().vaults.get(contosoVaultId)!.accessPolicies).toEqual([
        ...before,
        {
          tenantId: contoso.tenantId,
          objectId: genuine,
          permissions: { keys: ['get', 'wrapKey', 'unwrapKey'] },
        },
      ]),
    );
    expect(genuine).not.toBe(lookalike().objectId);
  });

  it('no-principal: says the tenant has none, creates Microsoft’s principal, then grants it', async () => {
    const list = await openWith('no-principal', () => keyUrl('bot-cmk-key'));
    const item = within(list).getByRole('listitem', { name: /^Bot Service CMEK Prod may get.*Failed$/ });
    expect(item).toHaveTextContent(
      'This directory has no service principal for Microsoft’s Bot Service CMEK Prod application (27a762be-14e7-4f92-899c-151877d6d497) yet',
    );
    await userEvent.click(within(item).getByRole('button', { name: 'Show as code' }));
    expect(
      await within(item).findByLabelText('Create the service principal, as code: Azure CLI'),
    ).toHaveTextContent('az ad sp create --id 27a762be-14e7-4f92-899c-151877d6d497');
    await userEvent.click(within(item).getByRole('button', { name: 'Create the service principal' }));
    await waitFor(() => expect(world().cmekPrincipal(contoso.tenantId)).toBeDefined());
    await userEvent.click(await within(list).findByRole('button', { name: 'Add the access policy' }));
    await waitFor(() => expect(stateOf(list, /^Bot Service CMEK Prod may get/)).toBe('Passed'));
  });

  it('no-principal: when Graph refuses the creation (no permission), it says so and the CLI path stays', async () => {
    const list = await openWith('no-principal', () => keyUrl('bot-cmk-key'));
    control.armFault({ kind: 'error403', method: 'POST', pathIncludes: '/v1.0/servicePrincipals' });
    await userEvent.click(within(list).getByRole('button', { name: 'Create the service principal' }));
    expect(
      await screen.findByText(/The fix did not go through: Insufficient privileges/),
    ).toBeInTheDocument();
    expect(world().cmekPrincipal(contoso.tenantId)).toBeUndefined();
    expect(stateOf(list, /^Bot Service CMEK Prod may get/)).toBe('Failed');
  });

  it('compares the vault’s tenant with the bot’s subscription, not the app registration’s tenant', async () => {
    const list = await openWith(
      'ready',
      () => keyUrl('bot-cmk-key'),
      () => {
        const bot = world().bots.get(contosoBotId)!;
        // The app registration lives in another tenant, and the bot reports that tenant too.
        world().bots.set(contosoBotId, {
          ...bot,
          tenantId: contoso.fabrikam.tenantId,
          msaAppTenantId: contoso.fabrikam.tenantId,
        });
      },
    );
    expect(world().bots.get(contosoBotId)!.msaAppTenantId).toBe(contoso.fabrikam.tenantId);
    expect(stateOf(list, /^Key vault in the bot’s/)).toBe('Passed');
  });
});

describe('one-click fixes', () => {
  it('fixes all four failures of the fresh scenario, each as a notification, then passes', async () => {
    const list = await openWith('fresh', () => keyUrl('bot-cmk-key'));
    await userEvent.click(await within(list).findByRole('button', { name: 'Turn on purge protection' }));
    await userEvent.click(
      dialogButton(
        await findDialog(/Turn on purge protection for kv-contoso-cmk/),
        'Turn on purge protection',
      ),
    );
    await waitFor(() => expect(world().vaults.get(contosoVaultId)!.enablePurgeProtection).toBe(true));

    control.setSpeed(100_000);
    await userEvent.click(await within(list).findByRole('button', { name: 'Register Microsoft.BotService' }));
    await waitFor(() => expect(stateOf(list, /^Microsoft.BotService registered/)).toBe('Passed'), {
      timeout: 10_000,
    });

    await userEvent.click(await within(list).findByRole('button', { name: 'Add the access policy' }));
    await waitFor(() => expect(stateOf(list, /^Bot Service CMEK Prod may get/)).toBe('Passed'));

    await userEvent.click(
      await within(list).findByRole('button', { name: 'Allow trusted Microsoft services' }),
    );
    await waitFor(() =>
      expect(world().vaults.get(contosoVaultId)!.networkAcls).toMatchObject({
        bypass: 'AzureServices',
        defaultAction: 'Deny',
        ipRules: [{ value: '203.0.113.0/24' }],
      }),
    );
    expect(await screen.findByText(/All 11 checks passed, 1 warning/)).toBeInTheDocument();
    expect(await screen.findAllByText('Purge protection is on for kv-contoso-cmk')).toHaveLength(1);

    // The recommendation: send the audit log to a workspace the admin picks, shown as code first.
    const send = within(list).getByRole('button', { name: 'Send the audit log to a workspace…' });
    await waitFor(() => expect(send).toBeEnabled()); // the firewall fix may still be refreshing its views
    await userEvent.click(send);
    // findDialog and `hidden`: Tabster may mark the open dialog hidden under a loaded happy-dom (testing/dialogs.ts).
    const dialog = await findDialog('Keep the audit log of kv-contoso-cmk');
    await userEvent.click(
      within(dialog).getByRole('combobox', { name: /Log Analytics workspace/, hidden: true }),
    );
    await userEvent.click(await screen.findByRole('option', { name: /^log-contoso-security/ }));
    expect(within(dialog).getByLabelText('The same, as code: Azure CLI')).toHaveTextContent(
      'az monitor diagnostic-settings create --name keyguard-audit',
    );
    await userEvent.click(dialogButton(dialog, 'Send the audit log'));
    expect(await screen.findByText(/All 12 checks passed\./)).toBeInTheDocument();
    expect([...world().diagnosticSettings.values()].map((d) => d.name)).toEqual(['keyguard-audit']);
  });

  it('assigns the role on an RBAC vault', async () => {
    const list = await openWith('rbac', () => keyUrl('bot-cmk-key'));
    await userEvent.click(within(list).getByRole('button', { name: 'Assign the role' }));
    await waitFor(() => expect(stateOf(list, /^Bot Service CMEK Prod may get/)).toBe('Passed'));
  });

  it('a failed fix says so and changes nothing', async () => {
    const list = await openWith('fresh', () => keyUrl('bot-cmk-key'));
    control.armFault({ kind: 'error500', method: 'PUT', pathIncludes: 'accessPolicies', count: 1 });
    await userEvent.click(within(list).getByRole('button', { name: 'Add the access policy' }));
    expect(await screen.findByText(/The fix did not go through/)).toBeInTheDocument();
    expect(stateOf(list, /^Bot Service CMEK Prod may get/)).toBe('Failed');
  });
});
