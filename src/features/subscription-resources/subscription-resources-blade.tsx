import { SearchBox, Spinner, Text } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { parseResourceId } from '../../arm/resource-id';
import { subscriptionById } from '../../domain/subscription-by-id';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { useBlade } from '../../portal/blade/blade-context';
import { BladeFrame } from '../../portal/blade/blade-frame';
import { VirtualTable } from '../../portal/virtual-table';
import { resourceRows } from '../../queries/all-resources';
import { subscriptionResourcesQuery, subscriptionsQuery } from '../../queries/resources';
import { filterResourceRows, resourceColumns } from '../shared/resource-table';

/** Subscription → Resources: the bots and key vaults Keyguard manages in this subscription. */
export default function SubscriptionResourcesBlade() {
  const blade = useBlade();
  const subscriptionId = parseResourceId(blade.resourceId)?.subscriptionId ?? '';
  const resources = useQuery(subscriptionResourcesQuery(subscriptionId));
  const subscriptions = useQuery(subscriptionsQuery());
  const subscription = useMemo(
    () =>
      subscriptionById(subscriptions.data, subscriptionId) ?? {
        id: `/subscriptions/${subscriptionId}`,
        subscriptionId,
        displayName: blade.resourceName,
      },
    [subscriptions.data, subscriptionId, blade.resourceName],
  );
  const [filter, setFilter] = useState('');
  const deferred = useDeferredValue(filter);
  const rows = useMemo(() => resourceRows(subscription, resources.data), [subscription, resources.data]);
  const visible = useMemo(() => filterResourceRows(rows, deferred), [rows, deferred]);
  const columns = useMemo(
    () => resourceColumns({ tenant: blade.tenant, withSubscription: false }),
    [blade.tenant],
  );
  return (
    <BladeFrame>
      <Text>Azure Bots and key vaults in this subscription.</Text>
      {resources.error ? (
        <ArmErrorBar
          error={resources.error}
          title="The resources could not be listed"
          onRetry={() => void resources.refetch()}
        />
      ) : null}
      <SearchBox
        aria-label="Filter the subscription's resources"
        placeholder="Filter for any field…"
        value={filter}
        onChange={(_, d) => setFilter(d.value)}
      />
      <Text role="status" aria-live="polite">
        {resources.isLoading ? 'Loading resources…' : `Showing ${visible.length} of ${rows.length} records.`}
      </Text>
      {resources.isLoading && <Spinner size="tiny" aria-label="Loading" />}
      <VirtualTable
        label="Resources of the subscription"
        columns={columns}
        rows={visible}
        rowKey={(r) => r.id}
      />
    </BladeFrame>
  );
}
