import { makeStyles, SearchBox, Spinner, Text, tokens } from '@fluentui/react-components';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { VirtualTable } from '../../portal/virtual-table';
import { markContentShown } from '../../portal/content-shown';
import { useAllResources } from '../../queries/all-resources';
import { filterResourceRows, resourceColumns } from '../shared/resource-table';

const useStyles = makeStyles({
  page: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    flex: 1,
    minHeight: 0,
    overflow: 'auto',
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

export function HomePage({ tenant }: { tenant?: string }) {
  const styles = useStyles();
  const all = useAllResources();
  const { failures, unreachable, subscriptionsError, retry } = all;
  // At tenant scale dozens of subscriptions answer one after another: the table follows at React's pace, not per answer.
  const rows = useDeferredValue(all.rows);
  // Loading until the table shows the last answer too, so the count never reports a list still catching up.
  const isLoading = all.isLoading || rows !== all.rows;
  useEffect(() => {
    if (!isLoading) markContentShown();
  }, [isLoading]);
  const [filter, setFilter] = useState('');
  const deferred = useDeferredValue(filter);
  useEffect(() => {
    document.title = 'Home - Keyguard';
  }, []);
  const visible = useMemo(() => filterResourceRows(rows, deferred), [rows, deferred]);
  const columns = useMemo(() => resourceColumns({ tenant, withSubscription: true }), [tenant]);
  return (
    <div className={styles.page}>
      <h1 id="home-title" className={styles.title}>
        All resources
      </h1>
      <Text>Azure Bots, key vaults and subscriptions you can see in the selected subscriptions.</Text>
      {subscriptionsError ? (
        <ArmErrorBar error={subscriptionsError} title="Subscriptions could not be listed" onRetry={retry} />
      ) : null}
      {unreachable ? (
        <ArmErrorBar error={unreachable} title="Resources could not be listed" onRetry={retry} />
      ) : null}
      {failures.length === 1 && failures[0] ? (
        <ArmErrorBar
          error={failures[0].error}
          title={`Resources of ${failures[0].subscription.displayName} could not be listed`}
          onRetry={retry}
        />
      ) : failures.length > 1 && failures[0] ? (
        // One bar for many: when Azure is unreachable every subscription fails the same way.
        <ArmErrorBar
          error={failures[0].error}
          title={`Resources of ${failures.length} subscriptions could not be listed: ${failures.map((f) => f.subscription.displayName).join(', ')}`}
          onRetry={retry}
        />
      ) : null}
      <div className={styles.toolbar}>
        <SearchBox
          aria-label="Filter resources by name"
          placeholder="Filter for any field…"
          value={filter}
          onChange={(_, d) => setFilter(d.value)}
        />
        <Text role="status" aria-live="polite">
          {isLoading ? 'Loading resources…' : `Showing ${visible.length} of ${rows.length} records.`}
        </Text>
        {isLoading && <Spinner size="tiny" aria-label="Loading" />}
      </div>
      <VirtualTable label="All resources" columns={columns} rows={visible} rowKey={(r) => r.id} />
    </div>
  );
}
