import { accessChecker } from '../rules/authorization';
import { settleScans } from '../rules/policy';
import type { Row } from '../rules/kql/evaluate';
import type {
  TwinAlertingResource,
  TwinBot,
  TwinChangeRecord,
  TwinVault,
  TwinWorkspace,
} from '../store/model';
import type { TwinContext } from './context';
import { botJson, vaultJson } from './serialize';
import { workspaceJson } from './workspaces';

const day = 24 * 60 * 60 * 1000;

type Resource = TwinBot | TwinVault | TwinWorkspace;

/**
 * A row of `resources` whose `properties` (the resource's ARM properties) is made only when a query reads it: at
 * tenant scale most queries filter on `type` first, and a bot's properties weigh its key's state.
 */
function resourceRow(ctx: TwinContext, type: string, r: Resource, tenantId: string, now: number): Row {
  const row: Row = {
    id: r.id,
    name: r.name,
    type,
    kind: 'kind' in r ? r.kind : '',
    location: r.location.toLowerCase(),
    resourceGroup: r.resourceGroup.toLowerCase(),
    subscriptionId: r.subscriptionId,
    tenantId,
    managedBy: '',
    tags: 'tags' in r ? r.tags : {},
  };
  let properties: unknown;
  Object.defineProperty(row, 'properties', {
    enumerable: true,
    get: () =>
      (properties ??=
        (type === 'microsoft.botservice/botservices'
          ? botJson(ctx.world, r as TwinBot, now)
          : type === 'microsoft.keyvault/vaults'
            ? vaultJson(r as TwinVault)
            : workspaceJson(r as TwinWorkspace)
        ).properties ?? {}),
  });
  return row;
}

/** An alerting resource as a `resources` row: its type lower-cased, its body's properties as ARM holds them. */
function alertingRow(r: TwinAlertingResource, tenantId: string): Row {
  const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\//i.exec(r.id);
  return {
    id: r.id,
    name: r.name,
    type: r.type.toLowerCase(),
    kind: r.kind ?? '',
    location: (r.location ?? '').toLowerCase(),
    resourceGroup: (m?.[2] ?? '').toLowerCase(),
    subscriptionId: m?.[1] ?? '',
    tenantId,
    managedBy: '',
    tags: r.tags ?? {},
    properties: r.properties,
  };
}

/** Every resource the caller can read in the given subscriptions, as Resource Graph's `resources` table. */
function resources(ctx: TwinContext, subscriptions: string[], now: number): Row[] {
  const readable = accessChecker(ctx.world, 'read');
  const rows: Row[] = [];
  const seen = new Set<string>();
  for (const requested of subscriptions) {
    const sub = ctx.world.subscriptions.get(requested);
    // Subscriptions the caller cannot see are left out, not refused (see assumptions.resourceGraph).
    if (!sub || seen.has(sub.subscriptionId.toLowerCase())) continue;
    seen.add(sub.subscriptionId.toLowerCase());
    const add = (type: string, list: readonly Resource[]) => {
      for (const r of list) if (readable(r.id)) rows.push(resourceRow(ctx, type, r, sub.tenantId, now));
    };
    add('microsoft.botservice/botservices', ctx.world.bots.inSubscription(sub.subscriptionId));
    add('microsoft.keyvault/vaults', ctx.world.vaults.inSubscription(sub.subscriptionId));
    add('microsoft.operationalinsights/workspaces', ctx.world.workspaces.inSubscription(sub.subscriptionId));
    for (const table of [
      ctx.world.actionGroups,
      ctx.world.scheduledQueryRules,
      ctx.world.activityLogAlerts,
      ctx.world.systemTopics,
    ])
      for (const r of table.inSubscription(sub.subscriptionId))
        if (readable(r.id)) rows.push(alertingRow(r, sub.tenantId));
  }
  return rows;
}

/** A change record as a row of `resourcechanges` (get-resource-changes; changes-resource-spec). */
function changeRow(r: TwinChangeRecord, tenantId: string): Row {
  const changes =
    r.changeType === 'Update'
      ? Object.fromEntries(
          Object.entries(r.changes).map(([path, c]) => [
            path,
            {
              previousValue: c.previousValue,
              newValue: c.newValue,
              changeCategory: 'User',
              propertyChangeType:
                c.previousValue === 'null' ? 'Insert' : c.newValue === 'null' ? 'Remove' : 'Update',
            },
          ]),
        )
      : undefined;
  return {
    id: `${r.targetResourceId}/providers/Microsoft.Resources/changes/${r.id}`,
    name: r.id,
    type: 'microsoft.resources/changes',
    tenantId,
    subscriptionId: r.subscriptionId,
    resourceGroup: (/\/resourcegroups\/([^/]+)/i.exec(r.targetResourceId)?.[1] ?? '').toLowerCase(),
    location: '',
    properties: {
      targetResourceId: r.targetResourceId,
      targetResourceType: r.targetResourceType,
      changeType: r.changeType,
      changeAttributes: {
        correlationId: r.correlationId,
        changedByType: r.changedByType,
        changesCount: Object.keys(r.changes).length,
        clientType: r.clientType,
        changedBy: r.changedBy,
        operation: r.operation,
        timestamp: new Date(r.at).toISOString(),
      },
      ...(changes ? { changes } : {}),
    },
  };
}

