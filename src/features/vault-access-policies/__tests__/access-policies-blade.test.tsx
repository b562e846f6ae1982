import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contoso, contosoVaultId } from '../../../mocks/scenarios/contoso';
import { dialogButton, findDialog } from '../../../testing/dialogs';
import { bladeContext, renderWithProviders } from '../../../testing/render';
import { control, resetTwin, testTwin } from '../../../testing/twin';
import AccessPoliciesBlade from '../access-policies-blade';

const world = () => testTwin.managed.twin.world;
const policies = () => world().vaults.get(contosoVaultId)!.accessPolicies;
const cmekId = () => world().cmekPrincipal(contoso.tenantId)!.objectId;

function open() {
  return renderWithProviders(<AccessPoliciesBlade />, {
    blade: bladeContext(contosoVaultId, 'accesspolicies', 'Access policies', 'Key vault'),
  });
}

/** The access policies' rows of Bot Service CMEK Prod or a principal named like it, once the table shows them. */
async function cmekRows(): Promise<HTMLElement[]> {
  const table = await screen.findByRole('table', { name: 'Access policies' });
  return within(table).findAllByRole('row', { name: /Select Bot Service CMEK Prod/ });
}
/** The row marked a lookalike, once the directory's answer has marked it. */
const lookalikeRow = () =>
  waitFor(async () => {
    const row = (await cmekRows()).find((r) => r.textContent?.includes('Lookalike'));
    expect(row).toBeDefined();
    return row!;
  });

