import { makeStyles, SearchBox, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { memo, useDeferredValue, useMemo, useState } from 'react';
import {
  filterKeyDependents,
  keyDependentRows,
  type KeyDependentRow,
} from '../../domain/keys/key-dependent-rows';
import { dateTimeText } from '../../domain/time-text';
import { resourceHash } from '../../portal/navigation/routes';
import { RouterLink } from '../../portal/navigation/router-link';
import { VirtualTable, type Column } from '../../portal/virtual-table';
import { cmkVaultsQueryOptions } from '../../queries/cmk';
import type { KeyDependents } from '../../queries/key-dependents';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

const names = (list: string[]) => (list.length ? `${list.length}: ${list.join(', ')}` : '—');

/**
 * Every key a bot depends on, with those bots (now, and within the week after a rotation or CMK turned off): the
 * blast radius of a key before touching it. The same map guards the Keys blades.
 */
export const KeyDependentsSection = memo(function KeyDependentsSection({
  map,
  tenant,
}: {
  map: KeyDependents;
  tenant?: string;
}) {
  const styles = useStyles();
  const vaults = useQuery(cmkVaultsQueryOptions('tenant'));
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text);
  const all = useMemo(() => keyDependentRows(map.uses), [map.uses]);
  const shown = useMemo(() => filterKeyDependents(all, deferred), [all, deferred]);
  const vaultIds = useMemo(
    () => new Map((vaults.data ?? []).map((v) => [v.name.toLowerCase(), v.id])),
    [vaults.data],
  );
  const columns: Column<KeyDependentRow>[] = [
    {
      key: 'vault',
      header: 'Key vault',
      width: 'minmax(140px, 1fr)',
      render: (r) => {
        const id = vaultIds.get(r.vaultName.toLowerCase());
        return id ? (
          <RouterLink href={resourceHash(id, 'keys', tenant)}>{r.vaultName}</RouterLink>
        ) : (
          r.vaultName
        );
      },
    },
    {
      key: 'key',
      header: 'Key',
      width: 'minmax(120px, 1fr)',
      render: (r) => {
        const id = vaultIds.get(r.vaultName.toLowerCase());
        return id ? (
          <RouterLink href={resourceHash(id, `keys/${r.keyName}`, tenant)}>{r.keyName}</RouterLink>
        ) : (
          r.keyName
        );
      },
    },
    {
      key: 'versions',
      header: 'Versions in use',
      width: 'minmax(120px, 0.8fr)',
      render: (r) => r.versions.map((v) => `${v.slice(0, 8)}…`).join(', '),
    },
    {
      key: 'now',
      header: 'Bots on it now',
      width: 'minmax(200px, 2fr)',
      render: (r) => <Text title={r.now.join('\n')}>{names(r.now)}</Text>,
    },
    {
      key: 'leaving',
      header: 'Left it this week (may still need it)',
      width: 'minmax(200px, 1.6fr)',
      render: (r) => {
        const text = r.leaving.map((l) => `${l.bot} (until ${dateTimeText(l.until)})`);
        return (
          <Text title={text.join('\n')}>
            {r.leaving.length ? `${r.leaving.length}: ${text.join(', ')}` : '—'}
          </Text>
        );
      },
    },
  ];
  return (
    <section className={styles.section} aria-labelledby="key-dependents-title">
      <h2 id="key-dependents-title" className={styles.title}>
        Key dependents
      </h2>
      <Text>
        Every key a bot depends on, and which bots: those on it now and those that left it within the week
        (they may still need it to decrypt). The Keys blades and their guard read the same list.
        {map.changesError ? ' The week’s changes could not be read: bots that left a key are not shown.' : ''}
      </Text>
      <SearchBox
        aria-label="Filter keys by vault, key or bot"
        placeholder="Filter by vault, key or bot…"
        value={text}
        onChange={(_, d) => setText(d.value)}
      />
      <VirtualTable
        label="Keys and the bots that depend on them"
        columns={columns}
        rows={shown}
        rowKey={(r) => r.id}
        height="40vh"
      />
    </section>
  );
});
