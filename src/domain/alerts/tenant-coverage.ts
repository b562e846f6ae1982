import type { AlertingResources } from '../../arm/operations/alerts';
import type { DiagnosticSettingsResource } from '../../arm/types/monitor';
import type { EventSubscriptionResource } from '../../arm/types/alerts';
import { auditDestinations } from '../audit-trail';
import { coverageOf, type Coverage } from './coverage';
import type { CmekRoles } from './cmek-roles';

const lower = (s: string) => s.toLowerCase();

/**
 * Each vault's alert coverage, by lower-cased vault id: every bot on a vault is covered alike (the failure rule, the
 * vault's Activity log alert and the near-expiry subscription are the vault's, not the bot's). A vault whose audit
 * settings or topic's subscriptions were not read is 'unknown'.
 */
export function coverageByVault(
  vaultIds: string[],
  all: AlertingResources,
  settingsOf: (vaultId: string) => DiagnosticSettingsResource[] | undefined,
  subscriptionsOf: (topicId: string) => EventSubscriptionResource[] | undefined,
  appId: string,
  cmekRolesOf: (vaultId: string) => CmekRoles | undefined,
): Map<string, Coverage> {
  const out = new Map<string, Coverage>();
  for (const vaultId of vaultIds) {
    if (out.has(lower(vaultId))) continue;
    const settings = settingsOf(vaultId);
    const topic = all.systemTopics.find((t) => lower(t.properties.source) === lower(vaultId));
    out.set(
      lower(vaultId),
      settings
        ? coverageOf({
            botId: '',
            vaultId,
            appId,
            auditWorkspaceIds: auditDestinations(settings).flatMap((d) =>
              d.workspaceId ? [d.workspaceId] : [],
            ),
            rules: all.rules,
            activityAlerts: all.activityAlerts,
            systemTopics: all.systemTopics,
            eventSubscriptions: topic ? subscriptionsOf(topic.id) : [],
            actionGroups: all.actionGroups,
            cmekRoles: cmekRolesOf(vaultId),
          })
        : 'unknown',
    );
  }
  return out;
}

/** A bot's coverage from its vault's (a bot whose vault is not visible cannot be judged). */
export function coverageOfBot(byVault: Map<string, Coverage> | undefined, vaultId: string | undefined) {
  if (!byVault) return undefined;
  return vaultId ? (byVault.get(lower(vaultId)) ?? 'unknown') : 'unknown';
}
