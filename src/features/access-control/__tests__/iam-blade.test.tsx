import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contoso, contosoVaultId } from '../../../mocks/scenarios/contoso';
import { dialogButton, findDialog } from '../../../testing/dialogs';
import { bladeContext, renderWithProviders } from '../../../testing/render';
import { control, resetTwin, testTwin } from '../../../testing/twin';
import { giveCmekRole, putBotOnVaultKey } from '../../../testing/cmek-role';
import IamBlade from '../iam-blade';

const world = () => testTwin.managed.twin.world;
const cmekId = () => world().cmekPrincipal(contoso.tenantId)!.objectId;
const encryptionUser = 'e147488a-f6f5-4113-8e2d-b22465e65bf6';
const roleId = '0f6c1b2a-3d4e-4f50-8a6b-7c8d9e0f1a2b';
const cmekRole = () =>
  [...world().roleAssignments.values()].find(
    (r) => r.principalId === cmekId() && r.roleDefinitionGuid === encryptionUser,
  );

/** rbac, with Bot Service CMEK Prod given its role and the bot then put on the vault's key. */
function rbacVaultInUse() {
  resetTwin('rbac');
  giveCmekRole(`${contosoVaultId}/providers/Microsoft.Authorization/roleAssignments/${roleId}`);
  putBotOnVaultKey();
}

function open() {
  return renderWithProviders(<IamBlade />, {
    blade: bladeContext(contosoVaultId, 'iam', 'Access control (IAM)', 'Key vault'),
  });
}

describe('Key vault | Access control (IAM): removing a role', () => {
  it('Bot Service CMEK Prod’s role on a vault a bot uses: the guard names the bot and asks for the vault’s name', async () => {
    rbacVaultInUse();
    open();
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Remove Key Vault Crypto Service Encryption User from Bot Service CMEK Prod',
      }),
    );
    const dialog = await findDialog('These bots will stop working');
    expect(dialog).toHaveTextContent('Bot Service CMEK Prod loses Key Vault Crypto Service Encryption User');
    expect(within(dialog).getByRole('list', { name: 'Bots that would stop' })).toHaveTextContent(
      'contoso-support-bot',
    );
    expect(dialogButton(dialog, 'Remove anyway')).toBeDisabled();
    await userEvent.click(dialogButton(dialog, 'Cancel'));
    expect(cmekRole()).toBeDefined();
  });

  it('when Graph refuses, the holder cannot be confirmed and the guard says so', async () => {
    rbacVaultInUse();
    control.armFault({ kind: 'error403', pathIncludes: '/v1.0/', count: 1000 });
    open();
    await userEvent.click(
      await screen.findByRole('button', {
        name: `Remove Key Vault Crypto Service Encryption User from ${cmekId()}`,
      }),
    );
    const dialog = await findDialog('Bots may stop working');
    expect(dialog).toHaveTextContent(`Keyguard could not confirm who ${cmekId()} belongs to`);
    expect(dialog).toHaveTextContent('Graph refused');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Type “kv-contoso-cmk” to go ahead anyway/ }),
      'kv-contoso-cmk',
    );
    await userEvent.click(dialogButton(dialog, 'Remove anyway'));
    await waitFor(() => expect(cmekRole()).toBeUndefined());
  });

  it('a role that gives no key use goes with a plain confirmation', async () => {
    rbacVaultInUse();
    expect(
      control.otherAdmin(
        'PUT',
        `${contosoVaultId}/providers/Microsoft.Authorization/roleAssignments/1a2b3c4d-0000-4000-8000-000000000001?api-version=2022-04-01`,
        {
          properties: {
            roleDefinitionId: `/subscriptions/${contoso.keysSub}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`,
            principalId: contoso.user.objectId,
            principalType: 'User',
          },
        },
      ).status,
    ).toBe(201);
    open();
    await userEvent.click(await screen.findByRole('button', { name: 'Remove Reader from Avery Admin' }));
    const dialog = await findDialog('Remove role assignment?');
    await userEvent.click(dialogButton(dialog, 'Remove'));
    await waitFor(() =>
      expect(
        [...world().roleAssignments.values()].some(
          (r) => r.scope === contosoVaultId && r.principalId === contoso.user.objectId,
        ),
      ).toBe(false),
    );
    expect(cmekRole()).toBeDefined();
  });
});
