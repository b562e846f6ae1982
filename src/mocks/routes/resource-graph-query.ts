/** The columns of Resource Graph's `resources` table that the twin fills. */
export const graphColumns = [
  'id',
  'name',
  'type',
  'kind',
  'location',
  'resourceGroup',
  'subscriptionId',
  'tenantId',
  'tags',
] as const;

export type GraphColumn = (typeof graphColumns)[number];

export interface GraphQuery {
  /** Lower-case resource types to keep; undefined keeps all. */
  types?: string[];
  columns?: GraphColumn[];
  orderById?: 'asc' | 'desc';
}

const quoted = /^'([^']*)'$/;

/**
 * The twin runs no KQL: it understands `resources`, then in any order `where type in~ ('a', 'b')` or
 * `where type =~ 'a'`, `project` of known columns and `order by id asc|desc`. Anything else is refused, never guessed.
 */
export function parseGraphQuery(text: string): GraphQuery | undefined {
  const [table, ...stages] = text.split('|').map((s) => s.trim().replace(/\s+/g, ' '));
  if (table?.toLowerCase() !== 'resources') return undefined;
  const q: GraphQuery = {};
  for (const stage of stages) {
    const lower = stage.toLowerCase();
    const inList = /^where type in~ \((.*)\)$/.exec(lower);
    const equals = /^where type =~ ('[^']*')$/.exec(lower);
    const order = /^(?:order|sort) by id(?: (asc|desc))?$/.exec(lower);
    if ((inList || equals) && !q.types) {
      const items = (inList ? inList[1]! : equals![1]!).split(',').map((s) => quoted.exec(s.trim())?.[1]);
      if (items.some((t) => t === undefined)) return undefined;
      q.types = items as string[];
    } else if (lower.startsWith('project ') && !q.columns) {
      const columns = stage
        .slice('project '.length)
        .split(',')
        .map((c) => c.trim());
      if (!columns.every((c): c is GraphColumn => (graphColumns as readonly string[]).includes(c)))
        return undefined;
      q.columns = columns;
    } else if (order && !q.orderById) {
      // KQL sorts descending unless told otherwise.
      q.orderById = order[1] === 'asc' ? 'asc' : 'desc';
    } else {
      return undefined;
    }
  }
  return q;
}
