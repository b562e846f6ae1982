import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contoso } from '../../../mocks/scenarios/contoso';
import { dialogButton, findDialog } from '../../../testing/dialogs';
import { renderWithProviders } from '../../../testing/render';
import { control, resetTwin, testTwin } from '../../../testing/twin';
import CmkPage from '../cmk-page';

const world = () => testTwin.managed.twin.world;
const vaultNamed = (name: string) => [...world().vaults.values()].find((v) => v.name === name)!;

async function openAndSelectAll() {
  window.location.hash = '#cmk';
  renderWithProviders(<CmkPage query={{}} />);
  await screen.findByText('Showing 12 of 12 bots.', undefined, { timeout: 8000 });
  await userEvent.click(screen.getByRole('checkbox', { name: 'Select every bot shown' }));
}

async function choose(item: RegExp, confirm: RegExp) {
  const fixes = screen.getByRole('group', { name: 'Fixes for the selected bots' });
  await userEvent.click(within(fixes).getByRole('button', { name: item }));
  // `hidden`: Tabster may mark the open dialog hidden under a loaded happy-dom (testing/dialogs.ts).
  const dialog = await findDialog(/.+/);
  const changes = within(dialog)
    .getAllByRole('listitem', { hidden: true })
    .map((li) => li.textContent);
  await userEvent.click(dialogButton(dialog, confirm));
  return changes;
}

const progress = () => screen.getByRole('region', { name: /^Allow trusted|^Give Bot Service/ });
const resultOf = (name: string) =>
  within(screen.getByRole('list', { name: 'Result of each change' })).getByRole('listitem', {
    name: new RegExp(`^${name}: `),
  });

describe('bulk fixes from the Customer-managed keys page', () => {
  it('trusted services on five vaults: a 429 midway is waited out, the Reader’s vault is refused, nothing else is touched', async () => {
    resetTwin('fleet');
    control.armFault({ kind: 'throttle', method: 'PATCH', pathIncludes: 'kv-hr-cmk', retryAfterSeconds: 1 });
    await openAndSelectAll();
    const changes = await choose(/^Allow trusted Microsoft services \(5 key vaults\)$/, /^Apply 5 changes$/);
    expect(changes).toHaveLength(5);
    await waitFor(
      () => expect(within(progress()).getByRole('status')).toHaveTextContent('5 of 5 finished, 1 failed.'),
      {
        timeout: 8000,
      },
    );
    expect(resultOf('kv-finance-cmk')).toHaveAccessibleName('kv-finance-cmk: Failed');
    expect(resultOf('kv-finance-cmk')).toHaveTextContent('does not have authorization');
    expect(resultOf('kv-hr-cmk')).toHaveAccessibleName('kv-hr-cmk: Done');
    for (const name of ['kv-sales-cmk', 'kv-eu-cmk', 'kv-hr-cmk', 'kv-ops-cmk']) {
      expect(vaultNamed(name).networkAcls.bypass).toBe('AzureServices');
      // Every other network rule kept as it was.
      expect(vaultNamed(name).networkAcls.defaultAction).toBe('Deny');
      expect(vaultNamed(name).networkAcls.ipRules.map((r) => r.value)).toEqual(['203.0.113.0/24']);
    }
    expect(vaultNamed('kv-finance-cmk').networkAcls.bypass).toBe('None');
  });

  it('stop leaves the changes not yet started untouched and says so; the rest can run later', async () => {
    resetTwin('fleet');
    await openAndSelectAll();
    // The first three vault reads (each item's guard) are held: Stop comes while they run.
    const held = control.armFault({
      kind: 'hold',
      method: 'GET',
      pathPattern: '/vaults/kv-[a-z]+-cmk\\?',
      count: 3,
    });
    await choose(/^Allow trusted Microsoft services/, /^Apply 5 changes$/);
    await userEvent.click(within(progress()).getByRole('button', { name: 'Stop' }));
    control.releaseFault(held.id);
    await waitFor(
      () => expect(within(progress()).getByRole('status')).toHaveTextContent(/, 2 not started\.$/),
      {
        timeout: 8000,
      },
    );
    const untouched = ['kv-eu-cmk', 'kv-finance-cmk', 'kv-hr-cmk', 'kv-ops-cmk', 'kv-sales-cmk'].filter(
      (n) => vaultNamed(n).networkAcls.bypass === 'None',
    );
    expect(untouched.length).toBeGreaterThanOrEqual(2);
    await userEvent.click(within(progress()).getByRole('button', { name: 'Run the rest (2)' }));
    await waitFor(
      () => expect(within(progress()).getByRole('status')).toHaveTextContent(/^5 of 5 finished/),
      {
        timeout: 8000,
      },
    );
  });

  it('access goes to Microsoft’s Bot Service CMEK Prod only', async () => {
    resetTwin('fleet');
    await openAndSelectAll();
    await choose(/^Give Bot Service CMEK Prod access \(1 key vault\)$/, /^Apply 1 change$/);
    await waitFor(() => expect(resultOf('kv-eu-cmk')).toHaveAccessibleName('kv-eu-cmk: Done'), {
      timeout: 8000,
    });
    const genuine = world().cmekPrincipal(contoso.tenantId)!.objectId;
    expect(vaultNamed('kv-eu-cmk').accessPolicies.map((p) => [p.objectId, p.permissions.keys])).toEqual([
      [genuine, ['get', 'wrapKey', 'unwrapKey']],
    ]);
  });
});
