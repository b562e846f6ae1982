import { Text, ToolbarButton } from '@fluentui/react-components';
import {
  AddRegular,
  ArrowClockwiseRegular,
  ArrowRepeatAllRegular,
  DeleteRegular,
  TimerRegular,
} from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dependentsOf } from '../../domain/keys/key-dependents';
import { versionUrlOf } from '../../domain/keys/key-versions';
import { useBlade } from '../../portal/blade/blade-context';
import { BladeFrame } from '../../portal/blade/blade-frame';
import { Essentials } from '../../portal/essentials';
import { QueryState } from '../../portal/query-state';
import { keysQuery, keyVersionsQuery, vaultQuery } from '../../queries/resources';
import { FollowRotation } from './follow-rotation';
import { KeyActionDialogs } from './key-action-dialogs';
import { KeyActionError } from './key-action-error';
import { ExpiryDialog, NewVersionDialog, RotationPolicyDialog } from './key-dialogs';
import { ExpiryCell } from './keys-blade-cells';
import { UsedBy } from './used-by';
import { useKeyAction } from './use-key-action';
import { useRotationPolicy } from './use-rotation-policy';
import { VersionsTable } from './versions-table';

type Editing =
  { kind: 'new-version' } | { kind: 'policy' } | { kind: 'expiry'; version: string; current?: number };

/**
 * Key vault → Keys → a key: its versions and who uses each, its lifecycle (new version, rotate, enable and disable,
 * expiry, rotation policy, delete), every action that could stop a bot checked by the guard first, and bots on an
 * older version offered the newer one.
 */
export default function KeyBlade() {
  const blade = useBlade();
  const vaultId = blade.resourceId;
  const keyName = blade.bladeId.split('/')[1] ?? '';
  const vault = useQuery(vaultQuery(vaultId));
  const keys = useQuery(keysQuery(vaultId));
  const versions = useQuery(keyVersionsQuery(vaultId, keyName));
  const flow = useKeyAction(vaultId, vault.data);
  const [editing, setEditing] = useState<Editing>();
  const key = keys.data?.find((k) => k.name.toLowerCase() === keyName.toLowerCase());
  const uses = dependentsOf(flow.users.uses, { vaultName: flow.vaultName, keyName });
  const current = key ? versionUrlOf(key)?.version : undefined;
  const rotationPolicy = useRotationPolicy(vaultId, flow.vaultUrl, key, flow.gateway);
  const busy = flow.mutation.isPending;
  // A dialog that asked for a change stays open until it is made, with Azure's refusal in it. Closed while the change
  // runs, it does not stop it: the blade stays busy until Azure answers and shows a refusal itself.
  const close = () => (setEditing(undefined), busy ? undefined : flow.mutation.reset());
  const edit = (what: Editing) => (flow.mutation.reset(), setEditing(what));
  const progress = { pending: busy, error: editing ? flow.mutation.error : undefined };
  return (
    <BladeFrame
      title={`Key ${keyName}`}
      commands={
        <>
          <ToolbarButton
            icon={<AddRegular />}
            disabled={busy || !key}
            onClick={() => edit({ kind: 'new-version' })}
          >
            New version
          </ToolbarButton>
          <ToolbarButton
            icon={<ArrowRepeatAllRegular />}
            disabled={busy || !key}
            onClick={() => flow.request({ kind: 'rotate', keyName })}
          >
            Rotate now
          </ToolbarButton>
          <ToolbarButton
            icon={<TimerRegular />}
            disabled={busy || !key}
            onClick={() => edit({ kind: 'policy' })}
          >
            Rotation policy
          </ToolbarButton>
          <ToolbarButton
            icon={<DeleteRegular />}
            disabled={busy || !key}
            onClick={() => flow.request({ kind: 'delete', keyName })}
          >
            Delete
          </ToolbarButton>
          <ToolbarButton
            icon={<ArrowClockwiseRegular />}
            onClick={() => (void keys.refetch(), void versions.refetch(), flow.users.retry())}
          >
            Refresh
          </ToolbarButton>
        </>
      }
    >
      <QueryState query={keys} what="keys" />
      {keys.data && !key && (
        <Text>The vault has no key named {keyName}: it may have been deleted (see Deleted keys).</Text>
      )}
      {key && (
        <Essentials
          facts={[
            { label: 'Key type', value: `${key.properties.kty ?? ''} ${key.properties.keySize ?? ''}` },
            { label: 'Current version', value: current },
            { label: 'Status', value: key.properties.attributes?.enabled === false ? 'Disabled' : 'Enabled' },
            { label: 'Expiration', value: <ExpiryCell exp={key.properties.attributes?.exp} /> },
            { label: 'Rotation policy', value: rotationPolicy.summary },
            { label: 'Used by', value: <UsedBy uses={uses} checking={flow.users.loading} showVersion /> },
          ]}
        />
      )}
      {versions.data && <FollowRotation uses={uses} versions={versions.data} />}
      {flow.mutation.error && !editing ? (
        <KeyActionError
          error={flow.mutation.error}
          vaultId={vaultId}
          keyName={keyName}
          onRetry={flow.retry}
          onRunYourself={flow.runYourself}
          onRecover={(name) => flow.request({ kind: 'recover', keyName: name })}
        />
      ) : null}
      {versions.error ? (
        <KeyActionError error={versions.error} vaultId={vaultId} onRetry={() => void versions.refetch()} />
      ) : null}
      {versions.data && (
        <VersionsTable
          versions={versions.data}
          currentVersion={current}
          uses={uses}
          checking={flow.users.loading}
          vaultName={flow.vaultName}
          keyName={keyName}
          busy={busy}
          onToggle={(version, enabled) => flow.request({ kind: 'set-enabled', keyName, version, enabled })}
          onExpiry={(version, cur) => edit({ kind: 'expiry', version, current: cur })}
        />
      )}
      {editing?.kind === 'new-version' && (
        <NewVersionDialog
          keyName={keyName}
          size={key?.properties.keySize ?? 3072}
          {...progress}
          onClose={close}
          onCreate={(keySize) => flow.request({ kind: 'new-version', keyName, keySize }, close)}
        />
      )}
      {editing?.kind === 'policy' && (
        <RotationPolicyDialog
          keyName={keyName}
          policy={rotationPolicy.policy}
          known={rotationPolicy.known}
          {...progress}
          onClose={close}
          onSave={(policy) => flow.request({ kind: 'rotation-policy', keyName, policy }, close)}
        />
      )}
      {editing?.kind === 'expiry' && (
        <ExpiryDialog
          version={editing.version}
          current={editing.current}
          {...progress}
          onClose={close}
          onSet={(expiresAt) =>
            flow.request({ kind: 'set-expiry', keyName, version: editing.version, expiresAt }, close)
          }
        />
      )}
      <KeyActionDialogs flow={flow} vaultId={vaultId} />
    </BladeFrame>
  );
}
