import { Text } from '@fluentui/react-components';
import { unverifiedHolderText, type AccessRemoval } from '../../domain/keys/access-guard';
import { ConfirmDialog } from '../../portal/confirm-dialog';
import { KeyGuardDialog } from '../shared/key-guard-dialog';
import type { useAccessPolicyChanges } from './use-access-policy-changes';

/** The delete confirmation and the revoke warning of the access-policy blades. */
export function PolicyChangeDialogs({
  changes,
  vaultName,
}: {
  changes: ReturnType<typeof useAccessPolicyChanges>;
  vaultName: string;
}) {
  const rows = changes.confirmingDelete ?? [];
  const held = changes.breakWarning;
  const unverified = held?.removals.some((r) => r.holder.holder === 'unverified') ?? false;
  const lookalikes = rows.filter((r) => r.trust === 'lookalike');
  return (
    <>
      <ConfirmDialog
        open={changes.confirmingDelete !== undefined}
        title="Delete access policies?"
        confirmLabel="Delete"
        danger
        onCancel={changes.cancelDelete}
        onConfirm={changes.confirmDelete}
      >
        <Text block>
          Delete the access policy of {rows.map((r) => r.name).join(', ')} on {vaultName}? They lose the
          access it gave at once.
        </Text>
        {lookalikes.length > 0 && (
          <Text block>
            {lookalikes.map((r) => `${r.name} (${r.entry.objectId})`).join(', ')}{' '}
            {lookalikes.length === 1 ? 'is a lookalike' : 'are lookalikes'} of Bot Service CMEK Prod, not
            Microsoft’s application: Azure Bot Service never used {lookalikes.length === 1 ? 'its' : 'their'}{' '}
            access, so no bot is affected.
          </Text>
        )}
      </ConfirmDialog>
      <KeyGuardDialog
        open={held !== undefined}
        title={
          changes.verdict.impacts.length > 0 && !unverified
            ? 'These bots will stop working'
            : 'Bots may stop working'
        }
        action={held?.change.kind === 'delete' ? 'Delete anyway' : 'Save anyway'}
        verdict={changes.verdict}
        caveats={(held?.removals ?? []).map(removalText)}
        onCancel={changes.cancelBreak}
        onConfirm={changes.confirmBreak}
      />
    </>
  );
}

/** What the change takes from one entry, and, when Keyguard could not tell whose it is, that it may be Bot Service's. */
function removalText(r: AccessRemoval): string {
  const lost = `${r.who} loses ${r.lost.join(', ')}.`;
  return [lost, unverifiedHolderText(r)].filter(Boolean).join(' ');
}
