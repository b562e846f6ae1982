import {
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  SearchBox,
  Skeleton,
  SkeletonItem,
  Text,
  tokens,
  ToolbarButton,
} from '@fluentui/react-components';
import { AddRegular, ArrowClockwiseRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { vaultsUpdateAccessPolicy } from '../../arm/operations/vaults';
import type { AccessPolicyEntry } from '../../arm/types/key-vault';
import type { DirectoryPrincipal } from '../../arm/types/graph';
import { useSession } from '../../auth/session';
import { removesCmekAccess } from '../../domain/cmek';
import { cmekPrincipalQuery, directoryObjectsQuery, useBotsUsingVault } from '../../domain/cmek-queries';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { useBlade } from '../../portal/blade/blade-context';
import { BladeFrame } from '../../portal/blade/blade-frame';
import { ConfirmDialog } from '../../portal/confirm-dialog';
import { vaultQuery } from '../../queries/resources';
import { useArmMutation } from '../../queries/use-arm-mutation';
import { CmekBreakDialog } from './cmek-break-dialog';
import { normalizePermissions, summarize } from './permission-catalog';
import { filterRows, groupLabels, policyRows, type PolicyRow } from './policy-rows';
import { PolicyWizard, type WizardResult } from './policy-wizard';
import { RbacPanel } from './rbac-panel';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse' },
  th: {
    textAlign: 'left',
    padding: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  td: {
    padding: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: 'top',
    overflowWrap: 'anywhere',
  },
  group: {
    padding: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
});

type Mode = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; row: PolicyRow };
type Pending =
  | { kind: 'delete'; rows: PolicyRow[] }
  | { kind: 'replace'; before: AccessPolicyEntry; after: AccessPolicyEntry };

