import { resourceHash } from '../../portal/navigation/routes';
import { RouterLink } from '../../portal/navigation/router-link';
import type { Column } from '../../portal/virtual-table';
import type { ResourceRow } from '../../queries/all-resources';

/**
 * The columns of a resource list, as Home shows them and a subscription's Resources blade (which leaves out the
 * subscription, being inside one).
 */
export function resourceColumns(o: {
  tenant: string | undefined;
  withSubscription: boolean;
}): Column<ResourceRow>[] {
  const columns: Column<ResourceRow>[] = [
    {
      key: 'name',
      header: 'Name',
      width: 'minmax(200px, 2fr)',
      render: (r) => <RouterLink href={resourceHash(r.id, 'overview', o.tenant)}>{r.name}</RouterLink>,
    },
    { key: 'type', header: 'Type', width: 'minmax(110px, 1fr)', render: (r) => r.typeLabel },
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
  ];
  if (o.withSubscription) {
    columns.push({
      key: 'sub',
      header: 'Subscription',
      width: 'minmax(160px, 1.2fr)',
      render: (r) => r.subscriptionName,
    });
  }
  return columns;
}

/** The rows whose name, resource group or type contains the filter text (any case). */
export function filterResourceRows(rows: ResourceRow[], text: string): ResourceRow[] {
  const f = text.trim().toLowerCase();
  if (!f) return rows;
  return rows.filter(
    (r) =>
      r.name.toLowerCase().includes(f) ||
      r.resourceGroup.toLowerCase().includes(f) ||
      r.typeLabel.toLowerCase().includes(f),
  );
}
