import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contoso, contosoVaultId } from '../../../mocks/scenarios/contoso';
import { dialogButton, findDialog } from '../../../testing/dialogs';
import { errorBar } from '../../../testing/toasts';
import { bladeContext, renderWithProviders } from '../../../testing/render';
import { recordRequests, writes } from '../../../testing/requests';
import { control, testTwin } from '../../../testing/twin';
import VaultPropertiesBlade from '../vault-properties-blade';
import { propertiesPatch } from '../properties-form';

const vaultState = () => testTwin.managed.twin.world.vaults.get(contosoVaultId)!;
const legacyId = `/subscriptions/${contoso.keysSub}/resourceGroups/${contoso.keysRg}/providers/Microsoft.KeyVault/vaults/kv-contoso-legacy`;
const financeId = `/subscriptions/${contoso.financeSub}/resourceGroups/${contoso.financeRg}/providers/Microsoft.KeyVault/vaults/kv-finance-payroll`;

function open(id = contosoVaultId) {
  return renderWithProviders(<VaultPropertiesBlade />, {
    blade: bladeContext(id, 'properties', 'Properties', 'Key vault'),
  });
}

describe('Key vault | Properties', () => {
  it('shows the vault’s facts, soft delete as a statement, and the purge protection choice', async () => {
    open();
    expect(await screen.findByText('https://kv-contoso-cmk.vault.azure.net/')).toBeInTheDocument();
    expect(screen.getByText('Contoso Security')).toBeInTheDocument();
    expect(screen.getByText(contoso.tenantId)).toBeInTheDocument();
    expect(screen.getByText(/Soft delete has been enabled on this key vault/)).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: /Disable recovery/ })).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /^Disable purge protection/ })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Discard' })).toBeDisabled();
  });

  it('turns purge protection on only after a confirmation that names the vault and says it is irreversible', async () => {
    const seen = recordRequests();
    open();
    await userEvent.click(await screen.findByRole('radio', { name: /^Enable purge protection/ }));
    expect(screen.getByRole('button', { name: 'Discard' })).toBeEnabled();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = await findDialog('Turn on purge protection for kv-contoso-cmk?');
    expect(dialog).toHaveTextContent('irreversible');
    expect(dialog).toHaveTextContent('90 days');
    expect(writes(seen)).toEqual([]);

    await userEvent.click(dialogButton(dialog, 'Cancel'));
    expect(vaultState().enablePurgeProtection).toBe(false);
    expect(screen.getByRole('radio', { name: /^Enable purge protection/ })).toBeChecked();

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await userEvent.click(
      dialogButton(await findDialog(/Turn on purge protection/), 'Turn on purge protection'),
    );
    await waitFor(() => expect(vaultState().enablePurgeProtection).toBe(true));
    expect(writes(seen)).toHaveLength(1);
    expect(writes(seen)[0]!.body).toEqual({ properties: { enablePurgeProtection: true } });
    expect(
      await screen.findByText(/Locked: purge protection, once enabled, can never be disabled/),
    ).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /^Disable purge protection/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('shows Azure’s refusal and keeps the choice when the admin lacks the role', async () => {
    open(financeId);
    await userEvent.click(await screen.findByRole('radio', { name: /^Enable purge protection/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await userEvent.click(
      dialogButton(await findDialog(/Turn on purge protection/), 'Turn on purge protection'),
    );
    expect(await screen.findByText('Azure refused the change; your choices are kept')).toBeInTheDocument();
    expect(errorBar('Azure refused the change; your choices are kept')).toHaveTextContent(
      /does not have authorization to perform action 'Microsoft.KeyVault\/vaults\/write'/,
    );
    expect(screen.getByRole('radio', { name: /^Enable purge protection/ })).toBeChecked();
    expect(testTwin.managed.twin.world.vaults.get(financeId)!.enablePurgeProtection).toBe(false);
  });

  it('keeps the form as the user left it when Azure refuses the save', async () => {
    control.armFault({ kind: 'error500', method: 'PATCH', count: 1 });
    open();
    await userEvent.click(await screen.findByRole('radio', { name: /^Enable purge protection/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await userEvent.click(
      dialogButton(await findDialog(/Turn on purge protection/), 'Turn on purge protection'),
    );
    expect(await screen.findByText('Azure refused the change; your choices are kept')).toBeInTheDocument();
    expect(errorBar('Azure refused the change; your choices are kept')).toHaveTextContent(
      /An internal server error occurred/,
    );
    expect(screen.getByRole('radio', { name: /^Enable purge protection/ })).toBeChecked();
    expect(vaultState().enablePurgeProtection).toBe(false);
    // A retry works.
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await userEvent.click(
      dialogButton(await findDialog(/Turn on purge protection/), 'Turn on purge protection'),
    );
    await waitFor(() => expect(vaultState().enablePurgeProtection).toBe(true));
  });

  it('a vault without soft delete can turn it on (never off), and purge protection waits for it', async () => {
    open(legacyId);
    const on = await screen.findByRole('radio', { name: /Enable recovery of this vault/ });
    expect(screen.getByRole('radio', { name: /^Enable purge protection/ })).toBeDisabled();
    await userEvent.click(on);
    expect(screen.getByRole('radio', { name: /^Enable purge protection/ })).toBeEnabled();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(testTwin.managed.twin.world.vaults.get(legacyId)!.enableSoftDelete).toBe(true),
    );
    expect(await screen.findByText(/Soft delete has been enabled/)).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: /Disable recovery/ })).not.toBeInTheDocument();
  });

  it('Discard puts the form back', async () => {
    open();
    await userEvent.click(await screen.findByRole('radio', { name: /^Enable purge protection/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.getByRole('radio', { name: /^Disable purge protection/ })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });
});

describe('properties mapper', () => {
  it('never sends false', () => {
    expect(
      propertiesPatch(
        { softDelete: true, purgeProtection: true },
        { softDelete: false, purgeProtection: false },
      ),
    ).toEqual({ properties: {} });
    expect(
      propertiesPatch(
        { softDelete: false, purgeProtection: false },
        { softDelete: true, purgeProtection: true },
      ),
    ).toEqual({
      properties: { enableSoftDelete: true, enablePurgeProtection: true },
    });
  });
});
