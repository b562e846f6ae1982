import type {
  ActionGroupResource,
  ActivityLogAlertResource,
  AlertRuleAnyOfOrLeafCondition,
  EventSubscriptionResource,
  ScheduledQueryRuleResource,
  SystemTopicResource,
} from '../../arm/types/alerts';
import { botWriteOperation, expiryEventTypes } from './plan';
import { roleDeleteOperation, type CmekRoles } from './cmek-roles';
import { eventSubscriptionDelivers } from '../../arm/operations/alerts';

const accessPolicyWrite = 'Microsoft.KeyVault/vaults/accessPolicies/write';
/** What counts as watching the vault: its access policies and the vault itself (firewall, purge protection). */
const vaultChangesWatched = [accessPolicyWrite, 'Microsoft.KeyVault/vaults/write'];

/** What Keyguard read about alerting around one bot; undefined lists were not read (or could not be). */
export interface AlertingFacts {
  botId: string;
  vaultId: string;
  /** Workspaces the vault's audit log goes to. */
  auditWorkspaceIds: string[];
  appId: string;
  rules?: ScheduledQueryRuleResource[];
  activityAlerts?: ActivityLogAlertResource[];
  systemTopics?: SystemTopicResource[];
  /** Event subscriptions of the vault's system topic. */
  eventSubscriptions?: EventSubscriptionResource[];
  actionGroups?: ActionGroupResource[];
  /**
   * Bot Service CMEK Prod's role assignments on the vault and above it (none on a vault with access policies);
   * undefined when Keyguard cannot tell them.
   */
  cmekRoles?: CmekRoles;
}

export type Watch =
  'keyFailures' | 'vaultChanges' | 'accessChanges' | 'roleChanges' | 'botChanges' | 'keyExpiry';

export interface TellingRule {
  id: string;
  name: string;
  kind: 'Log search alert' | 'Activity log alert' | 'Event subscription';
  watches: Watch;
  enabled: boolean;
  /** The action groups it notifies: names when known, else the last segment of the id. */
  actionGroups: { id: string; name: string; enabled: boolean | undefined }[];
}

export type Coverage = 'covered' | 'partly' | 'none' | 'unknown';

const lower = (s: string) => s.toLowerCase();
/** An Activity log alert scope is a prefix of the ids it covers: the resource, its group, or its subscription. */
const scopeCovers = (scope: string, id: string) => {
  const s = lower(scope).replace(/\/+$/, '');
  const target = lower(id);
  return target === s || target.startsWith(`${s}/`);
};

type Leaf = { field: string; values: string[] };

/** The alert's conditions as leaves; an `anyOf` becomes one leaf per field it names (undefined: a mix Keyguard does not read). */
function leaves(c: AlertRuleAnyOfOrLeafCondition[]): Leaf[] | undefined {
  const out: Leaf[] = [];
  for (const x of c) {
    if (x.anyOf) {
      const fields = new Set(x.anyOf.map((a) => lower(a.field ?? '')));
      if (fields.size !== 1) return undefined;
      out.push({
        field: [...fields][0]!,
        values: x.anyOf.flatMap((a) => [a.equals ?? '', ...(a.containsAny ?? [])]),
      });
    } else if (x.field) out.push({ field: x.field, values: [x.equals ?? '', ...(x.containsAny ?? [])] });
  }
  return out;
}

/** Fields whose meaning Keyguard knows; any other condition may narrow the alert past what it covers. */
const readable = ['category', 'operationname', 'status'];

/**
 * Whether an Activity log alert fires on every one of these operations when they succeed. Conditions Keyguard cannot
 * read (resource type, caller, properties…) may narrow it, so such an alert is not counted: a gap is not hidden.
 */
function watchesOperations(a: ActivityLogAlertResource, ops: string[]): boolean {
  const conditions = leaves(a.properties.condition.allOf ?? []);
  if (!conditions || conditions.some((c) => !readable.includes(lower(c.field)))) return false;
  return watchesOperationsIn(conditions, ops);
}

function watchesOperationsIn(conditions: Leaf[], ops: string[]): boolean {
  const has = (field: string, value: string) =>
    conditions
      .filter((c) => lower(c.field) === field)
      .every((c) => c.values.some((v) => lower(v) === lower(value)));
  return (
    has('category', 'Administrative') &&
    has('status', 'Succeeded') &&
    ops.every((op) => has('operationname', op))
  );
}

/**
 * Whether an Activity log alert fires when any of these role assignments is removed: its scopes hold them, it watches
 * the removal, and a `resourceId` condition (when it has one) names every one of them.
 */
function watchesRoleRemovals(a: ActivityLogAlertResource, ids: string[]): boolean {
  if (ids.length === 0 || !ids.every((id) => a.properties.scopes.some((s) => scopeCovers(s, id))))
    return false;
  const conditions = leaves(a.properties.condition.allOf ?? []);
  if (!conditions || conditions.some((c) => ![...readable, 'resourceid'].includes(lower(c.field))))
    return false;
  const named = conditions.filter((c) => lower(c.field) === 'resourceid');
  return (
    watchesOperationsIn(conditions, [roleDeleteOperation]) &&
    named.every((c) => ids.every((id) => c.values.some((v) => lower(v) === lower(id))))
  );
}