export default function VaultAccessPoliciesBlade() {
  const styles = useStyles();
  const blade = useBlade();
  const session = useSession();
  const vault = useQuery(vaultQuery(blade.resourceId));
  const entries = useMemo(() => vault.data?.properties.accessPolicies ?? [], [vault.data]);
  const ids = useMemo(() => [...new Set(entries.map((e) => e.objectId))], [entries]);
  const principals = useQuery({ ...directoryObjectsQuery(ids), enabled: ids.length > 0 });
  const cmekSp = useQuery(cmekPrincipalQuery(session.account.tenantId));
  const usingBots = useBotsUsingVault(vault.data);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [pending, setPending] = useState<Pending>();
  const [breakWarning, setBreakWarning] = useState<Pending>();

  const rows = useMemo(() => policyRows(entries, principals.data ?? []), [entries, principals.data]);
  const visible = filterRows(rows, search);
  const selectedRows = rows.filter((r) => selected.includes(r.key));
  const cmekPrincipal: DirectoryPrincipal | undefined = cmekSp.data?.[0] && {
    kind: 'servicePrincipal',
    id: cmekSp.data[0].id,
    displayName: cmekSp.data[0].displayName,
    secondary: cmekSp.data[0].appId,
    appId: cmekSp.data[0].appId,
  };
  const isCmek = (e: AccessPolicyEntry) =>
    cmekSp.data?.some((s) => s.id.toLowerCase() === e.objectId.toLowerCase()) ?? false;

  const change = useArmMutation({
    mutationFn: (p: Pending) =>
      p.kind === 'delete'
        ? vaultsUpdateAccessPolicy(
            blade.resourceId,
            'remove',
            p.rows.map((r) => r.entry),
          )
        : vaultsUpdateAccessPolicy(blade.resourceId, 'replace', [p.after]),
    describe: (p) => ({
      resourceId: blade.resourceId,
      running:
        p.kind === 'delete'
          ? `Deleting access policies on ${blade.resourceName}`
          : `Updating an access policy on ${blade.resourceName}`,
      done:
        p.kind === 'delete'
          ? `Deleted ${p.rows.length} access polic${p.rows.length === 1 ? 'y' : 'ies'} on ${blade.resourceName}`
          : `Updated the access policy on ${blade.resourceName}`,
      failed:
        p.kind === 'delete'
          ? `Could not delete access policies on ${blade.resourceName}`
          : `Could not update the access policy on ${blade.resourceName}`,
    }),
    invalidates: () => [blade.resourceId],
    onSuccess: () => {
      setSelected([]);
      setMode({ kind: 'list' });
    },
  });
  const create = useArmMutation({
    mutationFn: (entry: AccessPolicyEntry) => vaultsUpdateAccessPolicy(blade.resourceId, 'add', [entry]),
    describe: () => ({
      resourceId: blade.resourceId,
      running: `Creating an access policy on ${blade.resourceName}`,
      done: `Created an access policy on ${blade.resourceName}`,
      failed: `Could not create the access policy on ${blade.resourceName}`,
    }),
    invalidates: () => [blade.resourceId],
    onSuccess: () => setMode({ kind: 'list' }),
  });

  /** Goes through the revoke warning when the change takes the Bot Service's access while bots depend on it. */
  const request = (p: Pending) => {
    const breaks =
      p.kind === 'delete'
        ? p.rows.some((r) => isCmek(r.entry) && removesCmekAccess(r.entry, undefined))
        : isCmek(p.before) && removesCmekAccess(p.before, p.after);
    if (breaks && (usingBots.bots.length > 0 || usingBots.unchecked.length > 0)) setBreakWarning(p);
    else if (p.kind === 'delete') setPending(p);
    else change.mutate(p);
  };

  const toEntry = (r: WizardResult): AccessPolicyEntry => ({
    tenantId: vault.data?.properties.tenantId ?? session.account.tenantId,
    objectId: r.principal.id,
    ...(r.application?.appId ? { applicationId: r.application.appId } : {}),
    permissions: {
      keys: r.permissions.keys,
      secrets: r.permissions.secrets,
      certificates: r.permissions.certificates,
    },
  });

  if (mode.kind !== 'list' && vault.data) {
    const editing = mode.kind === 'edit' ? mode.row : undefined;
    return (
      <BladeFrame title={editing ? 'Edit access policy' : 'Create an access policy'}>
        {(create.error ?? change.error) ? (
          <ArmErrorBar
            error={create.error ?? change.error}
            title="Azure refused the access policy; your choices are kept"
          />
        ) : null}
        <PolicyWizard
          vaultName={blade.resourceName}
          editing={
            editing && {
              ...editing.entry,
              permissions: {
                keys: normalizePermissions('keys', editing.entry.permissions.keys),
                secrets: normalizePermissions('secrets', editing.entry.permissions.secrets),
                certificates: normalizePermissions('certificates', editing.entry.permissions.certificates),
              },
            }
          }
          editingPrincipal={
            editing && {
              kind: editing.kind === 'unknown' ? 'user' : editing.kind,
              id: editing.entry.objectId,
              displayName: editing.name,
              secondary: editing.secondary,
            }
          }
          cmekPrincipal={cmekPrincipal}
          busy={create.isPending || change.isPending}
          onCancel={() => (create.reset(), change.reset(), setMode({ kind: 'list' }))}
          onSubmit={(r) => {
            const entry = toEntry(r);
            if (editing)
              request({
                kind: 'replace',
                before: editing.entry,
                after: { ...entry, applicationId: editing.entry.applicationId },
              });
            else create.mutate(entry);
          }}
        />
        <CmekBreakDialog
          open={breakWarning !== undefined}
          action="Save anyway"
          bots={usingBots.bots}
          unchecked={usingBots.unchecked}
          onCancel={() => setBreakWarning(undefined)}
          onConfirm={() => {
            if (breakWarning) change.mutate(breakWarning);
            setBreakWarning(undefined);
          }}
        />
      </BladeFrame>
    );
  }

  const rbac = vault.data?.properties.enableRbacAuthorization === true;
  const grouped = (['user', 'servicePrincipal', 'group', 'unknown'] as const)
    .map((k) => ({ kind: k, rows: visible.filter((r) => r.kind === k) }))
    .filter((g) => g.rows.length);
  return (
    <BladeFrame
      commands={
        <>
          <ToolbarButton
            icon={<AddRegular />}
            disabled={!vault.data}
            onClick={() => setMode({ kind: 'create' })}
          >
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
            disabled={selectedRows.length === 0 || change.isPending}
            onClick={() => request({ kind: 'delete', rows: selectedRows })}
          >
            Delete
          </ToolbarButton>
          <ToolbarButton
            icon={<EditRegular />}
            disabled={selectedRows.length !== 1}
            onClick={() => selectedRows[0] && setMode({ kind: 'edit', row: selectedRows[0] })}
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
      {change.error ? <ArmErrorBar error={change.error} title="Azure refused the change" /> : null}
      {vault.data && (
        <Text>
          Permission model:{' '}
          <strong>{rbac ? 'Azure role-based access control' : 'Vault access policy'}</strong>
        </Text>
      )}
      {rbac && <RbacPanel />}
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
        <table className={styles.table} aria-label="Access policies">
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                Select
              </th>
              <th className={styles.th} scope="col">
                Name
              </th>
              <th className={styles.th} scope="col">
                Email or application ID
              </th>
              <th className={styles.th} scope="col">
                Key permissions
              </th>
              <th className={styles.th} scope="col">
                Secret permissions
              </th>
              <th className={styles.th} scope="col">
                Certificate permissions
              </th>
            </tr>
          </thead>
          {grouped.map((g) => (
            <tbody key={g.kind}>
              <tr>
                <th className={styles.group} colSpan={6} scope="colgroup">
                  {groupLabels[g.kind]}
                </th>
              </tr>
              {g.rows.map((r) => (
                <tr key={r.key}>
                  <td className={styles.td}>
                    <Checkbox
                      aria-label={`Select ${r.name}`}
                      checked={selected.includes(r.key)}
                      onChange={(_, d) =>
                        setSelected((s) => (d.checked ? [...s, r.key] : s.filter((k) => k !== r.key)))
                      }
                    />
                  </td>
                  <td className={styles.td}>{r.name}</td>
                  <td className={styles.td}>{r.secondary || '—'}</td>
                  <td className={styles.td}>{summarize('keys', r.entry.permissions.keys)}</td>
                  <td className={styles.td}>{summarize('secrets', r.entry.permissions.secrets)}</td>
                  <td className={styles.td}>{summarize('certificates', r.entry.permissions.certificates)}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
      <ConfirmDialog
        open={pending?.kind === 'delete'}
        title="Delete access policies?"
        confirmLabel="Delete"
        danger
        onCancel={() => setPending(undefined)}
        onConfirm={() => {
          if (pending) change.mutate(pending);
          setPending(undefined);
        }}
      >
        {pending?.kind === 'delete' &&
          `Delete the access policy of ${pending.rows.map((r) => r.name).join(', ')} on ${blade.resourceName}? They lose the access it gave at once.`}
      </ConfirmDialog>
      <CmekBreakDialog
        open={breakWarning !== undefined}
        action={breakWarning?.kind === 'delete' ? 'Delete anyway' : 'Save anyway'}
        bots={usingBots.bots}
        unchecked={usingBots.unchecked}
        onCancel={() => setBreakWarning(undefined)}
        onConfirm={() => {
          if (breakWarning) change.mutate(breakWarning);
          setBreakWarning(undefined);
        }}
      />
    </BladeFrame>
  );
}
