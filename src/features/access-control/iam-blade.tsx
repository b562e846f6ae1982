import { Button, makeStyles, Spinner, Text, tokens, ToolbarButton } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { parseResourceId } from '../../arm/resource-id';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { useBlade } from '../../portal/blade/blade-context';
import { BladeFrame } from '../../portal/blade/blade-frame';
import { directoryObjectsQuery } from '../../queries/directory';
import { roleAssignmentsQuery, roleDefinitionsQuery, vaultQuery } from '../../queries/resources';
import { CmekRolePanel } from '../shared/cmek-role-panel';
import { LookalikeNote, PrincipalTrustBadge } from '../shared/principal-trust-badge';
import { usePrincipalTrust } from '../shared/use-principal-trust';
import { RoleRemovalDialogs } from './role-removal-dialogs';
import { useRoleRemoval } from './use-role-removal';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse' },
  cell: {
    textAlign: 'left',
    padding: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    overflowWrap: 'anywhere',
    verticalAlign: 'top',
  },
  name: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, alignItems: 'start' },
});

const guidOf = (roleDefinitionId: string) => roleDefinitionId.split('/').pop()?.toLowerCase() ?? '';

/**
 * Access control (IAM) of a bot, key vault or subscription: the role assignments in effect at its scope (inherited
 * ones included), with names. On an RBAC vault, the Bot Service CMEK role in one click.
 */
export default function IamBlade() {
  const styles = useStyles();
  const blade = useBlade();
  const isVault = parseResourceId(blade.resourceId)?.type.toLowerCase() === 'microsoft.keyvault/vaults';
  const vault = useQuery({ ...vaultQuery(blade.resourceId), enabled: isVault });
  const assignments = useQuery(roleAssignmentsQuery(blade.resourceId));
  const definitions = useQuery(roleDefinitionsQuery(blade.resourceId));
  const { trustOf } = usePrincipalTrust();
  const ids = useMemo(
    () => [...new Set((assignments.data ?? []).map((a) => a.properties.principalId))],
    [assignments.data],
  );
  const principals = useQuery({ ...directoryObjectsQuery(ids), enabled: ids.length > 0 });
  const principalOf = (id: string) => principals.data?.find((p) => p.id.toLowerCase() === id.toLowerCase());
  const roleName = (id: string) =>
    definitions.data?.find((d) => guidOf(d.id) === guidOf(id))?.properties.roleName ?? guidOf(id);
  const removal = useRoleRemoval(isVault ? vault.data : undefined);
  // On a vault, roles given at the vault can be removed here (through the guard); others at their own scope.
  const removable = (scope: string | undefined) =>
    isVault && vault.data !== undefined && scope?.toLowerCase() === blade.resourceId.toLowerCase();
  return (
    <BladeFrame
      commands={
        <ToolbarButton icon={<ArrowClockwiseRegular />} onClick={() => void assignments.refetch()}>
          Refresh
        </ToolbarButton>
      }
    >
      {isVault &&
        (vault.data?.properties.enableRbacAuthorization ? (
          <CmekRolePanel />
        ) : vault.data ? (
          <Text>
            This vault uses access policies for data access; role assignments here govern management of the
            vault.
          </Text>
        ) : null)}
      {assignments.error ? (
        <ArmErrorBar error={assignments.error} title="Role assignments could not be listed" />
      ) : null}
      {removal.mutation.error ? (
        <ArmErrorBar error={removal.mutation.error} title="The role assignment could not be removed" />
      ) : null}
      {principals.error ? (
        <ArmErrorBar
          error={principals.error}
          title="Principal names could not be looked up; object ids are shown"
        />
      ) : null}
      {assignments.isLoading ? (
        <Spinner label="Loading role assignments…" />
      ) : (
        <table className={styles.table} aria-label="Role assignments">
          <thead>
            <tr>
              {['Principal', 'Type', 'Role', 'Scope', ...(isVault ? ['Actions'] : [])].map((h) => (
                <th key={h} className={styles.cell} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(assignments.data ?? []).map((a) => {
              const p = principalOf(a.properties.principalId);
              const trust = trustOf(p ?? { id: a.properties.principalId });
              return (
                <tr key={a.id}>
                  <td className={styles.cell}>
                    <span className={styles.name}>
                      {p?.displayName ?? a.properties.principalId}
                      <PrincipalTrustBadge trust={trust} />
                      {trust === 'lookalike' && p && <LookalikeNote principal={p} />}
                    </span>
                  </td>
                  <td className={styles.cell}>{a.properties.principalType ?? '—'}</td>
                  <td className={styles.cell}>{roleName(a.properties.roleDefinitionId)}</td>
                  <td className={styles.cell}>
                    {a.properties.scope?.toLowerCase() === blade.resourceId.toLowerCase()
                      ? 'This resource'
                      : (a.properties.scope ?? '—')}
                  </td>
                  {isVault && (
                    <td className={styles.cell}>
                      {removable(a.properties.scope) ? (
                        <Button
                          size="small"
                          disabled={removal.mutation.isPending}
                          onClick={() =>
                            removal.request({
                              assignment: a,
                              roleName: roleName(a.properties.roleDefinitionId),
                              principal: p,
                            })
                          }
                        >
                          Remove {roleName(a.properties.roleDefinitionId)} from{' '}
                          {p?.displayName ?? a.properties.principalId}
                        </Button>
                      ) : (
                        <Text size={200}>Inherited</Text>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <RoleRemovalDialogs removal={removal} vaultName={blade.resourceName} />
    </BladeFrame>
  );
}
