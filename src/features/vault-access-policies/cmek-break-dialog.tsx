import { parseResourceId } from '../../arm/resource-id';
import { Checkbox, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { Bot } from '../../arm/types/bot';
import { ConfirmDialog } from '../../portal/confirm-dialog';

/**
 * The doc's revoke warning, where revoking happens: removing Get, Wrap Key or Unwrap Key from Bot Service CMEK Prod
 * while bots use this vault stops those bots, and Microsoft cannot recover them. The user must tick before going on.
 */
export function CmekBreakDialog({
  open,
  action,
  bots,
  unchecked = [],
  onConfirm,
  onCancel,
}: {
  open: boolean;
  action: string;
  bots: Bot[];
  /** Subscriptions whose bots could not be listed. */
  unchecked?: string[];
  onConfirm(): void;
  onCancel(): void;
}) {
  const [understood, setUnderstood] = useState(false);
  return (
    <ConfirmDialog
      open={open}
      title={bots.length > 0 ? 'These bots will stop working' : 'Bots may stop working'}
      confirmLabel={action}
      danger
      confirmDisabled={!understood}
      onCancel={() => (setUnderstood(false), onCancel())}
      onConfirm={() => (setUnderstood(false), onConfirm())}
    >
      <Text block>
        Bot Service CMEK Prod would lose Get, Wrap Key or Unwrap Key on this vault. These bots encrypt their
        data with a key of this vault{bots.length > 0 ? ':' : ' (as far as could be checked): none listed.'}
      </Text>
      <ul>
        {bots.map((b) => (
          <li key={b.id}>
            <strong>{b.name}</strong> ({parseResourceId(b.id)?.resourceGroup})
          </li>
        ))}
      </ul>
      {unchecked.length > 0 && (
        <Text block>
          The bots of {unchecked.join(', ')} could not be listed: bots there that use a key of this vault stop
          too.
        </Text>
      )}
      <Text block>
        Revoking access breaks them: they can no longer send or receive messages, and their configuration can
        no longer be read or changed. The Azure Bot Service team cannot recover a bot without access to its
        key. Turn customer-managed keys off on each bot first (Encryption blade), wait until it reports
        Microsoft-managed keys, then revoke access.
      </Text>
      <Checkbox
        checked={understood}
        onChange={(_, d) => setUnderstood(d.checked === true)}
        label={
          bots.length > 0
            ? 'I understand that these bots will stop working'
            : 'I understand that bots I could not check may stop working'
        }
      />
    </ConfirmDialog>
  );
}
