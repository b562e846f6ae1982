import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../auth/session';
import { cmekPrincipalName, cmekRoleName, isCmekRole } from '../../domain/cmek';
import { cmekPrincipalQuery } from '../../domain/cmek-queries';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { useBlade } from '../../portal/blade/blade-context';
import { resourceHash } from '../../portal/navigation/routes';
import { RouterLink } from '../../portal/navigation/router-link';
import { roleAssignmentsQuery } from '../../queries/resources';
import { useGrantCmekRole } from '../../queries/mutations/use-grant-cmek-role';

/** On an RBAC-mode vault: access policies are ignored; the Bot Service needs a role instead, which can be given here. */
export function RbacPanel() {
  const blade = useBlade();
  const session = useSession();
  const sp = useQuery(cmekPrincipalQuery(session.account.tenantId));
  const assignments = useQuery(roleAssignmentsQuery(blade.resourceId));
  const grant = useGrantCmekRole(blade.resourceId, blade.resourceName);
  const principal = sp.data?.[0];
  const has =
    principal &&
    assignments.data?.some(
      (a) => a.properties.principalId === principal.id && isCmekRole(a.properties.roleDefinitionId),
    );
  return (
    <>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This key vault uses Azure role-based access control</MessageBarTitle>
          Access policies are ignored on this vault. Azure Bot Service needs the role “{cmekRoleName}” for the
          service principal “{cmekPrincipalName}” on the vault, assigned in{' '}
          <RouterLink href={resourceHash(blade.resourceId, 'iam', blade.tenant)}>
            Access control (IAM)
          </RouterLink>
          .
        </MessageBarBody>
      </MessageBar>
      {sp.error ? (
        <ArmErrorBar error={sp.error} title={`${cmekPrincipalName} could not be looked up`} />
      ) : null}
      {assignments.error ? (
        <ArmErrorBar error={assignments.error} title="Role assignments could not be listed" />
      ) : null}
      {grant.error ? <ArmErrorBar error={grant.error} title="The role could not be assigned" /> : null}
      {(sp.isLoading || assignments.isLoading) && <Spinner size="tiny" label="Checking role assignments…" />}
      {sp.data && sp.data.length === 0 && (
        <Text>
          {cmekPrincipalName} was not found in this directory. Register Microsoft.BotService on a subscription
          first.
        </Text>
      )}
      {principal && assignments.data && (
        <MessageBar intent={has ? 'success' : 'warning'}>
          <MessageBarBody>
            {has
              ? `${cmekPrincipalName} holds ${cmekRoleName} on this vault.`
              : `${cmekPrincipalName} (${principal.id}) does not hold ${cmekRoleName} on this vault.`}
          </MessageBarBody>
          {!has && (
            <MessageBarActions>
              <Button
                appearance="primary"
                disabled={grant.isPending}
                onClick={() => grant.mutate({ principalId: principal.id })}
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