describe('Key vault | Access policies', () => {
  it('lists policies grouped by principal type with their permissions, and searches them', async () => {
    resetTwin('ready');
    open();
    const table = await screen.findByRole('table', { name: 'Access policies' });
    expect(await within(table).findByText('Avery Admin')).toBeInTheDocument();
    expect(within(table).getByText('USER')).toBeInTheDocument();
    expect(within(table).getByText('APPLICATION')).toBeInTheDocument();
    expect(within(table).getByText('GROUP')).toBeInTheDocument();
    expect(within(table).getByText('contoso-ci-deployer')).toBeInTheDocument();
    expect(screen.getByText('Permission model:')).toHaveTextContent('Vault access policy');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search access policies' }), 'key admin');
    expect(screen.getByText('Showing 1 to 1 of 4 records.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit' })).toBeDisabled();
  });

  it('flags and explains a lookalike that holds the CMEK permissions, and marks Microsoft’s own principal', async () => {
    open();
    const lookalike = await lookalikeRow();
    expect(within(lookalike).getByText('Lookalike')).toBeInTheDocument();
    expect(lookalike).toHaveTextContent('is not Microsoft’s Bot Service CMEK Prod application');
    expect(lookalike).toHaveTextContent('Keyguard never grants it anything');
  });

  it('marks Microsoft’s principal as such, never as a lookalike', async () => {
    resetTwin('ready');
    open();
    const rows = await cmekRows();
    expect(rows).toHaveLength(1);
    const genuine = rows[0]!;
    expect(await within(genuine).findByText('Microsoft’s Bot Service CMEK Prod')).toBeInTheDocument();
    expect(within(genuine).queryByText('Lookalike')).not.toBeInTheDocument();
    expect(genuine).toHaveTextContent('27a762be-14e7-4f92-899c-151877d6d497');
  });

  it('opens the create and edit blades by their own deep links', async () => {
    open();
    await userEvent.click(await screen.findByRole('button', { name: 'Create' }));
    expect(window.location.hash).toMatch(/\/vaults\/kv-contoso-cmk\/accesspolicies\/create$/);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select contoso-ci-deployer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const ci = [...world().principals.values()].find((p) => p.displayName === 'contoso-ci-deployer')!;
    expect(decodeURIComponent(window.location.hash)).toMatch(
      new RegExp(`/accesspolicies/edit\\?objectId=${ci.objectId}$`),
    );
  });

  it('deletes a policy after a confirmation', async () => {
    open();
    const before = policies().length;
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select contoso-ci-deployer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await findDialog('Delete access policies?');
    expect(dialog).toHaveTextContent('contoso-ci-deployer');
    await userEvent.click(dialogButton(dialog, 'Delete'));
    await waitFor(() => expect(policies()).toHaveLength(before - 1));
  });

  it('removing a lookalike’s policy says no bot is affected and never raises the revoke warning', async () => {
    resetTwin('encrypted');
    const vault = world().vaults.get(contosoVaultId)!;
    const lookalike = {
      objectId: '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
      tenantId: contoso.tenantId,
      kind: 'servicePrincipal' as const,
      displayName: 'Bot Service CMEK Prod',
      appId: '11111111-2222-4333-8444-555555555555',
      appOwnerOrganizationId: contoso.tenantId,
    };
    world().principals.set(lookalike.objectId, lookalike);
    world().vaults.set(contosoVaultId, {
      ...vault,
      accessPolicies: [
        ...vault.accessPolicies,
        {
          tenantId: contoso.tenantId,
          objectId: lookalike.objectId,
          permissions: { keys: ['get', 'wrapKey', 'unwrapKey'] },
        },
      ],
    });
    open();
    const box = within(await lookalikeRow()).getByRole('checkbox', { name: 'Select Bot Service CMEK Prod' });
    await userEvent.click(box);
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await findDialog('Delete access policies?');
    expect(dialog).toHaveTextContent('is a lookalike of Bot Service CMEK Prod');
    expect(dialog).toHaveTextContent('no bot is affected');
    await userEvent.click(dialogButton(dialog, 'Delete'));
    await waitFor(() => expect(policies().some((p) => p.objectId === lookalike.objectId)).toBe(false));
    expect(policies().some((p) => p.objectId === cmekId())).toBe(true);
  });

  it('warns, naming the bots, before revoking Bot Service CMEK Prod while bots use the vault', async () => {
    resetTwin('encrypted');
    open();
    expect(
      await screen.findByText(/contoso-support-bot uses a customer-managed key of this vault/),
    ).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select Bot Service CMEK Prod' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await findDialog('These bots will stop working');
    expect(dialog).toHaveTextContent('contoso-support-bot');
    expect(dialog).toHaveTextContent('Turn customer-managed keys off on these bots first');
    // Jordan's rotation six days ago: the key it replaced is still needed this week, and the guard says until when.
    expect(dialog).toHaveTextContent(
      /moved off bot-cmk-key version [0-9a-f]{32} on .* and may need it until/,
    );
    expect(dialogButton(dialog, 'Delete anyway')).toBeDisabled();
    await userEvent.click(dialogButton(dialog, 'Cancel'));
    expect(policies().some((p) => p.objectId === cmekId())).toBe(true);
  });

  it.each([
    ['refuses (no directory consent)', 'error403' as const, 'Graph refused'],
    ['does not answer', 'error503' as const, 'Graph did not answer'],
  ])(
    'when Graph %s: the entries say they could not be looked up, and deleting one still names the bots first',
    async (_, kind, reason) => {
      resetTwin('encrypted');
      control.armFault({ kind, pathIncludes: '/v1.0/', count: 1000 });
      open();
      const table = await screen.findByRole('table', { name: 'Access policies' });
      expect(
        await within(table).findByText(`NOT NAMED (could not be looked up: ${reason})`),
      ).toBeInTheDocument();
      expect(within(table).queryByText(/principal not found in this directory/)).not.toBeInTheDocument();
      await userEvent.click(within(table).getByRole('checkbox', { name: `Select ${cmekId()}` }));
      const before = structuredClone(policies());
      await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
      const dialog = await findDialog('Bots may stop working');
      expect(dialog).toHaveTextContent(`Keyguard could not confirm who ${cmekId()} belongs to`);
      expect(dialog).toHaveTextContent(reason);
      expect(dialog).toHaveTextContent('if it is Azure Bot Service, these bots stop');
      expect(within(dialog).getByRole('list', { name: 'Bots that would stop' })).toHaveTextContent(
        'contoso-support-bot',
      );
      expect(dialogButton(dialog, 'Delete anyway')).toBeDisabled();
      expect(policies()).toEqual(before);
      await userEvent.type(
        within(dialog).getByRole('textbox', { name: /Type “kv-contoso-cmk” to go ahead anyway/ }),
        'kv-contoso-cmk',
      );
      await userEvent.click(dialogButton(dialog, 'Delete anyway'));
      await waitFor(() => expect(policies().some((p) => p.objectId === cmekId())).toBe(false));
    },
  );

  it('while Graph has not answered yet, deleting an entry still goes through the guard', async () => {
    resetTwin('encrypted');
    const held = control.armFault({ kind: 'hold', pathIncludes: '/v1.0/', count: 1000 });
    open();
    const table = await screen.findByRole('table', { name: 'Access policies' });
    expect(within(table).getByText('NOT NAMED YET (being looked up)')).toBeInTheDocument();
    await userEvent.click(within(table).getByRole('checkbox', { name: `Select ${cmekId()}` }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await findDialog('Bots may stop working');
    expect(dialog).toHaveTextContent('Bot Service CMEK Prod is still being looked up');
    expect(dialog).toHaveTextContent('contoso-support-bot');
    await userEvent.click(dialogButton(dialog, 'Cancel'));
    expect(policies().some((p) => p.objectId === cmekId())).toBe(true);
    control.releaseFault(held.id);
  });

  it('a user’s entry named by the directory is no one’s key access: deleting it needs only the plain confirmation', async () => {
    resetTwin('encrypted');
    open();
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select Avery Admin' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await findDialog('Delete access policies?')).toBeInTheDocument();
  });

  it('on an RBAC vault explains that policies are ignored and assigns the role to Microsoft’s principal', async () => {
    resetTwin('rbac');
    open();
    expect(
      await screen.findByText('This key vault uses Azure role-based access control'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Access control (IAM)' })).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Assign the role' }));
    await waitFor(() =>
      expect(
        [...world().roleAssignments.values()].some(
          (r) =>
            r.principalId === cmekId() && r.roleDefinitionGuid === 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
        ),
      ).toBe(true),
    );
    expect(
      await screen.findByText(/Bot Service CMEK Prod \(.*\) holds Key Vault Crypto Service Encryption User/),
    ).toBeInTheDocument();
  });
});
