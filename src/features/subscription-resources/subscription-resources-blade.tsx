import { SearchBox, Spinner, Text } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { parseResourceId } from '../../arm/resource-id';
import { ArmErrorBar } from '../../portal/arm-error-bar';
import { useBlade } from '../../portal/blade/blade-context';
import { BladeFrame } from '../../portal/blade/blade-frame';
import { resourceHash } from '../../portal/navigation/routes';
import { RouterLink } from '../../portal/navigation/router-link';
import { VirtualTable, type Column } from '../../portal/virtual-table';
import { typeLabelOf } from '../../queries/all-resources';
import { subscriptionResourcesQuery } from '../../queries/resources';

interface Row {
  id: string;
  name: string;
  type: string;
  resourceGroup: string;
  location: string;
}

/** Subscription → Resources: the bots and key vaults Keyguard manages in this subscription. */
export default function SubscriptionResourcesBlade() {
  const blade = useBlade();
  const subscriptionId = parseResourceId(blade.resourceId)?.subscriptionId ?? '';
  const resources = useQuery(subscriptionResourcesQuery(subscriptionId));
  const [filter, setFilter] = useState('');
  const deferred = useDeferredValue(filter.trim().toLowerCase());
  const rows = useMemo<Row[]>(
    () =>
      (resources.data ?? []).map((r) => ({
        id: r.id,
        name: r.name,
        type: typeLabelOf(r.type),
        resourceGroup: parseResourceId(r.id)?.resourceGroup ?? '',
        location: r.location ?? '',
      })),
    [resources.data],
  );
  const visible = deferred
    ? rows.filter((r) => `${r.name} ${r.type} ${r.resourceGroup}`.toLowerCase().includes(deferred))
    : rows;
  const columns = useMemo<Column<Row>[]>(
    () => [
      {
        key: 'name',
        header: 'Name',
        width: 'minmax(200px, 2fr)',
        render: (r) => <RouterLink href={resourceHash(r.id, 'overview', blade.tenant)}>{r.name}</RouterLink>,
      },
      { key: 'type', header: 'Type', width: 'minmax(110px, 1fr)', render: (r) => r.type },
      {
        key: 'rg',
        header: 'Resource group',
        width: 'minmax(140px, 1fr)',
        render: (r) => r.resourceGroup || '—',
      },
      {
        key: 'location',
        header: 'Location',
        width: 'minmax(100px, 0.8fr)',
        render: (r) => r.location || '—',
      },
    ],
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
