import { MessageBar, MessageBarBody, Skeleton, SkeletonItem } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { AccessPolicyEntry } from '../../arm/types/key-vault';
import type { DirectoryPrincipal } from '../../arm/types/graph';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { useBlade } from '../../portal/blade/blade-context';
import { BladeFrame } from '../../portal/blade/blade-frame';
import { navigate } from '../../portal/navigation/router';
import { resourceHash } from '../../portal/navigation/routes';
import { directoryObjectsQuery } from '../../queries/directory';
import { vaultQuery } from '../../queries/resources';
import { usePrincipalTrust } from '../shared/use-principal-trust';
import { normalizePermissions } from './permission-catalog';
import { PolicyChangeDialogs } from './policy-change-dialogs';
import { rowKey } from './policy-rows';
import { PolicyWizard, type WizardResult } from './policy-wizard';
import { useAccessPolicyChanges } from './use-access-policy-changes';

/** "Create an access policy" (`accesspolicies/create`) and "Edit access policy" (`accesspolicies/edit?objectId=…`). */
export default function AccessPolicyEditorBlade() {
  const blade = useBlade();
  const vault = useQuery(vaultQuery(blade.resourceId));
  const { trustOf, lookup } = usePrincipalTrust();
  const backToList = () => void navigate(resourceHash(blade.resourceId, 'accesspolicies', blade.tenant));
  // After a save the wizard is no longer "unsaved": the list opens once it has said so to the navigation guard.
  const [saved, setSaved] = useState(false);
  const changes = useAccessPolicyChanges(vault.data, () => setSaved(true));
  useEffect(() => {
    if (saved) void navigate(resourceHash(blade.resourceId, 'accesspolicies', blade.tenant));
  }, [saved, blade.resourceId, blade.tenant]);
  const editing = blade.bladeId === 'accesspolicies/edit';
  const wanted = rowKey({ objectId: blade.query.objectId ?? '', applicationId: blade.query.applicationId });
  const entry = editing
    ? vault.data?.properties.accessPolicies?.find((e) => rowKey(e) === wanted)
    : undefined;
  const ids = entry ? [entry.objectId] : [];
  const principals = useQuery({ ...directoryObjectsQuery(ids), enabled: ids.length > 0 });
  const editingPrincipal = useMemo<DirectoryPrincipal | undefined>(() => {
    if (!entry) return undefined;
    const p = principals.data?.find((x) => x.id.toLowerCase() === entry.objectId.toLowerCase());
    return p ?? { kind: 'user', id: entry.objectId, displayName: entry.objectId };
  }, [entry, principals.data]);
  const genuine = lookup.data?.status === 'found' ? lookup.data.principal : undefined;
  const cmekPrincipal: DirectoryPrincipal | undefined = genuine && {
    kind: 'servicePrincipal',
    id: genuine.id,
    displayName: genuine.displayName,
    secondary: genuine.appId,
    appId: genuine.appId,
    appOwnerOrganizationId: genuine.appOwnerOrganizationId ?? undefined,
  };
  const toEntry = (r: WizardResult): AccessPolicyEntry => ({
    tenantId: vault.data?.properties.tenantId ?? '',
    objectId: r.principal.id,
    ...(r.application?.appId ? { applicationId: r.application.appId } : {}),
    permissions: {
      keys: r.permissions.keys,
      secrets: r.permissions.secrets,
      certificates: r.permissions.certificates,
    },
  });
  return (
    <BladeFrame>
      {vault.error ? <ArmErrorBar error={vault.error} title="The key vault could not be read" /> : null}
      {changes.mutation.error ? (
        <ArmErrorBar
          error={changes.mutation.error}
          title="Azure refused the access policy; your choices are kept"
        />
      ) : null}
      {vault.isLoading || (editing && entry && principals.isLoading) ? (
        <Skeleton aria-label="Loading the access policy">
          <SkeletonItem />
        </Skeleton>
      ) : editing && vault.data && !entry ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            This vault has no access policy for object id {blade.query.objectId ?? '(none given)'}: it may
            have been deleted meanwhile.
          </MessageBarBody>
        </MessageBar>
      ) : vault.data ? (
        <PolicyWizard
          vaultName={blade.resourceName}
          editing={
            entry && {
              ...entry,
              permissions: {
                keys: normalizePermissions('keys', entry.permissions.keys),
                secrets: normalizePermissions('secrets', entry.permissions.secrets),
                certificates: normalizePermissions('certificates', entry.permissions.certificates),
              },
            }
          }
          editingPrincipal={editingPrincipal}
          cmekPrincipal={cmekPrincipal}
          trustOf={trustOf}
          busy={changes.mutation.isPending || saved}
          onCancel={backToList}
          onSubmit={(r) => {
            const next = toEntry(r);
            if (entry)
              changes.request({
                kind: 'replace',
                before: entry,
                after: { ...next, applicationId: entry.applicationId },
              });
            else changes.request({ kind: 'add', entry: next });
          }}
        />
      ) : null}
      <PolicyChangeDialogs changes={changes} vaultName={blade.resourceName} />
    </BladeFrame>
  );
}
