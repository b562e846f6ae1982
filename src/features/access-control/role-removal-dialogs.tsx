import { Text } from '@fluentui/react-components';
import { unverifiedHolderText } from '../../domain/keys/access-guard';
import { ConfirmDialog } from '../../portal/confirm-dialog';
import { KeyGuardDialog } from '../shared/key-guard-dialog';
import type { useRoleRemoval } from './use-role-removal';

/** Removing a role assignment: a plain confirmation, or the key guard when a bot may need what it gives. */
export function RoleRemovalDialogs({
  removal,
  vaultName,
}: {
  removal: ReturnType<typeof useRoleRemoval>;
  vaultName: string;
}) {
  const c = removal.confirming;
  const who = c ? (c.removal.principal?.displayName ?? c.removal.assignment.properties.principalId) : '';
  if (c && c.guarded.length > 0)
    return (
      <KeyGuardDialog
        open
        title={
          removal.verdict.impacts.length > 0 && c.guarded.every((g) => g.holder.holder === 'bot-service')
            ? 'These bots will stop working'
            : 'Bots may stop working'
        }
        action="Remove anyway"
        verdict={removal.verdict}
        caveats={c.guarded.map((g) =>
          [`${g.who} loses ${g.lost.join(', ')} on ${vaultName}.`, unverifiedHolderText(g)]
            .filter(Boolean)
            .join(' '),
        )}
        onConfirm={removal.confirm}
        onCancel={removal.cancel}
      />
    );
  return (
    <ConfirmDialog
      open={c !== undefined}
      title="Remove role assignment?"
      confirmLabel="Remove"
      danger
      onConfirm={removal.confirm}
      onCancel={removal.cancel}
    >
      <Text block>
        {who} loses the role {c?.removal.roleName} on {vaultName} at once.
      </Text>
    </ConfirmDialog>
  );
}
