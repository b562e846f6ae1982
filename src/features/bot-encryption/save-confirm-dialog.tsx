import { Text } from '@fluentui/react-components';
import type { ReadinessCheck } from '../../domain/readiness/types';
import { ConfirmDialog } from '../../portal/confirm-dialog';
import type { EncryptionState } from '../../domain/bot-encryption';
import { describeChange, type EncryptionTarget } from './encryption-form';

/** Save shows exactly what will change, and warns with the list when the readiness check has failures. */
export function SaveConfirmDialog({
  open,
  base,
  target,
  failures,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  base: EncryptionState;
  target: EncryptionTarget;
  failures: ReadinessCheck[];
  onConfirm(): void;
  onCancel(): void;
}) {
  const lines = describeChange(base, target);
  return (
    <ConfirmDialog
      open={open}
      title="Save encryption settings?"
      confirmLabel={failures.length ? 'Save anyway' : 'Save'}
      danger={failures.length > 0}
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      <Text block>This will change:</Text>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      {failures.length > 0 && (
        <>
          <Text block weight="semibold">
            The readiness check found problems; Azure is likely to refuse the key:
          </Text>
          <ul>
            {failures.map((c) => (
              <li key={c.id}>
                {c.label}: {c.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <Text block>Encryption then runs for up to 24 hours; the bot keeps working meanwhile.</Text>
    </ConfirmDialog>
  );
}
