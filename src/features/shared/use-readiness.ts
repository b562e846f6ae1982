import { useQuery } from '@tanstack/react-query';
import { parseResourceId } from '../../arm/resource-id';
import { serverNow } from '../../arm/server-clock';
import type { Bot } from '../../arm/types/bot';
import type { Vault } from '../../arm/types/key-vault';
import { useSession } from '../../auth/session';
import { grantableCmekObjectId } from '../../domain/bot-service-principal';
import { stateOfBot } from '../../domain/bot-encryption';
import { sameKeyUrl, type VersionedKeyUrl } from '../../domain/key-url';
import { evaluateReadiness, readinessSummary, type ReadinessSummary } from '../../domain/readiness/evaluate';
import { cmekGranteeIds } from '../../domain/readiness/permission-check';
import type { ReadinessCheck } from '../../domain/readiness/types';
import { read } from './read-of';
import { useAfterFirstPaint } from '../../portal/use-after-first-paint';
import { cmekPrincipalQuery } from '../../queries/cmek-principal';
import { diagnosticSettingsQuery } from '../../queries/diagnostics';
import { directoryObjectsQuery } from '../../queries/directory';
import { useFindVaultId } from '../../queries/find-vault';
import {
  keyVersionQuery,
  keyVersionsQuery,
  providerQuery,
  roleAssignmentsQuery,
  subscriptionsQuery,
  vaultQuery,
} from '../../queries/resources';
import { subscriptionById } from '../../domain/subscription-by-id';

export interface Readiness {
  checks: ReadinessCheck[];
  summary: ReadinessSummary;
  vaultId?: string;
  /** What the fixes and their code need: the vault as read, and Microsoft's principal when it exists. */
  vault?: Vault;
  principalObjectId?: string;
  checking: boolean;
  recheck(): void;
}

/**
 * Gathers what Azure says about a key and its vault, then reads it against the prerequisites. The reads start once
 * the blade has painted: showing the bot comes first.
 */
export function useReadiness(bot: Bot | undefined, key: VersionedKeyUrl | undefined): Readiness {
  const session = useSession();
  const painted = useAfterFirstPaint(bot !== undefined);
  const parts = painted ? key : undefined;
  const found = useFindVaultId(parts?.vaultName);
  const vaultId = found.vaultId;
  const sub = vaultId ? parseResourceId(vaultId)?.subscriptionId : undefined;
  const subs = useQuery({ ...subscriptionsQuery(), enabled: bot !== undefined && parts !== undefined });
  const vault = useQuery({ ...vaultQuery(vaultId ?? ''), enabled: vaultId !== undefined });
  const provider = useQuery({
    ...providerQuery(sub ?? '', 'Microsoft.BotService'),
    enabled: sub !== undefined,
  });
  const principal = useQuery({
    ...cmekPrincipalQuery(session.cloud, session.account.tenantId),
    enabled: parts !== undefined,
  });
  const rbac = vault.data?.properties.enableRbacAuthorization === true;
  const roles = useQuery({ ...roleAssignmentsQuery(vaultId ?? ''), enabled: vaultId !== undefined && rbac });
  const diagnostics = useQuery({
    ...diagnosticSettingsQuery(vaultId ?? ''),
    enabled: vaultId !== undefined,
  });
  const versionsRead = useQuery({
    ...keyVersionsQuery(vaultId ?? '', parts?.keyName ?? ''),
    enabled: vaultId !== undefined && parts !== undefined,
  });
  const keyRead = useQuery({
    ...keyVersionQuery(vaultId ?? '', parts?.keyName ?? '', parts?.version ?? ''),
    enabled: vaultId !== undefined && parts !== undefined,
  });
  // Whoever else holds the access Azure Bot Service needs, named, so a lookalike is called out as one.
  const principalObjectId = grantableCmekObjectId(principal.data);
  const granteeIds = vault.data ? cmekGranteeIds(vault.data, roles.data, principalObjectId) : [];
  const grantees = useQuery({ ...directoryObjectsQuery(granteeIds), enabled: granteeIds.length > 0 });

  const botSub = bot ? parseResourceId(bot.id)?.subscriptionId.toLowerCase() : undefined;
  const botTenantId = subscriptionById(subs.data, botSub)?.tenantId;
  const missingVault = found.notFound
    ? `No key vault named “${parts?.vaultName}” is in a subscription you can see, so Keyguard cannot check it.`
    : 'Looking for the key vault…';
  const saved = bot ? stateOfBot(bot) : undefined;
  const inUse =
    saved?.cmek === true && saved.key !== undefined && parts !== undefined && sameKeyUrl(saved.key, parts);
  const checks = parts
    ? evaluateReadiness({
        cloud: session.cloud.name,
        botTenantId,
        vaultId,
        vault: vaultId ? read(vault, true, '') : found.notFound ? { error: missingVault } : undefined,
        provider: read(provider, sub !== undefined, missingVault),
        cmekPrincipal: read(principal, true, ''),
        roleAssignments: rbac ? read(roles, true, '') : { value: [] },
        otherGrantees: granteeIds.length ? read(grantees, true, '') : { value: [] },
        keyVersion: vaultId ? read(keyRead, true, '') : found.notFound ? { error: missingVault } : undefined,
        keyInUse: inUse,
        diagnosticSettings: vaultId ? read(diagnostics, true, '') : undefined,
        keyVersions: vaultId ? read(versionsRead, true, '') : undefined,
        nowMs: serverNow(),
      })
    : [];
  return {
    checks,
    summary: readinessSummary(checks),
    vaultId,
    vault: vault.data,
    principalObjectId,
    checking:
      found.searching ||
      vault.isFetching ||
      provider.isFetching ||
      principal.isFetching ||
      roles.isFetching ||
      keyRead.isFetching ||
      diagnostics.isFetching,
    recheck: () => {
      // refetch() runs even a disabled query, so only what this key needs is asked again.
      if (!parts) return;
      void principal.refetch();
      if (!vaultId) return;
      void vault.refetch();
      void provider.refetch();
      void keyRead.refetch();
      void versionsRead.refetch();
      void diagnostics.refetch();
      if (rbac) void roles.refetch();
    },
  };
}
