import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { botServiceCmekApp, notGrantableReason } from '../../domain/bot-service-principal';
import { cmekRoleName, isCmekRole } from '../../domain/cmek';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { useBlade } from '../../portal/blade/blade-context';
import { resourceHash } from '../../portal/navigation/routes';
import { RouterLink } from '../../portal/navigation/router-link';
import { useGrantCmekAccess } from '../../queries/mutations/use-grant-cmek-access';
import { roleAssignmentsQuery } from '../../queries/resources';
import { usePrincipalTrust } from './use-principal-trust';

const name = botServiceCmekApp.displayName;

/**
 * On an RBAC-mode vault: access policies are ignored; Microsoft's Bot Service CMEK Prod needs a role instead, which can
 * be given here. Only the principal found by application id counts; a lookalike holding the role changes nothing.
 */
export function CmekRolePanel() {
  const blade = useBlade();
  const { lookup } = usePrincipalTrust();
  const assignments = useQuery(roleAssignmentsQuery(blade.resourceId));
  const grant = useGrantCmekAccess(blade.resourceId);
  const principal = lookup.data?.status === 'found' ? lookup.data.principal : undefined;
  const has =
    principal &&
    assignments.data?.some(
      (a) =>
        a.properties.principalId.toLowerCase() === principal.id.toLowerCase() &&
        isCmekRole(a.properties.roleDefinitionId),
    );
  return (
    <>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This key vault uses Azure role-based access control</MessageBarTitle>
          Access policies are ignored on this vault. Azure Bot Service needs the role “{cmekRoleName}” for
          Microsoft’s service principal “{name}” on the vault, assigned in{' '}
          <RouterLink href={resourceHash(blade.resourceId, 'iam', blade.tenant)}>
            Access control (IAM)
          </RouterLink>
          .
        </MessageBarBody>
      </MessageBar>
      {lookup.error ? <ArmErrorBar error={lookup.error} title={`${name} could not be looked up`} /> : null}
      {assignments.error ? (
        <ArmErrorBar error={assignments.error} title="Role assignments could not be listed" />
      ) : null}
      {grant.error ? <ArmErrorBar error={grant.error} title="The role could not be assigned" /> : null}
      {(lookup.isLoading || assignments.isLoading) && (
        <Spinner size="tiny" label="Checking role assignments…" />
      )}
      {lookup.data && lookup.data.status !== 'found' && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {notGrantableReason(lookup.data)} CMK readiness on the bot offers the fix.
          </MessageBarBody>
        </MessageBar>
      )}
      {principal && assignments.data && (
        <MessageBar intent={has ? 'success' : 'warning'}>
          <MessageBarBody>
            {has
              ? `${name} (${principal.id}) holds ${cmekRoleName} on this vault.`
              : `${name} (${principal.id}) does not hold ${cmekRoleName} on this vault.`}
          </MessageBarBody>
          {!has && (
            <MessageBarActions>
              <Button
                appearance="primary"
                disabled={grant.isPending}
                onClick={() => grant.mutate('role-assignment')}
              >
                Assign the role
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
    </>
  );
}
