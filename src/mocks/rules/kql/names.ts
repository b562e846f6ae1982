import type { Aggregate, Expr } from './ast';

/** The names the query language knows: its aggregates, string operators, and the names of unnamed columns. */
export const aggregates = new Set([
  'count',
  'countif',
  'dcount',
  'make_list',
  'make_set',
  'min',
  'max',
  'sum',
  'avg',
]);
/** Default column names of aggregates: `count()` → `count_`, `max(x)` → `max_x`, `make_set(x)` → `set_x`. */
export const aggregatePrefix: Record<Aggregate['fn'], string> = {
  count: 'count',
  countif: 'countif',
  dcount: 'dcount',
  make_list: 'list',
  make_set: 'set',
  min: 'min',
  max: 'max',
  sum: 'sum',
  avg: 'avg',
};
export const stringOps = [
  'has',
  'contains',
  'startswith',
  'endswith',
  'has_cs',
  'contains_cs',
  'startswith_cs',
  'endswith_cs',
];

/** The name Kusto gives an unnamed column: `properties.a.b` and `tostring(properties.a.b)` → `properties_a_b`. */
export function derivedName(e: Expr, fallback: string): string {
  const path = (x: Expr): string | undefined => {
    if (x.kind === 'column') return x.name;
    if (x.kind === 'member' && x.key.kind === 'literal' && typeof x.key.value === 'string') {
      const head = path(x.target);
      return head && `${head}_${x.key.value}`;
    }
    if (x.kind === 'call' && x.args.length === 1) return path(x.args[0]!);
    return undefined;
  };
  return path(e)?.replace(/[^A-Za-z0-9_]/g, '_') ?? fallback;
}
