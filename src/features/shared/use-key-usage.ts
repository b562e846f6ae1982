import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { isArmError } from '../../arm/errors';
import { useSession } from '../../auth/session';
import { auditDestinations } from '../../domain/audit-trail';
import { botServiceCmekApp } from '../../domain/bot-service-principal';
import { summarizeUsage } from '../../domain/history/key-usage';
import { keyUsageQuery, type KeyUsageScope } from '../../domain/history/key-usage-query';
import { diagnosticSettingsQuery, keyUsageQueryOptions, workspaceQuery } from '../../queries/diagnostics';

/**
 * Bot Service CMEK Prod's calls on a vault's key (every version) or on all its keys, from the workspace its audit log
 * goes to. Each step says what went wrong: no audit log, a workspace that cannot be read, a query refused or
 * unreachable (then the query itself is offered, to run in the portal's Logs).
 */
export function useKeyUsage(vaultId: string, keyUrl: string | undefined, days: number, enabled = true) {
  const session = useSession();
  const settings = useQuery({ ...diagnosticSettingsQuery(vaultId), enabled });
  const destinations = useMemo(
    () => (settings.data ? auditDestinations(settings.data).filter((d) => d.workspaceId) : []),
    [settings.data],
  );
  const [chosen, setChosen] = useState<string>();
  const workspaceId =
    destinations.find((d) => d.workspaceId === chosen)?.workspaceId ?? destinations[0]?.workspaceId;
  const workspace = useQuery({ ...workspaceQuery(workspaceId ?? ''), enabled: enabled && !!workspaceId });
  const customerId = workspace.data?.properties.customerId;
  const app = botServiceCmekApp.byCloud[session.cloud.name];
  const scope: KeyUsageScope | undefined = app ? { vaultId, keyUrl, appId: app.appId, days } : undefined;
  const usage = useQuery({
    ...keyUsageQueryOptions(customerId ?? '', scope ?? { vaultId, appId: '', days }),
    enabled: enabled && !!customerId && !!scope,
  });
  const summary = useMemo(() => (usage.data ? summarizeUsage(usage.data) : undefined), [usage.data]);
  const portalLogs =
    session.portalUrl && workspaceId
      ? `${session.portalUrl}/#@${session.account.tenantId}/resource${workspaceId}/logs`
      : undefined;
  return {
    settings,
    destinations,
    workspaceId,
    chooseWorkspace: setChosen,
    workspace,
    usage,
    summary,
    kql: scope ? keyUsageQuery(scope) : undefined,
    /** The browser never got an answer (a network or CORS failure): the query can still be run in the portal. */
    unreachable: isArmError(usage.error) && usage.error.status === 0,
    portalLogs,
    appKnown: app !== undefined,
  };
}

export type KeyUsage = ReturnType<typeof useKeyUsage>;
