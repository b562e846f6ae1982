import type { PropertyChangeWire, ResourceChangeRow } from '../../arm/types/resource-changes';

export interface PropertyChange {
  /** Resource Graph's path, e.g. `properties.cmekKeyVaultUrl` or `properties.accessPolicies[3].objectId`. */
  path: string;
  before: string | undefined;
  after: string | undefined;
}

/** One change Resource Graph recorded for a resource. */
export interface ResourceChange {
  id: string;
  at: number;
  resourceId: string;
  changeType: string;
  changedBy?: string;
  changedByType?: string;
  clientType?: string;
  operation?: string;
  correlationId?: string;
  changes: PropertyChange[];
}

/** Resource Graph writes values as text, "null" for absent; anything else is shown as JSON. */
function valueText(v: unknown): string | undefined {
  if (v === undefined || v === null || v === 'null' || v === '') return undefined;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

const blank = (s: string | undefined) => (s && s.trim() ? s : undefined);

function propertyChanges(bag: Record<string, PropertyChangeWire> | null | undefined): PropertyChange[] {
  if (!bag || typeof bag !== 'object') return [];
  return Object.entries(bag)
    .map(([path, c]) => ({ path, before: valueText(c?.previousValue), after: valueText(c?.newValue) }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Rows of the `resourcechanges` query, typed and newest first; rows without a readable time are left out. */
export function parseResourceChanges(rows: ResourceChangeRow[]): ResourceChange[] {
  const out: ResourceChange[] = [];
  for (const r of rows) {
    const at = Date.parse(r.changeTime);
    if (Number.isNaN(at)) continue;
    out.push({
      id: r.id,
      at,
      resourceId: r.targetResourceId,
      changeType: r.changeType,
      changedBy: blank(r.changedBy),
      changedByType: blank(r.changedByType),
      clientType: blank(r.clientType),
      operation: blank(r.operation),
      correlationId: blank(r.correlationId),
      changes: propertyChanges(r.changes),
    });
  }
  return out.sort((a, b) => b.at - a.at);
}

/** The change with this value of a property, if the record holds it (paths compare without case). */
export function changeOf(change: ResourceChange, path: string): PropertyChange | undefined {
  const wanted = path.toLowerCase();
  return change.changes.find((c) => c.path.toLowerCase() === wanted);
}
