import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Key } from '../../arm/types/key-vault';
import { dependentsOf, type KeyDependent } from '../../domain/keys/key-dependents';
import { versionUrlOf } from '../../domain/keys/key-versions';
import { dateTimeText } from '../../domain/time-text';
import { VirtualTable, type Column } from '../../portal/virtual-table';
import { ExpiryCell } from './keys-blade-cells';
import { UsedBy } from './used-by';

const useStyles = makeStyles({ actions: { display: 'flex', gap: tokens.spacingHorizontalXS } });

/** A key's versions, newest first: state, activation and expiry, who uses each, and what can be changed. */
export function VersionsTable({
  versions,
  currentVersion,
  uses,
  checking,
  vaultName,
  keyName,
  busy,
  onToggle,
  onExpiry,
}: {
  versions: Key[];
  currentVersion?: string;
  uses: KeyDependent[];
  /** The bots are still being listed. */
  checking: boolean;
  vaultName: string;
  keyName: string;
  busy: boolean;
  onToggle(version: string, enable: boolean): void;
  onExpiry(version: string, current?: number): void;
}) {
  const styles = useStyles();
  const rows = useMemo(
    () =>
      [...versions].sort(
        (a, b) => (b.properties.attributes?.created ?? 0) - (a.properties.attributes?.created ?? 0),
      ),
    [versions],
  );
  const columns: Column<Key>[] = [
    {
      key: 'version',
      header: 'Version',
      // Room for twelve characters of the id and the "current" badge beside them.
      width: 'minmax(190px, 1.2fr)',
      render: (k) => (
        <>
          {k.name.slice(0, 12)}…{' '}
          {k.name === currentVersion && (
            <Badge appearance="outline" size="small">
              current
            </Badge>
          )}
        </>
      ),
    },
    {
      key: 'created',
      header: 'Created',
      width: 'minmax(150px, 1fr)',
      render: (k) => {
        const c = k.properties.attributes?.created;
        return c ? dateTimeText(c * 1000) : '—';
      },
    },
    {
      key: 'status',
      header: 'Status',
      width: 'minmax(80px, 0.5fr)',
      render: (k) => (k.properties.attributes?.enabled === false ? 'Disabled' : 'Enabled'),
    },
    {
      key: 'nbf',
      header: 'Activation',
      width: 'minmax(120px, 0.8fr)',
      render: (k) => {
        const n = k.properties.attributes?.nbf;
        return n ? dateTimeText(n * 1000) : '—';
      },
    },
    {
      key: 'exp',
      header: 'Expiration',
      width: 'minmax(160px, 1fr)',
      render: (k) => <ExpiryCell exp={k.properties.attributes?.exp} />,
    },
    {
      key: 'used',
      header: 'Used by',
      width: 'minmax(170px, 1.2fr)',
      render: (k) => (
        <UsedBy
          uses={dependentsOf(uses, { vaultName, keyName, version: versionUrlOf(k)?.version ?? k.name })}
          checking={checking}
        />
      ),
    },
    {
      key: 'actions',
      header: 'Actions',
      width: 'minmax(170px, 1fr)',
      render: (k) => {
        const enabled = k.properties.attributes?.enabled !== false;
        return (
          <span className={styles.actions}>
            <Button
              size="small"
              disabled={busy}
              aria-label={`${enabled ? 'Disable' : 'Enable'} version ${k.name}`}
              onClick={() => onToggle(k.name, !enabled)}
            >
              {enabled ? 'Disable' : 'Enable'}
            </Button>
            <Button
              size="small"
              disabled={busy}
              aria-label={`Set the expiry of version ${k.name}`}
              onClick={() => onExpiry(k.name, k.properties.attributes?.exp)}
            >
              Expiry…
            </Button>
          </span>
        );
      },
    },
  ];
  return <VirtualTable label="Versions" columns={columns} rows={rows} rowKey={(k) => k.id} height="50vh" />;
}
