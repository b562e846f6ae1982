import type {
  ActionGroupProperties,
  ActivityLogAlertProperties,
  EventSubscriptionProperties,
  ScheduledQueryRuleProperties,
} from '../../arm/types/alerts';
import { parseResourceId } from '../../arm/resource-id';
import { keyFailureQuery } from './key-failure-query';
import { planRoleWatch, unwatchedRolesNote, type CmekRolesRead } from './cmek-roles';
import { keyguardTag, notifying, resourceGroupOf, slug, type PlannedResource } from './plan-parts';

/** The bot whose key is watched, its vault, and where the vault's audit log lands (if it does). */
export interface KeyAlertTarget {
  /** The bot, when its own changes are watched too. */
  bot?: { id: string; name: string };
  vault: { id: string; name: string; location: string };
  audit?: { workspaceId: string; workspaceLocation: string; resourceSpecific: boolean };
  /** Bot Service CMEK Prod's application id in the signed-in cloud. */
  appId: string;
  /** The vault's Event Grid system topic, when it has one: Azure allows one per source, so it is reused. */
  systemTopic?: { id: string; name: string };
  /**
   * Rules, alerts and event subscriptions that exist already under the names the plan writes, by lower-cased id, with
   * the action groups they notify: a set-up run again adds its group to them and never takes one away.
   */
  existing?: ReadonlyMap<string, string[]>;
  /**
   * Bot Service CMEK Prod's roles on the vault (none on a vault with access policies; `'unread'` when Keyguard could not
   * tell them): one given above the vault gets its own watch.
   */
  cmekRoles?: CmekRolesRead;
}

export type ActionGroupChoice =
  | { kind: 'existing'; id: string; name: string }
  | {
      kind: 'new';
      name: string;
      shortName: string;
      email: string;
      /** Where it is made; by default beside the workspace (or the vault). A bulk run names one for every vault. */
      resourceGroupId?: string;
    };

export interface KeyAlertOptions {
  actionGroup: ActionGroupChoice;
  /** Also an Activity log alert on the bot's own writes (`Microsoft.BotService/botServices/write`). */
  watchBot: boolean;
}

export interface KeyAlertPlan {
  resources: PlannedResource[];
  /** Why the failure alert is left out, when it is. */
  missing?: string;
  /** Bot Service's roles the plan leaves unwatched, and why (at a management group, or not known): else undefined. */
  unwatched?: string;
}

/** Operations that can stop a bot using the vault's key (the seed doc: revoked access, firewall, purge). */
const vaultStoppingOperations = [
  'Microsoft.KeyVault/vaults/accessPolicies/write',
  'Microsoft.KeyVault/vaults/write',
  'Microsoft.KeyVault/vaults/delete',
  'Microsoft.Authorization/roleAssignments/delete',
];
export const botWriteOperation = 'Microsoft.BotService/botServices/write';
export const expiryEventTypes = ['Microsoft.KeyVault.KeyNearExpiry', 'Microsoft.KeyVault.KeyExpired'];

function actionGroupOf(t: KeyAlertTarget, choice: ActionGroupChoice): PlannedResource {
  if (choice.kind === 'existing')
    return {
      kind: 'actionGroup',
      id: choice.id,
      type: 'Microsoft.Insights/actionGroups',
      title: `Action group ${choice.name}`,
      scope: 'Existing: used as it is',
      purpose: 'Tells the people it already tells.',
      body: { properties: {} },
      reused: true,
    };
  const rg = choice.resourceGroupId ?? resourceGroupOf(t.audit?.workspaceId ?? t.vault.id);
  const properties: ActionGroupProperties = {
    groupShortName: choice.shortName.trim(),
    enabled: true,
    emailReceivers: [{ name: 'admin', emailAddress: choice.email.trim(), useCommonAlertSchema: true }],
  };
  return {
    kind: 'actionGroup',
    id: `${rg}/providers/Microsoft.Insights/actionGroups/${choice.name}`,
    type: 'Microsoft.Insights/actionGroups',
    title: `Action group ${choice.name}`,
    scope: rg,
    purpose: `E-mails ${choice.email.trim()} when any of these alerts fires.`,
    body: { location: 'Global', tags: keyguardTag, properties },
  };
}

