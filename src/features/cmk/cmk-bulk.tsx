import type { ActionGroupResource } from '../../arm/types/alerts';
import { BulkConfirm } from './bulk-confirm';
import { BulkMenu } from './bulk-menu';
import { BulkProgress } from './bulk-progress';
import type { CmkBulkState } from './use-cmk-bulk';

/** The fixes menu for the selected bots and the running fix's progress, above the table. */
export function CmkBulkBar({ bulk }: { bulk: CmkBulkState }) {
  return (
    <>
      <BulkMenu
        selected={bulk.selected}
        plans={bulk.plans}
        disabled={bulk.run?.running === true}
        onChoose={bulk.choose}
      />
      {bulk.run && (
        <BulkProgress
          run={bulk.run}
          onStop={bulk.stop}
          onRetryFailed={bulk.retryFailed}
          onRunRest={bulk.runRest}
          onClose={bulk.close}
        />
      )}
    </>
  );
}

/** The confirmation of the fix chosen, with every change it will make. */
export function CmkBulkConfirm({
  bulk,
  actionGroups,
  defaultEmail,
}: {
  bulk: CmkBulkState;
  actionGroups: ActionGroupResource[];
  defaultEmail: string;
}) {
  return bulk.confirming ? (
    <BulkConfirm
      kind={bulk.confirming.kind}
      items={bulk.confirming.items}
      actionGroups={actionGroups}
      defaultEmail={defaultEmail}
      onCancel={bulk.cancel}
      onConfirm={bulk.confirm}
    />
  ) : null;
}
