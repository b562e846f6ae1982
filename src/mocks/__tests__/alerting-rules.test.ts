import { beforeEach, describe, expect, it } from 'vitest';
import { contoso, contosoVaultId, contosoWorkspaceId } from '../scenarios/contoso';
import { resetTwin, testTwin } from '../../testing/twin';
import { arm, contosoAlertPlan, world, writePlan } from './helpers';
import { keyFailureQuery } from '../../domain/alerts/key-failure-query';

const rg = `/subscriptions/${contoso.keysSub}/resourceGroups/${contoso.keysRg}`;
const groupId = `${rg}/providers/Microsoft.Insights/actionGroups/keyguard-team`;
const ruleId = `${rg}/providers/Microsoft.Insights/scheduledQueryRules/keyguard-rule`;
const alertId = `${rg}/providers/Microsoft.Insights/activityLogAlerts/keyguard-vault`;
const topicId = `${rg}/providers/Microsoft.EventGrid/systemTopics/vault-events`;
const appId = '27a762be-14e7-4f92-899c-151877d6d497';

const group = (shortName = 'KeyguardCMK') => ({
  location: 'Global',
  properties: {
    groupShortName: shortName,
    enabled: true,
    emailReceivers: [{ name: 'admin', emailAddress: 'admin@contoso.com', useCommonAlertSchema: true }],
  },
});

const rule = (over: Record<string, unknown> = {}, condition: Record<string, unknown> = {}) => ({
  location: 'westeurope',
  kind: 'LogAlert',
  properties: {
    severity: 1,
    enabled: true,
    scopes: [contosoWorkspaceId],
    evaluationFrequency: 'PT5M',
    windowSize: 'PT15M',
    criteria: {
      allOf: [
        {
          query: keyFailureQuery({ vaultId: contosoVaultId, appId, resourceSpecific: true }),
          timeAggregation: 'Count',
          operator: 'GreaterThan',
          threshold: 0,
          ...condition,
        },
      ],
    },
    actions: { actionGroups: [groupId] },
    ...over,
  },
});

const activityAlert = (allOf: unknown[]) => ({
  location: 'Global',
  properties: {
    scopes: [contosoVaultId],
    condition: { allOf },
    actions: { actionGroups: [{ actionGroupId: groupId }] },
  },
});

