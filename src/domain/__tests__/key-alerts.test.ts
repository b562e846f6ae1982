import { describe, expect, it } from 'vitest';
import type {
  ActivityLogAlertResource,
  EventSubscriptionResource,
  ScheduledQueryRuleResource,
  SystemTopicResource,
} from '../../arm/types/alerts';
import { coverageOf, tellingRules, type AlertingFacts } from '../alerts/coverage';
import { planKeyAlerts, type KeyAlertTarget } from '../alerts/plan';
import { emailProblem, shortNameProblem } from '../alerts/action-group-input';
import { alertPlanAsBicep, alertPlanAsCli } from '../as-code/alerts-as-code';
import { alertPortalUrl, firedFor } from '../alerts/fired';

const sub = '00000000-0000-0000-0000-000000000001';
const vaultId = `/subscriptions/${sub}/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-bots`;
const botId = `/subscriptions/${sub}/resourceGroups/rg-bots/providers/Microsoft.BotService/botServices/support-bot`;
const workspaceId = `/subscriptions/${sub}/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/log-sec`;
const appId = '27a762be-14e7-4f92-899c-151877d6d497';

const target = (over: Partial<KeyAlertTarget> = {}): KeyAlertTarget => ({
  bot: { id: botId, name: 'support-bot' },
  vault: { id: vaultId, name: 'kv-bots', location: 'westeurope' },
  audit: { workspaceId, workspaceLocation: 'westeurope', resourceSpecific: true },
  appId,
  ...over,
});
const newGroup = { kind: 'new' as const, name: 'bot-keys', shortName: 'BotKeys', email: 'ops@contoso.com' };

