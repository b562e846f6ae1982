import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  SearchBox,
  Skeleton,
  SkeletonItem,
  Text,
  ToolbarButton,
} from '@fluentui/react-components';
import { AddRegular, ArrowClockwiseRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { useBlade } from '../../portal/blade/blade-context';
import { BladeFrame } from '../../portal/blade/blade-frame';
import { navigate } from '../../portal/navigation/router';
import { resourceHash } from '../../portal/navigation/routes';
import { directoryObjectsQuery } from '../../queries/directory';
import { graphFailureReason } from '../../domain/keys/access-guard';
import { vaultQuery } from '../../queries/resources';
import { CmekRolePanel } from '../shared/cmek-role-panel';
import { usePrincipalTrust } from '../shared/use-principal-trust';
import { PolicyChangeDialogs } from './policy-change-dialogs';
import { filterRows, policyRows, type DirectoryLookup } from './policy-rows';
import { PolicyTable } from './policy-table';
import { useAccessPolicyChanges } from './use-access-policy-changes';

/** Key vault → Access policies: the grouped list, with Create, Edit and Delete as in the portal. */
export default function AccessPoliciesBlade() {
  const blade = useBlade();
  const vault = useQuery(vaultQuery(blade.resourceId));
  const entries = useMemo(() => vault.data?.properties.accessPolicies ?? [], [vault.data]);
  const ids = useMemo(() => [...new Set(entries.map((e) => e.objectId))], [entries]);
  const principals = useQuery({ ...directoryObjectsQuery(ids), enabled: ids.length > 0 });
  const { trustOf } = usePrincipalTrust();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  // Only the deleted rows leave the selection: rows ticked while the change ran stay ticked.
  const changes = useAccessPolicyChanges(vault.data, (done) => {
    if (done.kind === 'delete')
      setSelected((keys) => keys.filter((k) => !done.rows.some((r) => r.key === k)));
  });
  const lookup = useMemo<DirectoryLookup>(
    () =>
      principals.data
        ? { state: 'answered' }
        : principals.error
          ? { state: 'failed', reason: graphFailureReason(principals.error) }
          : { state: 'pending' },
    [principals.data, principals.error],
  );
  const rows = useMemo(
    () => policyRows(entries, principals.data ?? [], trustOf, lookup),
    [entries, principals.data, trustOf, lookup],
  );
  const visible = filterRows(rows, search);
  const selectedRows = rows.filter((r) => selected.includes(r.key));
  const rbac = vault.data?.properties.enableRbacAuthorization === true;
  const { usingBots } = changes;
  const open = (child: string, query?: Record<string, string>) =>
    void navigate(resourceHash(blade.resourceId, `accesspolicies/${child}`, blade.tenant, query));
  return (
    <BladeFrame
      commands={
        <>
          <ToolbarButton icon={<AddRegular />} disabled={!vault.data} onClick={() => open('create')}>
            Create
          </ToolbarButton>
          <ToolbarButton
            icon={<ArrowClockwiseRegular />}
            disabled={vault.isFetching}
            onClick={() => void vault.refetch()}
          >
            Refresh
          </ToolbarButton>
          <ToolbarButton
            icon={<DeleteRegular />}
            disabled={selectedRows.length === 0 || changes.mutation.isPending}
            onClick={() => changes.request({ kind: 'delete', rows: selectedRows })}
          >
            Delete
          </ToolbarButton>
          <ToolbarButton
            icon={<EditRegular />}
            disabled={selectedRows.length !== 1}
            onClick={() => {
              const e = selectedRows[0]?.entry;
              if (e)
                open('edit', {
                  objectId: e.objectId,
                  ...(e.applicationId ? { applicationId: e.applicationId } : {}),
                });
            }}
          >
            Edit
          </ToolbarButton>
        </>
      }
    >
      {vault.error ? (
        <ArmErrorBar
          error={vault.error}
          title="The key vault could not be read"
          onRetry={() => void vault.refetch()}
        />
      ) : null}
      {changes.mutation.error ? (
        <ArmErrorBar error={changes.mutation.error} title="Azure refused the change" />
      ) : null}
      {vault.data && (
        <Text>
          Permission model:{' '}
          <strong>{rbac ? 'Azure role-based access control' : 'Vault access policy'}</strong>
        </Text>
      )}
      {rbac && <CmekRolePanel />}
      <Text>Access policies enable you to have fine grained control over access to vault items.</Text>
      {usingBots.bots.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {usingBots.bots.map((b) => b.name).join(', ')} use{usingBots.bots.length === 1 ? 's' : ''} a
            customer-managed key of this vault. To stop using it, turn customer-managed keys off on the bot
            first, then revoke Bot Service CMEK Prod&apos;s access: revoking first stops the bot.
          </MessageBarBody>
        </MessageBar>
      )}
      {usingBots.unchecked.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not every bot could be checked</MessageBarTitle>
            The bots of {usingBots.unchecked.join(', ')} could not be listed, so bots there that use a key of
            this vault are not shown. Revoking Bot Service CMEK Prod&apos;s access would stop them too.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={usingBots.retry}>Try again</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {principals.error ? (
        <ArmErrorBar
          error={principals.error}
          title="Principal names could not be looked up; object ids are shown"
        />
      ) : null}
      <SearchBox
        aria-label="Search access policies"
        placeholder="Search"
        value={search}
        onChange={(_, d) => setSearch(d.value)}
      />
      <Text size={200} role="status">
        Showing {visible.length === 0 ? 0 : 1} to {visible.length} of {rows.length} records.
      </Text>
      {vault.isLoading ? (
        <Skeleton aria-label="Loading access policies">
          <SkeletonItem />
        </Skeleton>
      ) : (
        <PolicyTable
          rows={visible}
          lookup={lookup}
          selected={selected}
          onSelect={(key, on) => setSelected((s) => (on ? [...s, key] : s.filter((k) => k !== key)))}
        />
      )}
      <PolicyChangeDialogs changes={changes} vaultName={blade.resourceName} />
    </BladeFrame>
  );
}