describe('the twin holds alerting resources with Azure Monitor’s and Event Grid’s validation', () => {
  beforeEach(() => resetTwin('encrypted'));

  it('an action group: the short name is at most 12 characters, and a valid one is stored and listed', async () => {
    const long = await arm('PUT', groupId, group('KeyguardCMKAlerts'), '2023-01-01');
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ code: 'BadRequest', target: 'properties.groupShortName' });
    expect(world().actionGroups.get(groupId)).toBeUndefined();
    const ok = await arm('PUT', groupId, group(), '2023-01-01');
    expect(ok.status).toBe(201);
    const list = await arm(
      'GET',
      `/subscriptions/${contoso.keysSub}/providers/Microsoft.Insights/actionGroups`,
      undefined,
      '2024-10-01-preview',
    );
    expect(list.body.value.map((g: { id: string }) => g.id)).toEqual([groupId]);
  });

  it.each([
    ['two scopes', { scopes: [contosoWorkspaceId, contosoVaultId] }, {}, 'properties.scopes'],
    [
      'a frequency Azure does not offer',
      { evaluationFrequency: 'PT2M' },
      {},
      'properties.evaluationFrequency',
    ],
    ['a one-minute window at five-minute frequency', { windowSize: 'PT1M' }, {}, 'properties.windowSize'],
    [
      'autoMitigate with muteActionsDuration',
      { autoMitigate: true, muteActionsDuration: 'PT1H' },
      {},
      'properties.autoMitigate',
    ],
    [
      'a query that does not parse',
      {},
      { query: 'AZKVAuditLogs | where (' },
      'properties.criteria.allOf[0].query',
    ],
    [
      'an average with no column',
      {},
      { timeAggregation: 'Average' },
      'properties.criteria.allOf[0].metricMeasureColumn',
    ],
    [
      'more failing periods than evaluated',
      {},
      { failingPeriods: { numberOfEvaluationPeriods: 2, minFailingPeriodsToAlert: 3 } },
      'properties.criteria.allOf[0].failingPeriods',
    ],
    [
      'an action group that does not exist',
      { actions: { actionGroups: [`${groupId}-gone`] } },
      {},
      'properties.actions',
    ],
  ])('a log search alert rule with %s is refused, nothing stored', async (_what, over, condition, target) => {
    await arm('PUT', groupId, group(), '2023-01-01');
    const r = await arm('PUT', ruleId, rule(over, condition), '2023-12-01');
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'BadRequest', target });
    expect(world().scheduledQueryRules.get(ruleId)).toBeUndefined();
  });

  it('a valid rule is stored under the stable api-version and read back with the SDK’s default one', async () => {
    await arm('PUT', groupId, group(), '2023-01-01');
    expect((await arm('PUT', ruleId, rule(), '2023-12-01')).status).toBe(201);
    const back = await arm('GET', ruleId, undefined, '2025-01-01-preview');
    expect(back.body).toMatchObject({
      id: ruleId,
      kind: 'LogAlert',
      properties: { scopes: [contosoWorkspaceId] },
    });
    const refused = await arm('GET', ruleId, undefined, '2018-13-01');
    expect(refused.body.error.code).toBe('InvalidApiVersionParameter');
  });

  it('an Activity log alert on category alone is UnsupportedCondition; with an operation it is stored', async () => {
    await arm('PUT', groupId, group(), '2023-01-01');
    const alone = await arm(
      'PUT',
      alertId,
      activityAlert([{ field: 'category', equals: 'Administrative' }]),
      '2020-10-01',
    );
    expect(alone.status).toBe(400);
    expect(alone.body.error.code).toBe('UnsupportedCondition');
    const ok = await arm(
      'PUT',
      alertId,
      activityAlert([
        { field: 'category', equals: 'Administrative' },
        { anyOf: [{ field: 'operationName', equals: 'Microsoft.KeyVault/vaults/write' }] },
      ]),
      '2023-01-01-preview',
    );
    expect(ok.status).toBe(201);
  });

  it('one system topic per vault; its event subscription to Azure Monitor alerts needs CloudEvents', async () => {
    await arm('PUT', groupId, group(), '2023-01-01');
    const vault = world().vaults.get(contosoVaultId)!;
    const topic = {
      location: vault.location,
      properties: { source: contosoVaultId, topicType: 'Microsoft.KeyVault.vaults' },
    };
    expect((await arm('PUT', topicId, topic, '2025-02-15')).status).toBe(201);
    const second = await arm('PUT', `${topicId}-2`, topic, '2022-06-15');
    expect(second.status).toBe(400);
    expect(second.body.error.message).toMatch(/one system topic/i);
    const sub = (schema: string) => ({
      properties: {
        eventDeliverySchema: schema,
        filter: { includedEventTypes: ['Microsoft.KeyVault.KeyNearExpiry', 'Microsoft.KeyVault.KeyExpired'] },
        destination: {
          endpointType: 'MonitorAlert',
          properties: { severity: 'Sev2', actionGroups: [groupId] },
        },
      },
    });
    const grid = await arm(
      'PUT',
      `${topicId}/eventSubscriptions/expiry`,
      sub('EventGridSchema'),
      '2025-02-15',
    );
    expect(grid.status).toBe(400);
    expect(grid.body.error.target).toBe('properties.eventDeliverySchema');
    const ok = await arm(
      'PUT',
      `${topicId}/eventSubscriptions/expiry`,
      sub('CloudEventSchemaV1_0'),
      '2025-02-15',
    );
    expect(ok.status).toBe(201);
    expect(ok.body.properties.provisioningState).toBe('Succeeded');
  });

  it('writes reach the Activity log under Azure Monitor’s operation names', async () => {
    await arm('PUT', groupId, group(), '2023-01-01');
    const events = [...world().activityEvents.values()].map((e) => e.event.operationName?.value);
    expect(events).toContain('Microsoft.Insights/actionGroups/write');
  });

  it('accepts every resource Keyguard’s plan writes, exactly as the console sends them', async () => {
    await writePlan(contosoAlertPlan({ watchBot: true }));
  });
});

