import { makeStyles, Spinner, Text, tokens, ToolbarButton } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { directoryObjectsQuery } from '../../domain/cmek-queries';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { useBlade } from '../../portal/blade/blade-context';
import { BladeFrame } from '../../portal/blade/blade-frame';
import { roleAssignmentsQuery, vaultQuery } from '../../queries/resources';
import { RbacPanel } from '../vault-access-policies/rbac-panel';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse' },
  cell: {
    textAlign: 'left',
    padding: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    overflowWrap: 'anywhere',
  },
});

const roleNames: Record<string, string> = {
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  'acdd72a7-3385-48ef-bd42-f606fba81ae7': 'Reader',
  'e147488a-f6f5-4113-8e2d-b22465e65bf6': 'Key Vault Crypto Service Encryption User',
  '00482a5a-887f-4fb3-b363-3b7fe8e74483': 'Key Vault Administrator',
};

/** Access control (IAM) of a key vault: role assignments in effect here, and the Bot Service CMEK role in one click. */
export default function VaultIamBlade() {
  const styles = useStyles();
  const blade = useBlade();
  const vault = useQuery(vaultQuery(blade.resourceId));
  const assignments = useQuery(roleAssignmentsQuery(blade.resourceId));
  const ids = useMemo(
    () => [...new Set((assignments.data ?? []).map((a) => a.properties.principalId))],
    [assignments.data],
  );
  const principals = useQuery({ ...directoryObjectsQuery(ids), enabled: ids.length > 0 });
  const nameOf = (id: string) => principals.data?.find((p) => p.id === id)?.displayName ?? id;
  return (
    <BladeFrame
      title="Access control (IAM)"
      commands={
        <ToolbarButton icon={<ArrowClockwiseRegular />} onClick={() => void assignments.refetch()}>
          Refresh
        </ToolbarButton>
      }
    >
      {vault.data?.properties.enableRbacAuthorization ? (
        <RbacPanel />
      ) : (
        <Text>
          This vault uses access policies for data access; role assignments here govern management of the
          vault.
        </Text>
      )}
      {assignments.error ? (
        <ArmErrorBar error={assignments.error} title="Role assignments could not be listed" />
      ) : null}
      {assignments.isLoading ? (
        <Spinner label="Loading role assignments…" />
      ) : (
        <table className={styles.table} aria-label="Role assignments">
          <thead>
            <tr>
              <th className={styles.cell} scope="col">
                Principal
              </th>
              <th className={styles.cell} scope="col">
                Type
              </th>
              <th className={styles.cell} scope="col">
                Role
              </th>
              <th className={styles.cell} scope="col">
                Scope
              </th>
            </tr>
          </thead>
          <tbody>
            {(assignments.data ?? []).map((a) => (
              <tr key={a.id}>
                <td className={styles.cell}>{nameOf(a.properties.principalId)}</td>
                <td className={styles.cell}>{a.properties.principalType ?? '—'}</td>
                <td className={styles.cell}>
                  {roleNames[a.properties.roleDefinitionId.split('/').pop()?.toLowerCase() ?? ''] ??
                    a.properties.roleDefinitionId.split('/').pop()}
                </td>
                <td className={styles.cell}>
                  {a.properties.scope?.toLowerCase() === blade.resourceId.toLowerCase()
                    ? 'This resource'
                    : a.properties.scope}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </BladeFrame>
  );
}
