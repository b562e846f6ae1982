/** A property's values before and after a change (Resource Graph's `changes` bag). Values are as Resource Graph
 * writes them: usually strings, the text `null` for "absent". */
export interface PropertyChangeWire {
  previousValue?: unknown;
  newValue?: unknown;
  /** Deprecated by Azure, still sent. */
  propertyChangeType?: string;
  changeCategory?: string;
}

/** A row of the console's `resourcechanges` query (resource-changes.ts projects it this way). */
export interface ResourceChangeRow {
  id: string;
  changeTime: string;
  targetResourceId: string;
  changeType: string;
  changedBy: string;
  changedByType: string;
  clientType: string;
  operation: string;
  correlationId: string;
  /** Present for updates only. */
  changes?: Record<string, PropertyChangeWire> | null;
}

export interface WorkspaceRow {
  id: string;
  name: string;
  location: string;
  subscriptionId: string;
  customerId: string;
}
