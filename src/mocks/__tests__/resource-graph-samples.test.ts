import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { beforeEach, describe, expect, it } from 'vitest';
import { contoso, contosoVaultId } from '../scenarios/contoso';
import { resetTwin } from '../../testing/twin';
import { advance, arm, world } from './helpers';
import { testCredential } from '../../testing/jwt';

const credential = testCredential;
const day = 24 * 60 * 60 * 1000;

/** A query as Azure's own client sends it (@azure/arm-resourcegraph 4.2.1, api-version 2021-03-01). */
async function sdk(query: string) {
  advance(1000); // within Resource Graph's quota
  const answer = await new ResourceGraphClient(credential).resources({ query });
  return answer;
}

/** Every resource the admin can read in the tenant: the answer the samples over `Resources` are checked against. */
function visibleResources() {
  const subs = [...world().subscriptions.values()].map((s) => s.subscriptionId);
  return subs.flatMap((s) => [
    ...world().bots.inSubscription(s),
    ...world().vaults.inSubscription(s),
    ...world().workspaces.inSubscription(s),
  ]);
}

beforeEach(() => resetTwin('encrypted'));

describe('Microsoft’s sample queries, sent by @azure/arm-resourcegraph, answered as Azure would', () => {
  it('Resources | summarize count(): one row, count_', async () => {
    const a = await sdk('Resources | summarize count()');
    expect(a.data).toEqual([{ count_: visibleResources().length }]);
    expect(a.resultTruncated).toBe('false');
  });

  it('Resources | summarize count() by type: a row per type', async () => {
    const a = await sdk('Resources | summarize count() by type');
    const byType = new Map<string, number>();
    for (const r of visibleResources()) {
      const type =
        'cmek' in r
          ? 'microsoft.botservice/botservices'
          : 'accessPolicies' in r
            ? 'microsoft.keyvault/vaults'
            : 'microsoft.operationalinsights/workspaces';
      byType.set(type, (byType.get(type) ?? 0) + 1);
    }
    expect(a.data).toEqual(expect.arrayContaining([...byType].map(([type, count_]) => ({ type, count_ }))));
    expect(a.data).toHaveLength(byType.size);
  });

  it('project name, type, location | order by name asc: those columns, sorted, and no skipToken without ids', async () => {
    const a = await sdk('Resources | project name, type, location | order by name asc');
    const data = a.data as { name: string; type: string; location: string }[];
    const names = visibleResources().map((r) => r.name);
    expect(data.map((d) => d.name)).toEqual([...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    expect(Object.keys(data[0]!)).toEqual(['name', 'type', 'location']);
    expect(a.skipToken).toBeUndefined();
  });

  it('project a property path | top 5 by name desc: the derived column name, null where the path is absent', async () => {
    const a = await sdk(
      'Resources | project name, properties.storageProfile.osDisk.osType | top 5 by name desc',
    );
    const names = visibleResources()
      .map((r) => r.name)
      .sort((x, y) => (x < y ? 1 : x > y ? -1 : 0));
    expect(a.data).toEqual(
      names.slice(0, 5).map((name) => ({ name, properties_storageProfile_osDisk_osType: null })),
    );
  });

  it('summarize count() by tostring(a path): grouped under the path’s name, an absent one as the empty string', async () => {
    const a = await sdk('Resources | summarize count() by tostring(properties.storageProfile.osDisk.osType)');
    expect(a.data).toEqual([
      { properties_storageProfile_osDisk_osType: '', count_: visibleResources().length },
    ]);
  });

  it('a where with contains and isnotempty, then limit 100: no public IPs here, no skipToken', async () => {
    const a = await sdk(
      "Resources | where type contains 'publicIPAddresses' and isnotempty(properties.ipAddress) | project properties.ipAddress | limit 100",
    );
    expect([a.data, a.skipToken, a.totalRecords]).toEqual([[], undefined, 0]);
  });

  it('the documented resourcechanges sample, its multi-line extend as written: the last day’s changes, newest first', async () => {
    // A change now, by Jordan: the scenario's own past is older than a day.
    const vault = `${contosoVaultId}?api-version=2025-05-01`;
    expect((await arm('PATCH', vault, { tags: { team: 'security' } })).status).toBe(200);
    const query = `resourcechanges
| extend changeTime = todatetime(properties.changeAttributes.timestamp), targetResourceId = tostring(properties.targetResourceId),
changeType = tostring(properties.changeType), correlationId = properties.changeAttributes.correlationId,
changedProperties = properties.changes, changeCount = properties.changeAttributes.changesCount
| where changeTime > ago(1d)
| order by changeTime desc
| project changeTime, targetResourceId, changeType, correlationId, changeCount, changedProperties`;
    const a = await sdk(query);
    expect(a.data).toEqual([
      {
        changeTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        targetResourceId: contosoVaultId,
        changeType: 'Update',
        correlationId: expect.any(String),
        // A PATCH's tags replace the vault's (its two tags removed, one added).
        changeCount: 3,
        changedProperties: expect.objectContaining({
          'tags.team': expect.objectContaining({ previousValue: 'null', newValue: 'security' }),
        }),
      },
    ]);
    // The same extends, deletes only: none in the last day.
    const deletes = await sdk(`${query.split('| where')[0]}| where changeType == "Delete"`);
    expect(deletes.data).toEqual([]);
    // Who changed what, counted: the extends the sample's table needs, then summarize ordered by count.
    const who = await sdk(
      'resourcechanges | extend changedBy = tostring(properties.changeAttributes.changedBy), changeType = tostring(properties.changeType), clientType = tostring(properties.changeAttributes.clientType) | summarize count() by changedBy, changeType, clientType | order by count_ desc',
    );
    const counts = (who.data as { count_: number }[]).map((r) => r.count_);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    expect(counts.reduce((s, n) => s + n, 0)).toBe(
      [...world().changeRecords.values()].filter((r) => r.at > world().settings.keyUseLoggedUntil - 14 * day)
        .length,
    );
  });

  it('a property change by its name in brackets: properties.changes["…"] with isnotempty and a member', async () => {
    const vault = `${contosoVaultId}?api-version=2025-05-01`;
    await arm('PATCH', vault, { tags: { team: 'security' } });
    const a = await sdk(
      'resourcechanges | extend p = properties.changes["tags.team"] | where isnotempty(p) and p.newValue == "security" | project id',
    );
    expect(a.data).toHaveLength(1);
  });

  it('the policy samples: states counted by compliance, and the non-compliant ones with their resource', async () => {
    await arm(
      'PUT',
      `/subscriptions/${contoso.botsSub}/providers/Microsoft.Authorization/policyAssignments/bot-service-cmk`,
      {
        properties: {
          displayName: 'Bot Service CMK',
          policyDefinitionId:
            '/providers/Microsoft.Authorization/policyDefinitions/51522a96-0869-4791-82f3-981000c2c67f',
          parameters: { effect: { value: 'Audit' } },
        },
      },
      '2023-04-01',
    );
    await arm(
      'POST',
      `/subscriptions/${contoso.botsSub}/providers/Microsoft.PolicyInsights/policyStates/latest/triggerEvaluation`,
      undefined,
      '2019-10-01',
    );
    advance(10 * 60 * 1000);
    const bots = world().bots.inSubscription(contoso.botsSub);
    const non = bots.filter((b) => !b.cmek.enabled);
    const counted = await sdk(
      "PolicyResources | where type == 'microsoft.policyinsights/policystates' | extend complianceState = tostring(properties.complianceState) | summarize count() by complianceState",
    );
    expect(counted.data).toEqual(
      expect.arrayContaining([
        { complianceState: 'Compliant', count_: bots.length - non.length },
        { complianceState: 'NonCompliant', count_: non.length },
      ]),
    );
    const listed = await sdk(
      "PolicyResources | where type == 'microsoft.policyinsights/policystates' | where properties.complianceState == 'NonCompliant' | extend NonCompliantResourceId = properties.resourceId",
    );
    expect(
      (listed.data as { NonCompliantResourceId: string }[]).map((r) => r.NonCompliantResourceId).sort(),
    ).toEqual(non.map((b) => b.id.toLowerCase()).sort());
  });
});
