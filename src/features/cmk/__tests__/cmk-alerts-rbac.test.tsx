import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { contoso } from '../../../mocks/scenarios/contoso';
import { auditSettingByPriya } from '../../../mocks/scenarios/contoso-past';
import { dialogButton, findDialog } from '../../../testing/dialogs';
import { renderWithProviders } from '../../../testing/render';
import { control, resetTwin, testTwin } from '../../../testing/twin';
import { giveCmekRole, putBotOnVaultKey } from '../../../testing/cmek-role';
import { recordRequests } from '../../../testing/requests';
import CmkPage from '../cmk-page';

const world = () => testTwin.managed.twin.world;
const keysRg = `/subscriptions/${contoso.keysSub}/resourceGroups/${contoso.keysRg}`;
const atGroup = `${keysRg}/providers/Microsoft.Authorization/roleAssignments/2b7e4c1d-8f3a-4d6e-9b0c-5a1f2e3d4c6b`;

/** rbac, with Bot Service CMEK Prod's role given at the vault's resource group and the bot put on the vault's key. */
function rbacBotOnKeyRoleAtGroup() {
  resetTwin('rbac');
  giveCmekRole(atGroup);
  putBotOnVaultKey();
}

async function openPage() {
  window.location.hash = '#cmk';
  renderWithProviders(<CmkPage query={{}} />);
  const table = await screen.findByRole('table', { name: 'Bots and their keys' }, { timeout: 8000 });
  await waitFor(() => expect(within(table).getByText('Not covered')).toBeInTheDocument(), { timeout: 8000 });
  return table;
}

it('an RBAC vault whose role is given at its group: the bulk set-up watches it there, and then covers the bot', async () => {
  rbacBotOnKeyRoleAtGroup();
  // The vault's audit log reaches a workspace, so every watch can be set up.
  const audit = auditSettingByPriya(0);
  expect(control.otherAdmin(audit.method, audit.path, audit.body).status).toBeLessThan(300);
  const table = await openPage();
  await userEvent.click(screen.getByRole('checkbox', { name: 'Select every bot shown' }));
  const fixes = screen.getByRole('group', { name: 'Fixes for the selected bots' });
  await userEvent.click(within(fixes).getByRole('button', { name: /^Set up alerts \(1 key vault\)$/ }));
  const dialog = await findDialog(/^Set up alerts/);
  await userEvent.click(dialogButton(dialog, /^Apply 1 change$/));
  await waitFor(() => expect(within(table).getByText('Covered')).toBeInTheDocument(), {
    timeout: 8000,
  });
  const watch = [...world().activityLogAlerts.values()].find((a) => a.name.startsWith('keyguard-cmk-roles-'));
  expect(watch?.properties.scopes).toEqual([keysRg]);
});

it('the roles cannot be read: the page says so once, without reading them again and again, and Retry reads them', async () => {
  rbacBotOnKeyRoleAtGroup();
  control.armFault({ kind: 'error403', method: 'GET', pathIncludes: 'roleAssignments', count: 50 });
  const seen = recordRequests();
  await openPage();
  expect(
    await screen.findByText(/Not everything about who is told could be read/, undefined, { timeout: 8000 }),
  ).toBeInTheDocument();
  // The risk checks' read failed once; the Alerts column only looks at it (a loop once read it again and again).
  const roleReads = () => seen.filter((r) => /roleassignments/i.test(r.url.pathname)).length;
  expect(await screen.findByText(/^Showing 3 of 3 bots\.$/)).toBeInTheDocument();
  expect(roleReads()).toBe(1);
  control.clearFaults();
  await userEvent.click(screen.getByRole('button', { name: /Try again|Retry/ }));
  await waitFor(
    () => expect(screen.queryByText(/Not everything about who is told/)).not.toBeInTheDocument(),
    {
      timeout: 8000,
    },
  );
  expect(roleReads()).toBe(2);
});
