import { Text } from '@fluentui/react-components';
import type { CmkRow } from '../../domain/cmk/posture';
import { alertsText, encryptionText, type SortColumn, type SortDirection } from '../../domain/cmk/table';
import { resourceHash } from '../../portal/navigation/routes';
import { RouterLink } from '../../portal/navigation/router-link';
import type { Column } from '../../portal/virtual-table';
import { RiskCell } from './risk-cell';

const order = (sort: SortColumn, direction: SortDirection, c: SortColumn) =>
  sort !== c ? 'none' : direction === 'asc' ? 'ascending' : 'descending';

/** The table's columns, each sortable: a click sorts by it, a second click turns the order round. */
export interface CmkColumnOptions {
  sort: SortColumn;
  direction: SortDirection;
  onSort(c: SortColumn): void;
  /** Reads behind the risk column still run (a cell not yet judged says so). */
  checking: boolean;
  onOpenRisks(row: CmkRow): void;
  /** The directory the links open in. */
  tenant?: string;
}

export function cmkColumns({
  sort,
  direction,
  onSort,
  checking,
  onOpenRisks,
  tenant,
}: CmkColumnOptions): Column<CmkRow>[] {
  const sortable = (c: SortColumn) => ({
    sort: { order: order(sort, direction, c), onSort: () => onSort(c) } as const,
  });
  return [
    {
      key: 'name',
      header: 'Name',
      width: 'minmax(180px, 1.4fr)',
      render: (r) => <RouterLink href={resourceHash(r.id, 'encryption', tenant)}>{r.name}</RouterLink>,
      ...sortable('name'),
    },
    {
      key: 'subscription',
      header: 'Subscription',
      width: 'minmax(140px, 1fr)',
      render: (r) => r.subscriptionName,
      ...sortable('subscription'),
    },
    {
      key: 'encryption',
      header: 'Encryption',
      width: 'minmax(140px, 0.9fr)',
      render: (r) => encryptionText(r),
      ...sortable('encryption'),
    },
    {
      key: 'vault',
      header: 'Key vault',
      width: 'minmax(130px, 1fr)',
      render: (r) =>
        r.vaultId && r.key ? (
          <RouterLink href={resourceHash(r.vaultId, 'keys', tenant)}>{r.key.vaultName}</RouterLink>
        ) : (
          (r.key?.vaultName ?? '—')
        ),
      ...sortable('vault'),
    },
    {
      key: 'key',
      header: 'Key',
      width: 'minmax(110px, 0.9fr)',
      render: (r) =>
        r.vaultId && r.key ? (
          <RouterLink href={resourceHash(r.vaultId, `keys/${r.key.keyName}`, tenant)}>
            {r.key.keyName}
          </RouterLink>
        ) : (
          (r.key?.keyName ?? '—')
        ),
      ...sortable('key'),
    },
    {
      key: 'version',
      header: 'Version',
      width: 'minmax(90px, 0.6fr)',
      render: (r) => (r.key ? <Text title={r.key.version}>{r.key.version.slice(0, 8)}…</Text> : '—'),
      ...sortable('version'),
    },
    {
      key: 'status',
      header: 'Encryption status',
      width: 'minmax(110px, 0.8fr)',
      render: (r) => r.status || '—',
      ...sortable('status'),
    },
    {
      key: 'policy',
      header: 'Policy',
      width: 'minmax(124px, 0.8fr)',
      render: (r) => r.policy ?? '—',
      ...sortable('policy'),
    },
    {
      key: 'alerts',
      header: 'Alerts',
      width: 'minmax(110px, 0.8fr)',
      render: (r) => (r.alerts ? alertsText[r.alerts] : r.cmek ? 'Reading…' : '—'),
      ...sortable('alerts'),
    },
    {
      key: 'risk',
      header: 'Risk',
      width: 'minmax(220px, 1.6fr)',
      render: (r) => <RiskCell row={r} checking={checking} onOpen={() => onOpenRisks(r)} />,
      ...sortable('risk'),
    },
  ];
}
