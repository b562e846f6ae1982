import { QueryClient } from '@tanstack/react-query';
import { expect, it } from 'vitest';
import { clouds } from '../../arm/clouds';
import { contoso, contosoVaultId } from '../../mocks/scenarios/contoso';
import { control, resetTwin, testTwin } from '../../testing/twin';
import { giveCmekRole } from '../../testing/cmek-role';
import { coverVaultWithAlerts } from '../mutations/bulk-alerts';

const world = () => testTwin.managed.twin.world;
const keysRg = `/subscriptions/${contoso.keysSub}/resourceGroups/${contoso.keysRg}`;
const roleAt = (scope: string, n: number) =>
  `${scope}/providers/Microsoft.Authorization/roleAssignments/3e9b2c1d-7a6f-4b8e-9c0d-1e2f3a4b5c6${n}`;

const cover = () =>
  coverVaultWithAlerts(contosoVaultId, {
    queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }),
    cloud: clouds.AzureCloud,
    tenantId: contoso.tenantId,
    signal: new AbortController().signal,
    nowMs: () => Date.now(),
    writing: () => undefined,
    alertGroup: { kind: 'new', name: 'bot-keys', shortName: 'BotKeys', email: 'ops@contoso.com' },
  });

it('a bulk run on an RBAC vault watches Bot Service CMEK Prod’s role given at the subscription and group', async () => {
  resetTwin('rbac');
  giveCmekRole(roleAt(`/subscriptions/${contoso.keysSub}`, 1));
  giveCmekRole(roleAt(keysRg, 2));
  const outcome = await cover();
  expect(outcome.state).toBe('done');
  const watch = [...world().activityLogAlerts.values()].find((a) => a.name.startsWith('keyguard-cmk-roles-'));
  expect(watch?.properties).toMatchObject({
    scopes: [`/subscriptions/${contoso.keysSub}`],
    condition: {
      allOf: expect.arrayContaining([
        {
          anyOf: [
            { field: 'resourceId', equals: roleAt(`/subscriptions/${contoso.keysSub}`, 1) },
            { field: 'resourceId', equals: roleAt(keysRg, 2) },
          ],
        },
      ]),
    },
  });
});

it('a bulk run on a vault with access policies makes no role watch', async () => {
  resetTwin('ready');
  expect((await cover()).state).toBe('done');
  expect([...world().activityLogAlerts.values()].map((a) => a.name)).toEqual([
    'keyguard-cmk-vault-kv-contoso-cmk',
  ]);
});

it('a bulk run whose role read is refused sets up the rest and says the role is not watched', async () => {
  resetTwin('rbac');
  giveCmekRole(roleAt(keysRg, 2));
  control.armFault({ kind: 'error403', method: 'GET', pathIncludes: 'roleAssignments', count: 5 });
  const outcome = await cover();
  expect(outcome).toMatchObject({
    state: 'done',
    message: expect.stringMatching(/could not tell which roles/),
  });
  expect([...world().activityLogAlerts.values()].map((a) => a.name)).toEqual([
    'keyguard-cmk-vault-kv-contoso-cmk',
  ]);
});