describe('the alerts "Alert me if Azure Bot Service cannot use this key" writes', () => {
  it('writes the action group first, then rules that all notify it, in the stable shapes', () => {
    const plan = planKeyAlerts(target(), { actionGroup: newGroup, watchBot: true });
    expect(plan.resources.map((r) => r.kind)).toEqual([
      'actionGroup',
      'logAlert',
      'vaultActivityAlert',
      'botActivityAlert',
      'systemTopic',
      'eventSubscription',
    ]);
    const [group, log, vault, bot, topic, expiry] = plan.resources;
    expect(group!.body).toMatchObject({
      location: 'Global',
      properties: {
        groupShortName: 'BotKeys',
        enabled: true,
        emailReceivers: [{ emailAddress: 'ops@contoso.com' }],
      },
    });
    expect(group!.id).toBe(
      `/subscriptions/${sub}/resourceGroups/rg-logs/providers/Microsoft.Insights/actionGroups/bot-keys`,
    );
    const rule = log!.body.properties as ScheduledQueryRuleResource['properties'];
    expect(log!.body).toMatchObject({ location: 'westeurope', kind: 'LogAlert' });
    expect(rule).toMatchObject({
      enabled: true,
      scopes: [workspaceId],
      evaluationFrequency: 'PT5M',
      windowSize: 'PT15M',
      actions: { actionGroups: [group!.id] },
    });
    const condition = rule.criteria!.allOf![0]!;
    expect(condition).toMatchObject({ timeAggregation: 'Count', operator: 'GreaterThan', threshold: 0 });
    expect(condition.dimensions).toEqual([{ name: 'KeyName', operator: 'Include', values: ['*'] }]);
    // By app id, never by display name; on this vault only; from the table the vault's setting fills.
    expect(condition.query).toContain(appId);
    expect(condition.query).not.toMatch(/CMEK Prod/);
    expect(condition.query).toContain(vaultId);
    expect(condition.query!.split('\n')[0]).toBe('AZKVAuditLogs');
    const va = vault!.body.properties as ActivityLogAlertResource['properties'];
    expect(va.scopes).toEqual([vaultId]);
    expect(JSON.stringify(va.condition)).toContain('Microsoft.KeyVault/vaults/accessPolicies/write');
    expect(JSON.stringify(va.condition)).toContain('Microsoft.Authorization/roleAssignments/delete');
    expect(va.condition.allOf.length).toBeGreaterThan(1);
    expect(JSON.stringify(bot!.body)).toContain('Microsoft.BotService/botServices/write');
    expect(topic!.body).toMatchObject({
      location: 'westeurope',
      properties: { source: vaultId, topicType: 'Microsoft.KeyVault.vaults' },
    });
    expect(expiry!.id.startsWith(`${topic!.id}/eventSubscriptions/`)).toBe(true);
    expect(expiry!.body.properties).toMatchObject({
      eventDeliverySchema: 'CloudEventSchemaV1_0',
      filter: { includedEventTypes: ['Microsoft.KeyVault.KeyNearExpiry', 'Microsoft.KeyVault.KeyExpired'] },
      destination: {
        endpointType: 'MonitorAlert',
        properties: { severity: 'Sev2', actionGroups: [group!.id] },
      },
    });
  });

  it('uses an existing action group and system topic as they are, and writes neither', () => {
    const existing = `/subscriptions/${sub}/resourceGroups/rg-ops/providers/Microsoft.Insights/actionGroups/oncall`;
    const topicId = `/subscriptions/${sub}/resourceGroups/rg-keys/providers/Microsoft.EventGrid/systemTopics/theirs`;
    const plan = planKeyAlerts(target({ systemTopic: { id: topicId, name: 'theirs' } }), {
      actionGroup: { kind: 'existing', id: existing, name: 'oncall' },
      watchBot: false,
    });
    expect(plan.resources.filter((r) => r.reused).map((r) => r.id)).toEqual([existing, topicId]);
    const cli = alertPlanAsCli(plan);
    expect(cli).not.toContain('actionGroups/oncall?');
    expect(cli).not.toContain('systemTopics/theirs?');
    expect(cli).toContain(
      `systemTopics/theirs/eventSubscriptions/keyguard-key-expiry?api-version=2025-02-15`,
    );
    expect(cli.match(/az rest --method put/g)).toHaveLength(3);
    expect(plan.resources.some((r) => r.kind === 'botActivityAlert')).toBe(false);
  });

  it('without an audit log there is no failure rule, and the plan says why', () => {
    const plan = planKeyAlerts(target({ audit: undefined }), { actionGroup: newGroup, watchBot: false });
    expect(plan.resources.some((r) => r.kind === 'logAlert')).toBe(false);
    expect(plan.missing).toMatch(/no audit log/i);
    // The action group then lives beside the vault.
    expect(plan.resources[0]!.id).toContain('/resourceGroups/rg-keys/');
  });

  it('reads AzureDiagnostics when the vault’s setting is not resource-specific', () => {
    const plan = planKeyAlerts(
      target({ audit: { workspaceId, workspaceLocation: 'westeurope', resourceSpecific: false } }),
      {
        actionGroup: newGroup,
        watchBot: false,
      },
    );
    const q = (plan.resources[1]!.body.properties as ScheduledQueryRuleResource['properties']).criteria!
      .allOf![0]!.query!;
    expect(q.split('\n')[0]).toBe('AzureDiagnostics');
    expect(q).toContain(`tostring(identity_claim_appid_g) =~ '${appId}'`);
  });

  it('as Bicep: one file per resource group, each resource waiting for the ones before it, nothing existing declared', () => {
    const bicep = alertPlanAsBicep(planKeyAlerts(target(), { actionGroup: newGroup, watchBot: true }));
    const files = bicep.split('// ----');
    expect(files).toHaveLength(3);
    expect(files[0]).toContain('--resource-group rg-logs');
    expect(bicep).toContain("'Microsoft.Insights/scheduledQueryRules@2023-12-01'");
    expect(bicep).toContain("'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15'");
    expect(bicep).toContain('dependsOn');
    expect(bicep).not.toMatch(/Microsoft\.(KeyVault\/vaults|BotService\/botServices)@/);
  });

  it('run again over existing rules, it keeps whom they tell and adds the chosen group', () => {
    const first = planKeyAlerts(target(), { actionGroup: newGroup, watchBot: false });
    const rule = first.resources.find((r) => r.kind === 'logAlert')!;
    const theirs = `/subscriptions/${sub}/resourceGroups/rg-ops/providers/Microsoft.Insights/actionGroups/oncall`;
    const again = planKeyAlerts(target({ existing: new Map([[rule.id.toLowerCase(), [theirs]]]) }), {
      actionGroup: newGroup,
      watchBot: false,
    });
    const updated = again.resources.find((r) => r.kind === 'logAlert')!;
    expect(updated.keeps).toEqual([theirs]);
    expect(
      (updated.body.properties as ScheduledQueryRuleResource['properties']).actions?.actionGroups,
    ).toEqual([theirs, first.resources[0]!.id]);
    expect(again.resources.find((r) => r.kind === 'vaultActivityAlert')!.keeps).toBeUndefined();
  });

  it('checks the short name and the e-mail address before anything is sent', () => {
    expect(shortNameProblem('ThirteenChars')).toMatch(/12/);
    expect(shortNameProblem('BotKeys')).toBeUndefined();
    expect(emailProblem('ops@contoso')).toMatch(/not an e-mail/);
    expect(emailProblem('ops@contoso.com')).toBeUndefined();
  });
});