/** Change records of readable resources in the given subscriptions: Resource Graph keeps 14 days. */
function resourceChanges(ctx: TwinContext, subscriptions: string[], now: number): Row[] {
  const readable = accessChecker(ctx.world, 'read');
  const tenants = new Map(
    subscriptions.flatMap((s) => {
      const sub = ctx.world.subscriptions.get(s);
      return sub ? [[sub.subscriptionId.toLowerCase(), sub.tenantId] as const] : [];
    }),
  );
  return [...ctx.world.changeRecords.values()]
    .filter(
      (r) =>
        tenants.has(r.subscriptionId.toLowerCase()) && r.at > now - 14 * day && readable(r.targetResourceId),
    )
    .map((r) => changeRow(r, tenants.get(r.subscriptionId.toLowerCase())!));
}

/** Policy states and assignments of the given subscriptions, as rows of `policyresources`. */
function policyResources(ctx: TwinContext, subscriptions: string[], now: number): Row[] {
  settleScans(ctx.world, now);
  const readable = accessChecker(ctx.world, 'read');
  const subs = new Map(
    subscriptions.flatMap((s) => {
      const sub = ctx.world.subscriptions.get(s);
      return sub ? [[sub.subscriptionId.toLowerCase(), sub] as const] : [];
    }),
  );
  const states = [...ctx.world.policyStates.values()]
    .filter((s) => subs.has(s.subscriptionId.toLowerCase()) && readable(s.resourceId))
    .map((s) => {
      const assignment = s.policyAssignmentId.split('/').pop() ?? '';
      return {
        // The row id is the twin's own: Resource Graph's id for a policy state is not recorded.
        id: `${s.resourceId}/providers/Microsoft.PolicyInsights/policyStates/${assignment}`.toLowerCase(),
        name: assignment,
        type: 'microsoft.policyinsights/policystates',
        tenantId: subs.get(s.subscriptionId.toLowerCase())!.tenantId,
        subscriptionId: s.subscriptionId,
        resourceGroup: (/\/resourcegroups\/([^/]+)/i.exec(s.resourceId)?.[1] ?? '').toLowerCase(),
        properties: {
          resourceId: s.resourceId.toLowerCase(),
          resourceType: (/\/providers\/([^/]+\/[^/]+)\/[^/]+$/.exec(s.resourceId)?.[1] ?? '').toLowerCase(),
          complianceState: s.complianceState,
          policyAssignmentId: s.policyAssignmentId.toLowerCase(),
          policyAssignmentName: assignment,
          policyDefinitionId: s.policyDefinitionId.toLowerCase(),
          ...(s.policySetDefinitionId
            ? { policySetDefinitionId: s.policySetDefinitionId.toLowerCase() }
            : {}),
          timestamp: new Date(s.at).toISOString(),
        },
      };
    });
  const assignments = [...ctx.world.policyAssignments.values()]
    .filter((a) => subs.has(a.subscriptionId.toLowerCase()))
    .map((a) => ({
      id: a.id.toLowerCase(),
      name: a.name,
      type: 'microsoft.authorization/policyassignments',
      tenantId: subs.get(a.subscriptionId.toLowerCase())!.tenantId,
      subscriptionId: a.subscriptionId,
      resourceGroup: '',
      properties: {
        displayName: a.displayName,
        policyDefinitionId: a.policyDefinitionId,
        scope: `/subscriptions/${a.subscriptionId}`,
        notScopes: [...a.notScopes],
        parameters: structuredClone(a.parameters),
        enforcementMode: a.enforcementMode,
      },
    }));
  return [...states, ...assignments];
}

/** The tables the twin's Resource Graph serves, by their (lower-cased) names. */
export const resourceGraphTables: Record<
  string,
  (ctx: TwinContext, subscriptions: string[], now: number) => Row[]
> = {
  resources,
  resourcechanges: resourceChanges,
  policyresources: policyResources,
};
