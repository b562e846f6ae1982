import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { serverNow } from '../../arm/server-clock';
import type { Bot } from '../../arm/types/bot';
import { useSession } from '../../auth/session';
import { cmekPrincipalQuery } from '../../domain/cmek-queries';
import { evaluateReadiness, type Read, type ReadinessCheck } from '../../domain/readiness';
import { describeError } from '../../portal/arm-error-bar';
import { useFindVaultId } from '../../queries/find-vault';
import { keyVersionQuery, providerQuery, roleAssignmentsQuery, vaultQuery } from '../../queries/resources';
import { checkKeyUrl } from './key-url';

function read<T>(q: UseQueryResult<T>, enabled: boolean, notEnabledWhy: string): Read<T> {
  if (!enabled) return { error: notEnabledWhy };
  if (q.error) return { error: describeError(q.error).message };
  if (q.data !== undefined) return { value: q.data };
  return undefined;
}

export interface Readiness {
  checks: ReadinessCheck[];
  vaultId?: string;
  checking: boolean;
  recheck(): void;
}

/** Gathers what Azure says about the chosen key and its vault, then reads it against the prerequisites. */
export function useReadiness(bot: Bot | undefined, keyUrl: string): Readiness {
  const session = useSession();
  const parsed = checkKeyUrl(keyUrl);
  const parts = parsed.ok ? parsed : undefined;
  const found = useFindVaultId(parts?.vaultName);
  const vaultId = found.vaultId;
  const sub = vaultId?.split('/')[2];
  const vault = useQuery({ ...vaultQuery(vaultId ?? ''), enabled: vaultId !== undefined });
  const provider = useQuery({
    ...providerQuery(sub ?? '', 'Microsoft.BotService'),
    enabled: sub !== undefined,
  });
  const sps = useQuery({ ...cmekPrincipalQuery(session.account.tenantId), enabled: parts !== undefined });
  const rbac = vault.data?.properties.enableRbacAuthorization === true;
  const roles = useQuery({ ...roleAssignmentsQuery(vaultId ?? ''), enabled: vaultId !== undefined && rbac });
  const key = useQuery({
    ...keyVersionQuery(vaultId ?? '', parts?.keyName ?? '', parts?.version ?? ''),
    enabled: vaultId !== undefined && parts !== undefined,
  });

  const missingVault = found.notFound
    ? `No key vault named “${parts?.vaultName}” is in a subscription you can see, so Keyguard cannot check it.`
    : 'Looking for the key vault…';
  const checks = parts
    ? evaluateReadiness({
        botTenantId: bot?.properties.tenantId ?? bot?.properties.msaAppTenantId ?? session.account.tenantId,
        vaultId,
        vault: vaultId ? read(vault, true, '') : found.notFound ? { error: missingVault } : undefined,
        provider: read(provider, sub !== undefined, missingVault),
        cmekPrincipals: read(sps, true, ''),
        roleAssignments: rbac ? read(roles, true, '') : { value: [] },
        keyVersion: vaultId ? read(key, true, '') : found.notFound ? { error: missingVault } : undefined,
        nowMs: serverNow(),
      })
    : [];
  const checking =
    found.searching ||
    vault.isFetching ||
    provider.isFetching ||
    sps.isFetching ||
    roles.isFetching ||
    key.isFetching;
  return {
    checks,
    vaultId,
    checking,
    recheck: () => {
      // refetch() runs even a disabled query, so only what this key needs is asked again.
      if (!parts) return;
      void sps.refetch();
      if (!vaultId) return;
      void vault.refetch();
      void provider.refetch();
      void key.refetch();
      if (rbac) void roles.refetch();
    },
  };
}