describe('Azure Monitor runs the rules on the twin’s clock', () => {
  const alerts = (query = '') =>
    arm(
      'GET',
      `/subscriptions/${contoso.keysSub}/providers/Microsoft.AlertsManagement/alerts?api-version=2019-05-05-preview${query}`,
    );

  it('in revoked, each hourly unwrap failure since the access policy went fires Priya’s rule, which resolves between them', async () => {
    resetTwin('revoked');
    const r = await alerts('&timeRange=7d');
    expect(r.status).toBe(200);
    const fired = (r.body.value as { properties: { essentials: Record<string, string> } }[]).map(
      (a) => a.properties.essentials,
    );
    const log = fired.filter((e) => e.monitorService === 'Log Alerts V2');
    // One unwrap an hour, a 15-minute window every 5 minutes: fired, then resolved before the next one.
    expect(log.length).toBeGreaterThanOrEqual(40);
    expect(log.length).toBeLessThanOrEqual(50);
    for (const e of log)
      expect(e).toMatchObject({
        severity: 'Sev1',
        targetResource: contosoVaultId.toLowerCase(),
        alertRule: expect.stringMatching(/scheduledQueryRules\/bot-cmk-failures$/),
      });
    const now = testTwin.managed.twin.clock.now();
    const starts = log.map((e) => Date.parse(e.startDateTime!));
    expect(Math.min(...starts)).toBeGreaterThan(now - 2 * 24 * 3600_000 - 3600_000);
    expect(Math.max(...starts)).toBeGreaterThan(now - 2 * 3600_000);
    // The revocation itself also reached her Activity log alert.
    expect(fired.some((e) => e.monitorService === 'ActivityLog Administrative')).toBe(true);
  });

  it('in encrypted nothing fails, so nothing fires; an unknown time range is refused', async () => {
    resetTwin('encrypted');
    expect((await alerts('&timeRange=30d')).body.value).toEqual([]);
    expect((await alerts('&timeRange=2d')).status).toBe(400);
  });

  it('near expiry: only a key version made after the event subscription raises an Azure Monitor alert', async () => {
    resetTwin('encrypted');
    await arm('PUT', groupId, group(), '2023-01-01');
    const vault = world().vaults.get(contosoVaultId)!;
    await arm(
      'PUT',
      topicId,
      {
        location: vault.location,
        properties: { source: contosoVaultId, topicType: 'Microsoft.KeyVault.vaults' },
      },
      '2025-02-15',
    );
    const put = await arm(
      'PUT',
      `${topicId}/eventSubscriptions/expiry`,
      {
        properties: {
          eventDeliverySchema: 'CloudEventSchemaV1_0',
          filter: { includedEventTypes: ['Microsoft.KeyVault.KeyNearExpiry'] },
          destination: {
            endpointType: 'MonitorAlert',
            properties: { severity: 'Sev2', actionGroups: [groupId] },
          },
        },
      },
      '2025-02-15',
    );
    expect(put.status).toBe(201);
    expect((await alerts('&timeRange=30d')).body.value).toEqual([]);
    const exp = Math.floor(testTwin.managed.twin.clock.now() / 1000) + 10 * 24 * 3600;
    const key = await arm('PUT', `${contosoVaultId}/keys/short-lived`, {
      properties: { kty: 'RSA', keySize: 2048, attributes: { exp } },
    });
    expect(key.status).toBeLessThan(300);
    const fired = (await alerts('&timeRange=30d')).body.value as {
      properties: { essentials: Record<string, string> };
    }[];
    expect(fired.map((a) => a.properties.essentials)).toEqual([
      expect.objectContaining({
        severity: 'Sev2',
        description: expect.stringMatching(/^Microsoft.KeyVault.KeyNearExpiry: short-lived\//),
      }),
    ]);
  });
});
