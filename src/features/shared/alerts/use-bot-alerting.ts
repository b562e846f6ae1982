import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { parseResourceId } from '../../../arm/resource-id';
import { useSession } from '../../../auth/session';
import { auditDestinations } from '../../../domain/audit-trail';
import { botServiceCmekApp } from '../../../domain/bot-service-principal';
import { coverageOf, tellingRules, type AlertingFacts } from '../../../domain/alerts/coverage';
import type { KeyAlertTarget } from '../../../domain/alerts/plan';
import { existingNotifications } from '../../../domain/alerts/existing';
import {
  actionGroupsQuery,
  activityLogAlertsQuery,
  eventSubscriptionsQuery,
  scheduledQueryRulesQuery,
  systemTopicsQuery,
} from '../../../queries/alerts';
import { diagnosticSettingsQuery, workspaceQuery } from '../../../queries/diagnostics';
import { roleAssignmentsQuery, vaultQuery } from '../../../queries/resources';
import { cmekPrincipalQuery } from '../../../queries/cmek-principal';
import { cmekRolesOf, type CmekRolesRead } from '../../../domain/alerts/cmek-roles';

const subOf = (id: string) => parseResourceId(id)?.subscriptionId ?? '';
const unique = (xs: string[]) => [...new Set(xs.filter(Boolean).map((x) => x.toLowerCase()))];

/**
 * What Azure holds about alerting around one bot's key: where the vault's audit log goes, the rules, alerts, Event
 * Grid topic and action groups in the subscriptions involved. Returns the facts, who is told, the coverage, and what
 * a new set-up would target.
 */
export function useBotAlerting(botId: string | undefined, vaultId: string) {
  const session = useSession();
  const appId = botServiceCmekApp.byCloud[session.cloud.name]?.appId;
  // The blade around this section reads these too and owns their failures (with its own Try again): mounting here
  // must not quietly read them again and take the blade's error away.
  const settings = useQuery({ ...diagnosticSettingsQuery(vaultId), retryOnMount: false });
  const vault = useQuery({ ...vaultQuery(vaultId), retryOnMount: false });
  const audit = useMemo(
    () => (settings.data ? auditDestinations(settings.data).filter((d) => d.workspaceId) : []),
    [settings.data],
  );
  const workspaceId = audit[0]?.workspaceId;
  const workspace = useQuery({ ...workspaceQuery(workspaceId ?? ''), enabled: !!workspaceId });
  const ruleSubs = unique(audit.map((a) => subOf(a.workspaceId ?? '')));
  const alertSubs = unique([subOf(vaultId), subOf(botId ?? '')]);
  const groupSubs = unique([...ruleSubs, ...alertSubs]);
  const rules = useQueries({ queries: ruleSubs.map((s) => scheduledQueryRulesQuery(s)) });
  const alerts = useQueries({ queries: alertSubs.map((s) => activityLogAlertsQuery(s)) });
  const groups = useQueries({ queries: groupSubs.map((s) => actionGroupsQuery(s)) });
  const topics = useQuery(systemTopicsQuery(subOf(vaultId)));
  const topic = topics.data?.find((t) => t.properties.source.toLowerCase() === vaultId.toLowerCase());
  const subscriptions = useQuery({ ...eventSubscriptionsQuery(topic?.id ?? ''), enabled: !!topic });
  // An RBAC vault's access may come from a role given above it, whose removal only an alert there sees.
  const rbac = vault.data ? vault.data.properties.enableRbacAuthorization === true : undefined;
  // Readiness reads these too and owns their failures, as above.
  const roles = useQuery({ ...roleAssignmentsQuery(vaultId), enabled: rbac === true, retryOnMount: false });
  const principal = useQuery({
    ...cmekPrincipalQuery(session.cloud, session.account.tenantId),
    enabled: rbac === true,
    retryOnMount: false,
  });
  const cmekRoles = cmekRolesOf({ id: vaultId, rbac }, roles.data, principal.data);
  // Once the reads have answered, roles that still cannot be told do not hold the other alerts back: the plan says
  // the role is not watched, and coverage stays short of complete.
  const rolesSettled =
    rbac === false || (rbac === true && roles.status !== 'pending' && principal.status !== 'pending');
  const planRoles: CmekRolesRead | undefined = cmekRoles ?? (rolesSettled ? 'unread' : undefined);

  const all = <T>(qs: { data?: T[] }[]) =>
    qs.every((q) => q.data) ? qs.flatMap((q) => q.data ?? []) : undefined;
  const facts: AlertingFacts | undefined = appId
    ? {
        botId: botId ?? '',
        vaultId,
        appId,
        auditWorkspaceIds: audit.flatMap((a) => (a.workspaceId ? [a.workspaceId] : [])),
        rules: settings.data ? all(rules) : undefined,
        activityAlerts: all(alerts),
        systemTopics: topics.data,
        eventSubscriptions: topic ? subscriptions.data : [],
        actionGroups: all(groups),
        cmekRoles,
      }
    : undefined;
  const telling = facts ? tellingRules(facts) : [];
  const coverage = facts ? coverageOf(facts, telling) : 'unknown';
  // The vault, its settings and workspace are the blades' own reads, which show their failures: only the alerting
  // lists' are said here.
  const errors = [topics, subscriptions, roles, principal, ...rules, ...alerts, ...groups]
    .map((q) => q.error)
    .filter((e): e is Error => e !== null);
  const loading = [settings, vault, topics, roles, principal, ...rules, ...alerts, ...groups].some(
    (q) => q.isPending && q.fetchStatus !== 'idle',
  );
  const v = vault.data;
  // Set up only on what was read: an unread topic list would plan a second topic, unread groups an unchecked name.
  const readAll =
    facts?.rules &&
    facts.activityAlerts &&
    facts.systemTopics &&
    facts.actionGroups &&
    (!topic || subscriptions.data) &&
    planRoles;
  const target: KeyAlertTarget | undefined =
    appId && v && settings.data && readAll && (!workspaceId || workspace.data)
      ? {
          bot: botId ? { id: botId, name: parseResourceId(botId)?.name ?? botId } : undefined,
          vault: { id: v.id, name: v.name, location: v.location ?? '' },
          audit:
            workspaceId && workspace.data
              ? {
                  workspaceId,
                  workspaceLocation: workspace.data.location ?? '',
                  resourceSpecific: audit[0]?.resourceSpecific ?? true,
                }
              : undefined,
          appId,
          systemTopic: topic ? { id: topic.id, name: topic.name } : undefined,
          existing: facts ? existingNotifications(facts) : undefined,
          cmekRoles: planRoles,
        }
      : undefined;
  const refetch = () => {
    for (const q of [settings, topics, subscriptions, ...rules, ...alerts, ...groups]) void q.refetch();
    if (rbac) for (const q of [roles, principal]) void q.refetch();
  };
  return {
    facts,
    telling,
    coverage,
    errors,
    loading,
    target,
    actionGroups: all(groups) ?? [],
    /** Undefined in a cloud whose Bot Service CMEK Prod application Keyguard does not know. */
    appId,
    refetch,
  };
}
