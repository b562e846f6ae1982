import {
  activityLogAlertsList,
  scheduledQueryRulesList,
  systemTopicEventSubscriptionsList,
  systemTopicsList,
} from '../../arm/operations/alerts';
import { existingNotifications } from '../../domain/alerts/existing';
import { diagnosticSettingsList } from '../../arm/operations/diagnostic-settings';
import { workspacesGet } from '../../arm/operations/log-analytics';
import { vaultsGet } from '../../arm/operations/vaults';
import { parseResourceId } from '../../arm/resource-id';
import { auditDestinations } from '../../domain/audit-trail';
import { botServiceCmekApp } from '../../domain/bot-service-principal';
import { planKeyAlerts } from '../../domain/alerts/plan';
import { cmekRolesOf, type CmekRolesRead } from '../../domain/alerts/cmek-roles';
import { roleAssignmentsListForScope } from '../../arm/operations/role-assignments';
import { cmekPrincipalQuery } from '../cmek-principal';
import { alertingResourcesQueryOptions, eventSubscriptionsQuery, writeAlertPlan } from '../alerts';
import { BulkRefusal, type BulkContext, type BulkOutcome } from './bulk-types';
import { describeError } from '../../domain/error-wording';

/**
 * Sets up one vault's alerts in a bulk run: the vault, its audit settings, its workspace and its Event Grid topic are
 * read afresh, the plan is made for them (the action group chosen once for the run), and written in order.
 */
export async function coverVaultWithAlerts(vaultId: string, ctx: BulkContext): Promise<BulkOutcome> {
  const choice = ctx.alertGroup;
  if (!choice) throw new BulkRefusal('No action group was chosen.');
  const appId = botServiceCmekApp.byCloud[ctx.cloud.name]?.appId;
  if (!appId) throw new BulkRefusal('Keyguard does not know Bot Service CMEK Prod in this cloud.');
  const vault = await vaultsGet(vaultId);
  // On an RBAC vault, Bot Service CMEK Prod's roles given above it get their own watch; roles that cannot be read
  // leave that one out (the result says so) rather than the vault's other alerts.
  const rbac = vault.properties.enableRbacAuthorization === true;
  const cmekRoles: CmekRolesRead =
    cmekRolesOf(
      { id: vaultId, rbac },
      rbac ? await roleAssignmentsListForScope(vaultId).catch(() => undefined) : undefined,
      rbac
        ? await ctx.queryClient.fetchQuery(cmekPrincipalQuery(ctx.cloud, ctx.tenantId)).catch(() => undefined)
        : undefined,
    ) ?? 'unread';
  const audit = auditDestinations(await diagnosticSettingsList(vaultId)).find((d) => d.workspaceId);
  const workspace = audit?.workspaceId ? await workspacesGet(audit.workspaceId) : undefined;
  const vaultSub = parseResourceId(vaultId)?.subscriptionId ?? '';
  const topics = await systemTopicsList(vaultSub);
  const topic = topics.find((t) => t.properties.source.toLowerCase() === vaultId.toLowerCase());
  // What exists under the names the plan writes keeps whom it tells.
  const existing = existingNotifications({
    rules: audit?.workspaceId
      ? await scheduledQueryRulesList(parseResourceId(audit.workspaceId)?.subscriptionId ?? '')
      : [],
    activityAlerts: await activityLogAlertsList(vaultSub),
    eventSubscriptions: topic ? await systemTopicEventSubscriptionsList(topic.id) : [],
  });
  const plan = planKeyAlerts(
    {
      vault: { id: vault.id, name: vault.name, location: vault.location ?? '' },
      audit:
        audit?.workspaceId && workspace
          ? {
              workspaceId: audit.workspaceId,
              workspaceLocation: workspace.location ?? '',
              resourceSpecific: audit.resourceSpecific,
            }
          : undefined,
      appId,
      systemTopic: topic ? { id: topic.id, name: topic.name } : undefined,
      existing,
      cmekRoles,
    },
    { actionGroup: choice, watchBot: false },
  );
  ctx.writing();
  const result = await writeAlertPlan(plan.resources, 0, () => undefined);
  await Promise.all([
    ctx.queryClient.invalidateQueries({ queryKey: alertingResourcesQueryOptions().queryKey }),
    ...plan.resources
      .filter((r) => r.kind === 'systemTopic')
      .map((r) => ctx.queryClient.invalidateQueries({ queryKey: eventSubscriptionsQuery(r.id).queryKey })),
  ]);
  if (result.failedAt !== undefined) {
    const made = plan.resources.slice(0, result.failedAt).filter((r) => !r.reused).length;
    const step = plan.resources[result.failedAt]!;
    // Some were made: say how far it got, whatever the answer was (Retry writes the same again, which is safe).
    if (made > 0)
      throw new BulkRefusal(
        `${made} of ${plan.resources.filter((r) => !r.reused).length} resources were made; then the ${step.title.toLowerCase()}: ${describeError(result.error).message} Retry writes them again, which is safe.`,
      );
    throw result.error;
  }
  const made = plan.resources.filter((r) => !r.reused).length;
  return {
    state: 'done',
    message: [
      plan.missing
        ? `${made} resources set up; no failure alert: the vault sends no audit log to a workspace.`
        : `${made} resources set up: failures, vault changes and near expiry each tell the action group.`,
      plan.unwatched,
    ]
      .filter(Boolean)
      .join(' '),
  };
}
