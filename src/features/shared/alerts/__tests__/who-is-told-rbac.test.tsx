import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { contoso, contosoBotId, contosoVaultId } from '../../../../mocks/scenarios/contoso';
import { dialogButton, findDialog } from '../../../../testing/dialogs';
import { bladeContext, renderWithProviders } from '../../../../testing/render';
import { control, resetTwin, testTwin } from '../../../../testing/twin';
import { giveCmekRole } from '../../../../testing/cmek-role';
import { WhoIsTold } from '../who-is-told';

const world = () => testTwin.managed.twin.world;
const title = 'Alert me if Azure Bot Service cannot use this key';
const keysRg = `/subscriptions/${contoso.keysSub}/resourceGroups/${contoso.keysRg}`;
const atGroup = `${keysRg}/providers/Microsoft.Authorization/roleAssignments/7c1f0e2a-4b3d-4e5f-8a9b-0c1d2e3f4a5b`;

async function openSetUp() {
  renderWithProviders(<WhoIsTold botId={contosoBotId} vaultId={contosoVaultId} />, {
    blade: bladeContext(contosoBotId, 'encryption', 'Encryption'),
  });
  const button = await screen.findByRole('button', { name: title });
  await waitFor(() => expect(button).toBeEnabled());
  await userEvent.click(button);
  return findDialog(title);
}

it('rbac, Bot Service CMEK Prod’s role given at the resource group: its removal gets its own alert there', async () => {
  resetTwin('rbac');
  giveCmekRole(atGroup);
  const dialog = await openSetUp();
  const plan = within(dialog).getByRole('table', { name: 'What will be created', hidden: true });
  expect(plan).toHaveTextContent(
    /Activity log alert rule \(vault\).*Activity log alert rule \(role above the vault\)/,
  );
  expect(plan).toHaveTextContent(keysRg);
  await userEvent.click(dialogButton(dialog, 'Create'));
  expect(await within(dialog).findByText('Alerts set up')).toBeInTheDocument();
  const watch = [...world().activityLogAlerts.values()].find(
    (a) => a.name === 'keyguard-cmk-roles-kv-contoso-cmk',
  );
  expect(watch?.properties).toMatchObject({ scopes: [keysRg] });
  await userEvent.click(dialogButton(dialog, 'Close'));
  const rules = await screen.findByRole('table', { name: 'Alert rules that cover it' });
  expect(rules).toHaveTextContent(/role given above the vault is removed/);
  // rbac sends no audit log, so there is no failure rule: partly covered, and it says why.
  expect(screen.getByLabelText('Partly covered')).toBeInTheDocument();
});

it('rbac, the roles cannot be read: the other alerts are still offered, and the plan says the role is not watched', async () => {
  resetTwin('rbac');
  giveCmekRole(atGroup);
  control.armFault({ kind: 'error403', method: 'GET', pathIncludes: 'roleAssignments', count: 20 });
  const dialog = await openSetUp();
  expect(dialog).toHaveTextContent(/could not tell which roles give Bot Service CMEK Prod/);
  const plan = within(dialog).getByRole('table', { name: 'What will be created', hidden: true });
  expect(plan).toHaveTextContent(/Activity log alert rule \(vault\)/);
  expect(plan).not.toHaveTextContent(/role above the vault/);
});
