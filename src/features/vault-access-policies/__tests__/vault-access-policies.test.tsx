import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contoso, contosoVaultId } from '../../../mocks/scenarios/contoso';
import { dialogButton, findDialog } from '../../../testing/dialogs';
import { bladeContext, renderWithProviders } from '../../../testing/render';
import { resetTwin, testTwin } from '../../../testing/twin';
import VaultAccessPoliciesBlade from '../vault-access-policies-blade';

const world = () => testTwin.managed.twin.world;
const policies = () => world().vaults.get(contosoVaultId)!.accessPolicies;
const cmekId = () => world().cmekPrincipal(contoso.tenantId)!.objectId;

function open() {
  return renderWithProviders(<VaultAccessPoliciesBlade />, {
    blade: bladeContext(contosoVaultId, 'accesspolicies', 'Access policies', 'Key vault'),
  });
}

describe('Key vault | Access policies', () => {
  it('lists policies grouped by principal type with their permissions, and searches them', async () => {
    open();
    const table = await screen.findByRole('table', { name: 'Access policies' });
    expect(await within(table).findByText('Avery Admin')).toBeInTheDocument();
    expect(within(table).getByText('USER')).toBeInTheDocument();
    expect(within(table).getByText('APPLICATION')).toBeInTheDocument();
    expect(within(table).getByText('GROUP')).toBeInTheDocument();
    expect(within(table).getByText('contoso-ci-deployer')).toBeInTheDocument();
    expect(screen.getByText('Permission model:')).toHaveTextContent('Vault access policy');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search access policies' }), 'key admin');
    expect(screen.getByText('Showing 1 to 1 of 3 records.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit' })).toBeDisabled();
  });

  it('creates the Bot Service CMEK policy with the wizard: template, principal, review, create', async () => {
    open();
    await userEvent.click(await screen.findByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Create an access policy', { selector: 'h2' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('combobox', { name: 'Configure from a template' }));
    await userEvent.click(
      screen.getByRole('option', { name: 'Bot Service CMEK (Get, Wrap Key, Unwrap Key)' }),
    );
    expect(screen.getByRole('checkbox', { name: 'Key permissions: Get' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Key permissions: Wrap Key' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Key permissions: Unwrap Key' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Key permissions: List' })).not.toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Only 1 principal can be assigned per access policy.')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search principals' }), 'Bot Service CMEK');
    await userEvent.click(
      await screen.findByRole('radio', { name: new RegExp(`Bot Service CMEK Prod.*${cmekId()}`) }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Get, Wrap Key, Unwrap Key')).toBeInTheDocument();
    expect(screen.getByText(cmekId())).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() =>
      expect(policies().find((p) => p.objectId === cmekId())?.permissions.keys).toEqual([
        'get',
        'wrapKey',
        'unwrapKey',
      ]),
    );
    expect(await screen.findByRole('table', { name: 'Access policies' })).toBeInTheDocument();
  });

  it('Create stays off until a permission and a principal are chosen', async () => {
    open();
    await userEvent.click(await screen.findByRole('button', { name: 'Create' }));
    await userEvent.click(screen.getByRole('tab', { name: /Review \+ create/ }));
    expect(screen.getByText('Select at least one permission.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create' })).toBeDisabled();
  });

  it('deletes a policy after a confirmation', async () => {
    open();
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select contoso-ci-deployer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await findDialog('Delete access policies?');
    expect(dialog).toHaveTextContent('contoso-ci-deployer');
    await userEvent.click(dialogButton(dialog, 'Delete'));
    await waitFor(() => expect(policies()).toHaveLength(2));
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
    expect(dialog).toHaveTextContent('Turn customer-managed keys off on each bot first');
    expect(dialogButton(dialog, 'Delete anyway')).toBeDisabled();
    await userEvent.click(dialogButton(dialog, 'Cancel'));
    expect(policies().some((p) => p.objectId === cmekId())).toBe(true);

    // Editing away Wrap Key warns the same way.
    await userEvent.click(screen.getByRole('button', { name: 'Edit' }));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Key permissions: Wrap Key' }));
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const again = await findDialog('These bots will stop working');
    await userEvent.click(
      within(again).getByRole('checkbox', {
        name: 'I understand that these bots will stop working',
        hidden: true,
      }),
    );
    await userEvent.click(dialogButton(again, 'Save anyway'));
    await waitFor(() =>
      expect(policies().find((p) => p.objectId === cmekId())?.permissions.keys).toEqual(['get', 'unwrapKey']),
    );
  });

  it('on an RBAC vault explains that policies are ignored and assigns the role', async () => {
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
      await screen.findByText(/Bot Service CMEK Prod holds Key Vault Crypto Service Encryption User/),
    ).toBeInTheDocument();
  });
});
