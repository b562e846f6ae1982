import { parseResourceId } from '../../arm/resource-id';
import { makeStyles, SearchBox, Text, tokens } from '@fluentui/react-components';
import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import type { Vault } from '../../arm/types/key-vault';
import { VirtualListbox } from '../../portal/virtual-listbox';

const useStyles = makeStyles({
  row: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  reason: { color: tokens.colorNeutralForeground3 },
});

/**
 * The key picker's vault search and list. The filter lives here, so a keystroke re-renders this part only, not the
 * whole picker (its subscription dropdown holds every subscription of the tenant).
 */
export function VaultChooser({
  vaults,
  selected,
  onSelect,
  notice,
}: {
  vaults: Vault[] | undefined;
  selected: string | undefined;
  onSelect: (vaultId: string) => void;
  /** Loading or error state, shown under the search box. */
  notice: ReactNode;
}) {
  const styles = useStyles();
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter);
  const items = useMemo(() => {
    const f = deferredFilter.trim().toLowerCase();
    return (vaults ?? [])
      .filter((v) => !f || v.name.toLowerCase().includes(f))
      .map((v) => ({
        id: v.id,
        label: v.name,
        content: (
          <span className={styles.row}>
            {v.name}
            <Text size={200} className={styles.reason}>
              {parseResourceId(v.id)?.resourceGroup} · {v.location}
            </Text>
          </span>
        ),
      }));
  }, [vaults, deferredFilter, styles.row, styles.reason]);
  return (
    <>
      <SearchBox
        aria-label="Search key vaults"
        placeholder="Filter key vaults"
        value={filter}
        onChange={(_, d) => setFilter(d.value)}
      />
      {notice}
      {vaults && (
        <>
          <Text size={200} role="status">
            {vaults.length === 0
              ? 'This subscription has no key vaults you can see. Choose another subscription.'
              : items.length === 0
                ? `No key vault name contains “${deferredFilter.trim()}” (of ${vaults.length}).`
                : `${items.length} of ${vaults.length} key vaults`}
          </Text>
          <VirtualListbox label="Key vaults" items={items} selected={selected} onSelect={onSelect} />
        </>
      )}
    </>
  );
}
