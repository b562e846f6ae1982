import { MessageBar, MessageBarBody, Text, ToolbarButton } from '@fluentui/react-components';
import { AddRegular, ArrowClockwiseRegular, DeleteRegular, KeyRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useLatest } from '../../portal/use-latest';
import type { Key } from '../../arm/types/key-vault';
import { dependentsOf } from '../../domain/keys/key-dependents';
import { policySummary } from '../../domain/keys/rotation-policy-form';
import { useBlade } from '../../portal/blade/blade-context';
import { BladeFrame } from '../../portal/blade/blade-frame';
import { navigate } from '../../portal/navigation/router';
import { resourceHash } from '../../portal/navigation/routes';
import { RouterLink } from '../../portal/navigation/router-link';
import { QueryState } from '../../portal/query-state';
import { VirtualTable, type Column } from '../../portal/virtual-table';
import { keysQuery, vaultQuery } from '../../queries/resources';
import { DeletedKeys } from './deleted-keys';
import { GenerateKeyDialog } from './generate-key-dialog';
import { KeyActionDialogs } from './key-action-dialogs';
import { KeyActionError } from './key-action-error';
import { ExpiryCell } from './keys-blade-cells';
import { UsedBy } from './used-by';
import { useKeyAction } from './use-key-action';

/**
 * Key vault → Keys: every key with its type, state, expiry and rotation policy, and which bots use it (now, or within
 * the week after they moved off it). Generate a key here (ARM); the rest of a key's life is on its own blade.
 */
export default function KeysBlade() {
  const blade = useBlade();
  const vaultId = blade.resourceId;
  const vault = useQuery(vaultQuery(vaultId));
  const keys = useQuery(keysQuery(vaultId));
  const flow = useKeyAction(vaultId, vault.data);
  const [view, setView] = useState<'active' | 'deleted'>(
    blade.query.view === 'deleted' ? 'deleted' : 'active',
  );
  const [generating, setGenerating] = useState(false);
  // Read when the key has been made: a dialog cancelled meanwhile does not take the admin to the new key.
  const generatingNow = useLatest(generating);
  const columns = useMemo<Column<Key>[]>(
    () => [
      {
        key: 'name',
        header: 'Name',
        width: 'minmax(180px, 1.4fr)',
        render: (k) => (
          <RouterLink href={resourceHash(vaultId, `keys/${k.name}`, blade.tenant)}>{k.name}</RouterLink>
        ),
      },
      {
        key: 'type',
        header: 'Type',
        width: 'minmax(90px, 0.6fr)',
        render: (k) => `${k.properties.kty ?? ''} ${k.properties.keySize ?? k.properties.curveName ?? ''}`,
      },
      {
        key: 'status',
        header: 'Status',
        width: 'minmax(90px, 0.6fr)',
        render: (k) => (k.properties.attributes?.enabled === false ? 'Disabled' : 'Enabled'),
      },
      {
        key: 'expiry',
        header: 'Expiration',
        width: 'minmax(170px, 1fr)',
        render: (k) => <ExpiryCell exp={k.properties.attributes?.exp} />,
      },
      {
        key: 'policy',
        header: 'Rotation policy',
        width: 'minmax(180px, 1.3fr)',
        render: (k) => policySummary(k.properties.rotationPolicy),
      },
      {
        key: 'used',
        header: 'Used by',
        width: 'minmax(180px, 1.3fr)',
        render: (k) => (
          <UsedBy
            uses={dependentsOf(flow.users.uses, { vaultName: flow.vaultName, keyName: k.name })}
            checking={flow.users.loading}
          />
        ),
      },
    ],
    [vaultId, blade.tenant, flow.users.uses, flow.users.loading, flow.vaultName],
  );
  const list = keys.data ?? [];
  return (
    <BladeFrame
      commands={
        <>
          <ToolbarButton
            icon={<AddRegular />}
            disabled={flow.mutation.isPending}
            onClick={() => (flow.mutation.reset(), setGenerating(true))}
          >
            Generate
          </ToolbarButton>
          <ToolbarButton
            icon={view === 'active' ? <DeleteRegular /> : <KeyRegular />}
            onClick={() => setView(view === 'active' ? 'deleted' : 'active')}
          >
            {view === 'active' ? 'Deleted keys' : 'Keys'}
          </ToolbarButton>
          <ToolbarButton
            icon={<ArrowClockwiseRegular />}
            disabled={keys.isFetching}
            onClick={() => (void keys.refetch(), flow.users.retry())}
          >
            Refresh
          </ToolbarButton>
        </>
      }
    >
      {flow.gateway === false && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            This deployment has no Keyguard gateway to Key Vault. Listing and generating keys works here
            (through Azure Resource Manager); new versions, enabling and disabling, expiry, rotation policies
            and deletion show the Azure CLI or PowerShell command to run, and Check again confirms the change.
          </MessageBarBody>
        </MessageBar>
      )}
      {flow.users.unknown.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>Used by may be incomplete: {flow.users.unknown.join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      {view === 'deleted' ? (
        <DeletedKeys vaultId={vaultId} flow={flow} />
      ) : (
        <>
          {keys.error ? (
            <KeyActionError error={keys.error} vaultId={vaultId} onRetry={() => void keys.refetch()} />
          ) : (
            <QueryState query={keys} what="keys" />
          )}
          <Text role="status" aria-live="polite">
            {keys.isLoading ? 'Loading keys…' : `${list.length} keys.`}
          </Text>
          <VirtualTable label="Keys" columns={columns} rows={list} rowKey={(k) => k.id} />
        </>
      )}
      {flow.mutation.error && !generating ? (
        <KeyActionError
          error={flow.mutation.error}
          vaultId={vaultId}
          onRetry={flow.retry}
          onRunYourself={flow.runYourself}
        />
      ) : null}
      {generating && (
        <GenerateKeyDialog
          existing={list.map((k) => k.name)}
          pending={flow.mutation.isPending}
          error={flow.mutation.error}
          onClose={() => setGenerating(false)}
          onCreate={(keyName, params) =>
            flow.mutation.mutate(
              { kind: 'generate', keyName, params },
              {
                onSuccess: () => {
                  if (!generatingNow.current) return;
                  setGenerating(false);
                  void navigate(resourceHash(vaultId, `keys/${keyName}`, blade.tenant));
                },
              },
            )
          }
        />
      )}
      <KeyActionDialogs flow={flow} vaultId={vaultId} />
    </BladeFrame>
  );
}