describe('who is told when this bot’s key fails', () => {
  const plan = planKeyAlerts(target(), { actionGroup: newGroup, watchBot: true });
  const as = <T>(kind: string) =>
    plan.resources
      .filter((r) => r.kind === kind)
      .map((r) => ({ id: r.id, name: r.id.split('/').pop()!, ...r.body }) as unknown as T);
  const facts = (over: Partial<AlertingFacts> = {}): AlertingFacts => ({
    botId,
    vaultId,
    auditWorkspaceIds: [workspaceId],
    appId,
    rules: as<ScheduledQueryRuleResource>('logAlert'),
    activityAlerts: [
      ...as<ActivityLogAlertResource>('vaultActivityAlert'),
      ...as<ActivityLogAlertResource>('botActivityAlert'),
    ],
    systemTopics: as<SystemTopicResource>('systemTopic'),
    eventSubscriptions: as<EventSubscriptionResource>('eventSubscription'),
    actionGroups: [
      {
        id: plan.resources[0]!.id,
        name: 'bot-keys',
        location: 'Global',
        properties: { groupShortName: 'BotKeys', enabled: true },
      },
    ],
    cmekRoles: { rbac: false, atVault: [], above: [], unwatchable: [] },
    ...over,
  });

  it('lists every rule the plan made, each with its action group, and calls the bot covered', () => {
    const rules = tellingRules(facts());
    expect(rules.map((r) => r.watches)).toEqual(['keyFailures', 'vaultChanges', 'botChanges', 'keyExpiry']);
    expect(rules.every((r) => r.actionGroups[0]?.name === 'bot-keys')).toBe(true);
    expect(coverageOf(facts())).toBe('covered');
  });

  it('a disabled rule or action group tells nobody: partly covered', () => {
    const f = facts({
      actionGroups: [
        {
          id: plan.resources[0]!.id,
          name: 'bot-keys',
          location: 'Global',
          properties: { groupShortName: 'BotKeys', enabled: false },
        },
      ],
    });
    expect(coverageOf(f)).toBe('none');
    const off = facts({
      rules: facts().rules!.map((r) => ({ ...r, properties: { ...r.properties, enabled: false } })),
    });
    expect(coverageOf(off)).toBe('partly');
  });

  it('a rule in a workspace the vault does not log to, or pinned to another vault, does not count', () => {
    expect(tellingRules(facts({ auditWorkspaceIds: [] })).some((r) => r.watches === 'keyFailures')).toBe(
      false,
    );
    const other = facts().rules!.map((r) => ({
      ...r,
      properties: {
        ...r.properties,
        criteria: {
          allOf: [{ query: r.properties.criteria!.allOf![0]!.query!.replace(vaultId, `${vaultId}-other`) }],
        },
      },
    }));
    expect(tellingRules(facts({ rules: other })).some((r) => r.watches === 'keyFailures')).toBe(false);
  });

  it('an action group that could not be read, or an alert narrowed by a condition Keyguard cannot read, is no cover', () => {
    const unreadGroups = facts({ actionGroups: [] });
    expect(coverageOf(unreadGroups)).toBe('unknown');
    const narrowed = facts({
      activityAlerts: facts().activityAlerts!.map((a) => ({
        ...a,
        properties: {
          ...a.properties,
          condition: {
            allOf: [
              ...a.properties.condition.allOf,
              { field: 'resourceType', equals: 'Microsoft.Compute/virtualMachines' },
            ],
          },
        },
      })),
    });
    expect(tellingRules(narrowed).some((r) => r.watches === 'vaultChanges')).toBe(false);
    expect(coverageOf(narrowed)).toBe('partly');
  });

  it('a list it could not read makes coverage unknown, never "not covered"', () => {
    expect(coverageOf(facts({ rules: undefined, activityAlerts: [] }))).toBe('unknown');
    expect(coverageOf(facts({ rules: [], activityAlerts: [], systemTopics: [] }))).toBe('none');
  });
});

describe('alerts Azure Monitor fired', () => {
  const alert = (id: string, target: string, rule: string, at: string, condition: 'Fired' | 'Resolved') => ({
    id: `/subscriptions/${sub}/providers/Microsoft.AlertsManagement/alerts/${id}`,
    name: rule.split('/').pop()!,
    properties: {
      essentials: {
        targetResource: target,
        alertRule: rule,
        startDateTime: at,
        monitorCondition: condition,
        signalType: 'Log',
      },
    },
  });
  const rule = `/subscriptions/${sub}/resourceGroups/rg-logs/providers/Microsoft.Insights/scheduledQueryRules/failures`;

  it('counts those about the bot or its vault, names the newest, and tells firing from resolved', () => {
    const f = firedFor(
      [
        alert('a', vaultId.toLowerCase(), rule, '2026-12-07T10:00:00Z', 'Resolved'),
        alert('b', vaultId.toLowerCase(), rule, '2026-12-07T11:00:00Z', 'Fired'),
        alert('c', `${vaultId}-other`, rule + '-x', '2026-12-07T12:00:00Z', 'Fired'),
      ],
      { botId, vaultId },
    )!;
    expect(f).toMatchObject({ count: 2, firing: 1, ruleNames: ['failures'] });
    expect(f.latest.id.endsWith('/b')).toBe(true);
    expect(firedFor([], { botId, vaultId })).toBeUndefined();
  });

  it('links an alert to its page in the Azure portal, the id encoded', () => {
    expect(
      alertPortalUrl('https://portal.azure.com', 'contoso.onmicrosoft.com', '/subscriptions/s/x/alerts/1'),
    ).toBe(
      'https://portal.azure.com/#@contoso.onmicrosoft.com/blade/Microsoft_Azure_Monitoring/AlertDetailsTemplateBlade/alertId/%2Fsubscriptions%2Fs%2Fx%2Falerts%2F1',
    );
  });
});