/**
 * What "Alert me if Azure Bot Service cannot use this key" creates, in the order it must be written: the action group
 * first (the others name it), the system topic before its subscription. The failure rule and the vault's alert are one
 * per workspace and vault, not one per bot, so every bot on the vault shares them.
 */
export function planKeyAlerts(t: KeyAlertTarget, o: KeyAlertOptions): KeyAlertPlan {
  const group = actionGroupOf(t, o.actionGroup);
  const resources: PlannedResource[] = [group];
  let missing: string | undefined;
  if (t.audit) {
    const ws = parseResourceId(t.audit.workspaceId);
    const rg = resourceGroupOf(t.audit.workspaceId);
    const id = `${rg}/providers/Microsoft.Insights/scheduledQueryRules/keyguard-cmk-${slug(t.vault.name)}-${slug(ws?.name ?? 'workspace')}`;
    const to = notifying(t.existing, id, group.id);
    const properties: ScheduledQueryRuleProperties = {
      displayName: `Bot Service cannot use a key in ${t.vault.name}`,
      description: `Azure Bot Service (Bot Service CMEK Prod) failed to wrap or unwrap with a key in ${t.vault.name}: bots using it stop. Made by Keyguard.`,
      severity: 1,
      enabled: true,
      scopes: [t.audit.workspaceId],
      evaluationFrequency: 'PT5M',
      windowSize: 'PT15M',
      criteria: {
        allOf: [
          {
            query: keyFailureQuery({
              vaultId: t.vault.id,
              appId: t.appId,
              resourceSpecific: t.audit.resourceSpecific,
            }),
            timeAggregation: 'Count',
            operator: 'GreaterThan',
            threshold: 0,
            dimensions: [{ name: 'KeyName', operator: 'Include', values: ['*'] }],
            resourceIdColumn: '_ResourceId',
            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
          },
        ],
      },
      autoMitigate: true,
      actions: { actionGroups: to.groups },
    };
    resources.push({
      kind: 'logAlert',
      id,
      keeps: to.keeps,
      type: 'Microsoft.Insights/scheduledQueryRules',
      title: 'Log search alert rule',
      scope: t.audit.workspaceId,
      purpose:
        'Every 5 minutes, looks at the last 15 for wrap or unwrap calls Bot Service CMEK Prod could not make with a key of this vault.',
      body: { location: t.audit.workspaceLocation, kind: 'LogAlert', tags: keyguardTag, properties },
    });
  } else {
    missing =
      'The vault sends no audit log to a Log Analytics workspace, so no alert can see Bot Service fail to use the key. Send the audit log first; the other alerts do not need it.';
  }
  const vaultAlertId = `${resourceGroupOf(t.vault.id)}/providers/Microsoft.Insights/activityLogAlerts/keyguard-cmk-vault-${slug(t.vault.name)}`;
  const vaultTo = notifying(t.existing, vaultAlertId, group.id);
  const vaultAlert: ActivityLogAlertProperties = {
    enabled: true,
    scopes: [t.vault.id],
    description: `A change to ${t.vault.name} that can stop the bots using its keys. Made by Keyguard.`,
    condition: {
      allOf: [
        { field: 'category', equals: 'Administrative' },
        // A change's Started event is followed by its Succeeded one: told once, of what happened.
        { field: 'status', equals: 'Succeeded' },
        { anyOf: vaultStoppingOperations.map((op) => ({ field: 'operationName', equals: op })) },
      ],
    },
    actions: { actionGroups: vaultTo.groups.map((actionGroupId) => ({ actionGroupId })) },
  };
  resources.push({
    kind: 'vaultActivityAlert',
    id: vaultAlertId,
    keeps: vaultTo.keeps,
    type: 'Microsoft.Insights/activityLogAlerts',
    title: 'Activity log alert rule (vault)',
    scope: t.vault.id,
    purpose:
      'Fires on access policy changes, vault changes (firewall, purge protection) and role assignments removed at the vault.',
    body: { location: 'Global', tags: keyguardTag, properties: vaultAlert },
  });
  const roleWatch =
    t.cmekRoles && t.cmekRoles !== 'unread' && planRoleWatch(t.vault, t.cmekRoles, group.id, t.existing);
  if (roleWatch) resources.push(roleWatch);
  if (o.watchBot && t.bot) {
    const bot = t.bot;
    const botAlertId = `${resourceGroupOf(bot.id)}/providers/Microsoft.Insights/activityLogAlerts/keyguard-cmk-bot-${slug(bot.name)}`;
    const botTo = notifying(t.existing, botAlertId, group.id);
    const botAlert: ActivityLogAlertProperties = {
      enabled: true,
      scopes: [bot.id],
      description: `A change to the bot ${bot.name} (its encryption included). Made by Keyguard.`,
      condition: {
        allOf: [
          { field: 'category', equals: 'Administrative' },
          { field: 'status', equals: 'Succeeded' },
          { field: 'operationName', equals: botWriteOperation },
        ],
      },
      actions: { actionGroups: botTo.groups.map((actionGroupId) => ({ actionGroupId })) },
    };
    resources.push({
      kind: 'botActivityAlert',
      id: botAlertId,
      keeps: botTo.keeps,
      type: 'Microsoft.Insights/activityLogAlerts',
      title: 'Activity log alert rule (bot)',
      scope: bot.id,
      purpose: 'Fires when the bot itself is changed, its encryption settings included.',
      body: { location: 'Global', tags: keyguardTag, properties: botAlert },
    });
  }
  const topic: PlannedResource = t.systemTopic
    ? {
        kind: 'systemTopic',
        id: t.systemTopic.id,
        type: 'Microsoft.EventGrid/systemTopics',
        title: `Event Grid system topic ${t.systemTopic.name}`,
        scope: 'Existing: Azure allows one per vault, so it is reused',
        purpose: "Carries the vault's events.",
        body: { properties: {} },
        reused: true,
      }
    : {
        kind: 'systemTopic',
        id: `${resourceGroupOf(t.vault.id)}/providers/Microsoft.EventGrid/systemTopics/${slug(t.vault.name)}-events`,
        type: 'Microsoft.EventGrid/systemTopics',
        title: 'Event Grid system topic',
        scope: t.vault.id,
        purpose: "Carries the vault's events (one per vault).",
        body: {
          location: t.vault.location,
          tags: keyguardTag,
          properties: { source: t.vault.id, topicType: 'Microsoft.KeyVault.vaults' },
        },
      };
  resources.push(topic);
  const expiryId = `${topic.id}/eventSubscriptions/keyguard-key-expiry`;
  const expiryTo = notifying(t.existing, expiryId, group.id);
  const subscription: EventSubscriptionProperties = {
    eventDeliverySchema: 'CloudEventSchemaV1_0',
    filter: { includedEventTypes: expiryEventTypes },
    destination: {
      endpointType: 'MonitorAlert',
      properties: {
        severity: 'Sev2',
        actionGroups: expiryTo.groups,
        description: `A key in ${t.vault.name} expires within 30 days, or has expired. Made by Keyguard.`,
      },
    },
  };
  resources.push({
    kind: 'eventSubscription',
    id: expiryId,
    keeps: expiryTo.keeps,
    type: 'Microsoft.EventGrid/systemTopics/eventSubscriptions',
    title: 'Event subscription (near expiry)',
    scope: topic.id,
    purpose:
      'Raises an Azure Monitor alert (preview) when a key version is 30 days from expiry or has expired.',
    body: { properties: subscription },
  });
  return { resources, missing, unwatched: unwatchedRolesNote(t.cmekRoles) };
}
