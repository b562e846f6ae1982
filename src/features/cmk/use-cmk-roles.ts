import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { RoleAssignment } from '../../arm/types/resources';
import type { Vault } from '../../arm/types/key-vault';
import { useSession } from '../../auth/session';
import { cmekRolesOf, type CmekRoles } from '../../domain/alerts/cmek-roles';
import { isBare } from '../../domain/cmk/key-facts';
import { cmekPrincipalQuery } from '../../queries/cmek-principal';
import { cmkVaultsQueryOptions, oneOfMany } from '../../queries/cmk';
import { roleAssignmentsQuery, vaultQuery } from '../../queries/resources';
import { combineReads } from './combine-reads';

const lower = (s: string) => s.toLowerCase();

/**
 * Bot Service CMEK Prod's roles on each of these vaults (none on a vault with access policies), for the page's Alerts
 * column: the permission model as the vault itself says where Resource Graph's row lacks it, the RBAC vaults' role
 * assignments, and Microsoft's principal. Undefined for a vault whose roles cannot be told.
 *
 * The risk checks read all of these (same keys) and own their failures: here they are only looked at, never fetched
 * on mount. An observer switched on over a failed read would fetch it again, which the page counts as checking, which
 * switched this one off again: a loop. Retry reads again only what failed.
 */
export function useCmkRoles(vaultIds: string[]) {
  const session = useSession();
  const passive = { enabled: false } as const;
  const rows = useQuery({ ...cmkVaultsQueryOptions('tenant'), ...passive });
  const principal = useQuery({ ...cmekPrincipalQuery(session.cloud, session.account.tenantId), ...passive });
  const rowOf = useMemo(() => new Map((rows.data ?? []).map((v) => [lower(v.id), v])), [rows.data]);
  const bareIds = useMemo(
    () =>
      vaultIds.filter((id) => {
        const row = rowOf.get(lower(id));
        return row !== undefined && isBare(row);
      }),
    [vaultIds, rowOf],
  );
  const armVaults = useQueries({
    queries: bareIds.map((id) => ({ ...oneOfMany(vaultQuery(id)), ...passive })),
    combine: combineReads<Vault>,
  });
  const rbacOf = useMemo(() => {
    const fromArm = new Map(bareIds.map((id, i) => [lower(id), armVaults.data[i]]));
    return (id: string): boolean | undefined => {
      const row = rowOf.get(lower(id));
      if (!row) return undefined;
      const vault = isBare(row) ? fromArm.get(lower(id)) : row;
      return vault ? vault.properties.enableRbacAuthorization === true : undefined;
    };
  }, [bareIds, armVaults.data, rowOf]);
  const rbacIds = useMemo(() => vaultIds.filter((id) => rbacOf(id)), [vaultIds, rbacOf]);
  const roles = useQueries({
    queries: rbacIds.map((id) => ({ ...oneOfMany(roleAssignmentsQuery(id)), ...passive })),
    combine: combineReads<RoleAssignment[]>,
  });
  const rolesOf = useMemo(() => {
    const byId = new Map(rbacIds.map((id, i) => [lower(id), roles.data[i]]));
    return (id: string): CmekRoles | undefined =>
      cmekRolesOf({ id, rbac: rbacOf(id) }, byId.get(lower(id)), principal.data);
  }, [rbacIds, roles.data, rbacOf, principal.data]);
  return {
    rolesOf,
    /** The first read that failed: those vaults' coverage stays not known. */
    error: rows.error ?? principal.error ?? armVaults.error ?? roles.error ?? undefined,
    retry: () => {
      if (rows.error) void rows.refetch();
      if (principal.error) void principal.refetch();
      armVaults.refetch();
      roles.refetch();
    },
  };
}
