import { Text } from '@fluentui/react-components';
import { ConfirmDialog } from '../../portal/confirm-dialog';
import { KeyGuardDialog } from '../shared/key-guard-dialog';
import { CliPathDialog } from './cli-path-dialog';
import type { KeyActionFlow } from './use-key-action';

const titles: Record<string, [string, string]> = {
  'set-enabled': ['Disable this key version?', 'Disable anyway'],
  'set-expiry': ['Set this expiry?', 'Set expiry anyway'],
  delete: ['Delete this key?', 'Delete anyway'],
  rotate: ['Rotate this key now?', 'Rotate now'],
};

/** The guard (or a plain confirmation) before a key action, and the command path when there is no gateway. */
export function KeyActionDialogs({ flow, vaultId }: { flow: KeyActionFlow; vaultId: string }) {
  const c = flow.confirming;
  const [title, verb] = titles[c?.action.kind ?? ''] ?? ['Go ahead?', 'Go ahead'];
  return (
    <>
      {c?.verdict ? (
        <KeyGuardDialog
          open
          title={c.verdict.impacts.length ? `${title.replace(/\?$/, '')}: bots will stop` : title}
          action={verb}
          verdict={c.verdict}
          onConfirm={flow.confirm}
          onCancel={flow.cancel}
        />
      ) : (
        <ConfirmDialog
          open={c !== undefined}
          title={title}
          confirmLabel={
            c?.action.kind === 'delete' ? 'Delete' : c?.action.kind === 'rotate' ? 'Rotate now' : 'Go ahead'
          }
          danger={c?.action.kind === 'delete'}
          onConfirm={flow.confirm}
          onCancel={flow.cancel}
        >
          {c?.action.kind === 'delete' && (
            <Text block>
              {c.action.keyName} is soft-deleted: it stays recoverable (Deleted keys) until the vault’s
              retention ends. No bot uses it now or used it this week.
            </Text>
          )}
          {c?.action.kind === 'rotate' && (
            <Text block>
              Key Vault makes a new version of {c.action.keyName}. Bots keep using the version in their Key
              URL until you move them to the new one.
            </Text>
          )}
        </ConfirmDialog>
      )}
      {flow.cli && (
        <CliPathDialog cli={flow.cli} vaultId={vaultId} check={flow.checkAgain} onClose={flow.closeCli} />
      )}
    </>
  );
}
