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
  'properties',
] as const;

export type GraphColumn = (typeof graphColumns)[number];

/** `alias = tostring(properties.a.b)` (or `tobool`, `toint`): a value from the resource's ARM properties. */
export interface ComputedColumn {
  alias: string;
  convert: 'tostring' | 'tobool' | 'toint';
  path: string[];
}

export interface GraphQuery {
  /** Lower-case resource types to keep; undefined keeps all. */
  types?: string[];
  columns?: (GraphColumn | ComputedColumn)[];
  orderById?: 'asc' | 'desc';
}

function columnOf(text: string): GraphColumn | ComputedColumn | undefined {
  if ((graphColumns as readonly string[]).includes(text)) return text as GraphColumn;
  const m = /^([A-Za-z]\w*) ?= ?(tostring|tobool|toint)\(properties((?:\.[A-Za-z]\w*)+)\)$/.exec(text);
  return m
    ? { alias: m[1]!, convert: m[2] as ComputedColumn['convert'], path: m[3]!.slice(1).split('.') }
    : undefined;
}

const quoted = /^'([^']*)'$/;

/**
 * The twin runs no KQL: it understands `resources`, then in any order `where type in~ ('a', 'b')` or
 * `where type =~ 'a'`, `project` of known columns (or `x = tostring(properties.y)`) and `order by id asc|desc`. Anything else is refused, never guessed.
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
        .map((c) => columnOf(c.trim()));
      if (columns.some((c) => c === undefined)) return undefined;
      q.columns = columns as (GraphColumn | ComputedColumn)[];
    } else if (order && !q.orderById) {
      // KQL sorts descending unless told otherwise.
      q.orderById = order[1] === 'asc' ? 'asc' : 'desc';
    } else {
      return undefined;
    }
  }
  return q;
}
