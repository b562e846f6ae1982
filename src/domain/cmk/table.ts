import type { Coverage } from '../alerts/coverage';
import type { CmkRow, RiskLevel } from './posture';

/** The summary tiles, each a filter of the table. */
export type Tile = 'all' | 'customer' | 'healthy' | 'at-risk' | 'microsoft' | 'unknown' | 'alerts-missing';
const tiles: Tile[] = ['all', 'customer', 'healthy', 'at-risk', 'microsoft', 'unknown', 'alerts-missing'];

export type SortColumn =
  | 'name'
  | 'subscription'
  | 'encryption'
  | 'vault'
  | 'key'
  | 'version'
  | 'status'
  | 'policy'
  | 'alerts'
  | 'risk';
const sortColumns: SortColumn[] = [
  'name',
  'subscription',
  'encryption',
  'vault',
  'key',
  'version',
  'status',
  'policy',
  'alerts',
  'risk',
];
export type SortDirection = 'asc' | 'desc';

export interface TableView {
  tile: Tile;
  text: string;
  sort: SortColumn;
  direction: SortDirection;
}

/** Encryption tiles by the bot's setting; the others by its posture (a bot turned off this week can be at risk). */
const inTile = (tile: Tile, r: CmkRow): boolean =>
  tile === 'all' ||
  (tile === 'customer'
    ? r.cmek
    : tile === 'microsoft'
      ? !r.cmek
      : tile === 'alerts-missing'
        ? r.cmek && (r.alerts === 'none' || r.alerts === 'partly')
        : r.posture === tile);

/** The Alerts column's words. */
export const alertsText: Record<Coverage, string> = {
  covered: 'Covered',
  partly: 'Partly covered',
  none: 'Not covered',
  unknown: 'Not known',
};

export function tileCounts(rows: CmkRow[]): Record<Tile, number> {
  const counts: Record<Tile, number> = {
    all: 0,
    customer: 0,
    healthy: 0,
    'at-risk': 0,
    microsoft: 0,
    unknown: 0,
    'alerts-missing': 0,
  };
  for (const r of rows) for (const t of tiles) if (inTile(t, r)) counts[t]++;
  return counts;
}

export const encryptionText = (r: CmkRow) => (r.cmek ? 'Customer-managed' : 'Microsoft-managed');

/** Every word the text filter looks in: names, key, status and the risks' own words. */
function haystack(r: CmkRow): string {
  return [
    r.name,
    r.subscriptionName,
    encryptionText(r),
    r.key?.vaultName,
    r.key?.keyName,
    r.key?.version,
    r.status,
    r.policy,
    r.alerts && alertsText[r.alerts],
    ...r.risks.flatMap((k) => [k.title, k.reason]),
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

const levelRank: Record<RiskLevel, number> = { error: 3, warning: 2, unknown: 1 };

/** Worst risk first, then how many. */
function riskWeight(r: CmkRow): number {
  const worst = r.risks[0] ? levelRank[r.risks[0].level] : 0;
  return worst * 1000 + r.risks.length;
}

function sortValue(r: CmkRow, c: SortColumn): string | number {
  switch (c) {
    case 'name':
      return r.name.toLowerCase();
    case 'subscription':
      return r.subscriptionName.toLowerCase();
    case 'encryption':
      return encryptionText(r);
    case 'vault':
      return r.key?.vaultName.toLowerCase() ?? '';
    case 'key':
      return r.key?.keyName.toLowerCase() ?? '';
    case 'version':
      return r.key?.version ?? '';
    case 'status':
      return r.status.toLowerCase();
    case 'policy':
      return r.policy?.toLowerCase() ?? '~';
    case 'alerts':
      return r.alerts ? alertsText[r.alerts].toLowerCase() : '~';
    case 'risk':
      return riskWeight(r);
  }
}

const searchText = new WeakMap<CmkRow, string>();

/**
 * Builds the filter's text of rows ahead of the first keystroke (megabytes at tenant scale: a quarter of a second
 * when the first keystroke paid for it). Called a slice at a time while the browser is idle.
 */
export function prepareSearch(rows: CmkRow[]): void {
  for (const r of rows) if (!searchText.has(r)) searchText.set(r, haystack(r));
}

/** The rows a view shows: the tile's, those matching every word of the text, sorted (by name within ties). */
export function viewRows(rows: CmkRow[], view: TableView): CmkRow[] {
  const words = view.text.toLowerCase().split(/\s+/).filter(Boolean);
  const kept = rows.filter((r) => {
    if (!inTile(view.tile, r)) return false;
    if (!words.length) return true;
    let text = searchText.get(r);
    if (text === undefined) searchText.set(r, (text = haystack(r)));
    return words.every((w) => text.includes(w));
  });
  const dir = view.direction === 'asc' ? 1 : -1;
  // Each row's keys are computed once, not once per comparison: at tenant scale a sort makes some 60,000 of them,
  // and a locale-aware comparison of names in each made a keystroke in the filter take a quarter of a second.
  const keyed = kept.map((r) => ({ r, v: sortValue(r, view.sort), n: r.name.toLowerCase() }));
  keyed.sort((a, b) => {
    if (a.v < b.v) return -dir;
    if (a.v > b.v) return dir;
    return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
  });
  return keyed.map((k) => k.r);
}

/** The view in the page's address, and back: a link shows the same rows. Unknown values fall back to the defaults. */
export function viewFromQuery(q: Record<string, string>): TableView {
  const tile = tiles.find((t) => t === q.view) ?? 'all';
  const sort = sortColumns.find((c) => c === q.sort) ?? 'risk';
  const direction: SortDirection =
    q.dir === 'asc' || q.dir === 'desc' ? q.dir : sort === 'risk' ? 'desc' : 'asc';
  return { tile, text: q.q ?? '', sort, direction };
}

export function queryFromView(v: TableView): Record<string, string> {
  const q: Record<string, string> = {};
  if (v.tile !== 'all') q.view = v.tile;
  if (v.text) q.q = v.text;
  if (v.sort !== 'risk') q.sort = v.sort;
  if (v.direction !== (v.sort === 'risk' ? 'desc' : 'asc')) q.dir = v.direction;
  return q;
}

/** The rows with each bot's policy word (the page's policy reads are apart from the posture's). */
export function withPolicy(rows: CmkRow[], wordOf: (r: CmkRow) => string | undefined): CmkRow[] {
  return rows.map((r) => {
    const policy = wordOf(r);
    return policy === r.policy ? r : { ...r, policy };
  });
}

/** The rows with each bot's alert coverage (read after the risks, apart from them). */
export function withAlerts(rows: CmkRow[], coverageOf: (r: CmkRow) => Coverage | undefined): CmkRow[] {
  return rows.map((r) => {
    const alerts = r.cmek ? coverageOf(r) : undefined;
    return alerts === r.alerts ? r : { ...r, alerts };
  });
}