/** A log search alert that sees Bot Service CMEK Prod fail on this vault's keys, in a workspace the vault logs to. */
function watchesKeyFailures(r: ScheduledQueryRuleResource, f: AlertingFacts): boolean {
  const scope = r.properties.scopes?.[0];
  if (!scope || !f.auditWorkspaceIds.some((w) => lower(w) === lower(scope))) return false;
  return (r.properties.criteria?.allOf ?? []).some((c) => {
    const q = lower(c.query ?? '');
    if (!q.includes(lower(f.appId)) || !q.includes('keyunwrap')) return false;
    // A query pinned to other vaults does not cover this one.
    const pinned = q.match(/\/subscriptions\/[^'"\s]+?\/providers\/microsoft\.keyvault\/vaults\/[^'"\s/)]+/g);
    return !pinned || pinned.includes(lower(f.vaultId));
  });
}

function groupsOf(ids: string[], known: ActionGroupResource[] | undefined) {
  return ids.map((id) => {
    const g = known?.find((k) => lower(k.id) === lower(id));
    return { id, name: g?.name ?? id.split('/').pop() ?? id, enabled: g?.properties.enabled };
  });
}

/** Every rule that tells someone when this bot's key fails or is about to. */
export function tellingRules(f: AlertingFacts): TellingRule[] {
  const out: TellingRule[] = [];
  // On an RBAC vault a role removed at the vault (or on a key) is logged under it: the vault's alert must watch that.
  const vaultChanges = f.cmekRoles?.rbac
    ? [...vaultChangesWatched, roleDeleteOperation]
    : vaultChangesWatched;
  for (const r of f.rules ?? [])
    if (watchesKeyFailures(r, f))
      out.push({
        id: r.id,
        name: r.properties.displayName ?? r.name,
        kind: 'Log search alert',
        watches: 'keyFailures',
        enabled: r.properties.enabled !== false,
        actionGroups: groupsOf(r.properties.actions?.actionGroups ?? [], f.actionGroups),
      });
  for (const a of f.activityAlerts ?? []) {
    const groups = groupsOf(
      (a.properties.actions.actionGroups ?? []).map((g) => g.actionGroupId),
      f.actionGroups,
    );
    const base = {
      id: a.id,
      name: a.name,
      kind: 'Activity log alert' as const,
      enabled: a.properties.enabled !== false,
      actionGroups: groups,
    };
    const onVault = a.properties.scopes.some((s) => scopeCovers(s, f.vaultId));
    if (onVault && watchesOperations(a, vaultChanges)) out.push({ ...base, watches: 'vaultChanges' });
    else if (onVault && watchesOperations(a, [accessPolicyWrite]))
      out.push({ ...base, watches: 'accessChanges' });
    else if (
      watchesRoleRemovals(
        a,
        (f.cmekRoles?.above ?? []).map((r) => r.id),
      )
    )
      out.push({ ...base, watches: 'roleChanges' });
    else if (
      a.properties.scopes.some((s) => scopeCovers(s, f.botId)) &&
      watchesOperations(a, [botWriteOperation])
    )
      out.push({ ...base, watches: 'botChanges' });
  }
  const topic = f.systemTopics?.find((t) => lower(t.properties.source) === lower(f.vaultId));
  for (const s of topic ? (f.eventSubscriptions ?? []) : []) {
    const types = s.properties.filter?.includedEventTypes;
    if (types && !types.some((t) => expiryEventTypes.includes(t))) continue;
    const d = s.properties.destination;
    out.push({
      id: s.id,
      name: s.name,
      kind: 'Event subscription',
      watches: 'keyExpiry',
      enabled: eventSubscriptionDelivers(s),
      actionGroups:
        d?.endpointType === 'MonitorAlert' ? groupsOf(d.properties.actionGroups ?? [], f.actionGroups) : [],
    });
  }
  return out;
}

/** A rule tells someone only when it and at least one of its action groups (read, and on) are. */
const tells = (r: TellingRule) => r.enabled && r.actionGroups.some((g) => g.enabled === true);
/** A rule whose action groups could not be read may tell someone: then coverage is not known. */
const mayTell = (r: TellingRule) => r.enabled && r.actionGroups.some((g) => g.enabled === undefined);

/**
 * Covered: failures, vault changes (on an RBAC vault, role removals at the vault included) and near expiry each tell
 * someone, and so does the removal of a role given above the vault, when there is one. Never covered while such a role
 * sits where no alert can watch it (a management group), or while Bot Service's roles are not known. Unknown when a
 * list could not be read: a gap Keyguard cannot see is not reported as covered, nor as uncovered.
 */
export function coverageOf(f: AlertingFacts, rules = tellingRules(f)): Coverage {
  const on = new Set(rules.filter(tells).map((r) => r.watches));
  const needed: Watch[] = ['keyFailures', 'vaultChanges', 'keyExpiry'];
  const roles = f.cmekRoles;
  if (roles && roles.above.length + roles.unwatchable.length > 0) needed.push('roleChanges');
  // A role given at a management group: its removal is logged where no Activity log alert reads.
  if (roles?.unwatchable.length) on.delete('roleChanges');
  const have = needed.filter((w) => on.has(w)).length;
  if (have === needed.length) return roles ? 'covered' : 'unknown';
  const unread = rules.filter(mayTell).map((r) => r.watches);
  if (needed.some((w) => !on.has(w) && unread.includes(w))) return 'unknown';
  const topic = f.systemTopics?.find((t) => lower(t.properties.source) === lower(f.vaultId));
  if (!f.rules || !f.activityAlerts || !f.systemTopics || (topic && !f.eventSubscriptions)) return 'unknown';
  return have === 0 ? 'none' : 'partly';
}
