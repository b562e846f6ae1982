/**
 * Kusto's values as the twin holds them: null, string, number, boolean, datetime (a Date), timespan, and dynamic
 * (JSON objects and arrays, as Azure Resource Graph's `properties`).
 */

/** A length of time (Kusto's timespan): `1d`, or a datetime minus another. */
export class Timespan {
  constructor(readonly ms: number) {}
}

/** A datetime as Kusto reads one: ISO 8601, or `2024-06-12 13:26:17` (UTC). Undefined when it is no date. */
export function parseDatetime(text: string): Date | undefined {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return undefined;
  const iso = /[zZ]|[+-]\d{2}:?\d{2}$/.test(t) ? t.replace(' ', 'T') : `${t.replace(' ', 'T')}Z`;
  const d = new Date(iso.length === 11 ? `${iso.slice(0, 10)}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export const isNull = (v: unknown): v is null | undefined => v === null || v === undefined;

/** Kusto's tostring: null is the empty string; a date is ISO 8601; dynamic values are JSON. */
export function toText(v: unknown): string {
  if (isNull(v)) return '';
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Timespan) return timespanText(v.ms);
  // Dynamic values are JSON; so are numbers and booleans, as Kusto prints them.
  return JSON.stringify(v) ?? '';
}

function timespanText(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const days = Math.floor(rest / 86_400_000);
  rest -= days * 86_400_000;
  const pad = (n: number) => String(Math.floor(n)).padStart(2, '0');
  const h = rest / 3_600_000;
  const m = (rest % 3_600_000) / 60_000;
  const s = (rest % 60_000) / 1000;
  return `${sign}${days ? `${days}.` : ''}${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** A value as Resource Graph's objectArray answer carries it: datetimes and timespans as strings. */
export function toJson(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date || v instanceof Timespan) return toText(v);
  return v;
}

/** Ordering for sort, min and max: numbers, dates, timespans and strings among their own kind. */
export function compare(a: unknown, b: unknown): number {
  const key = (v: unknown): number | string | undefined =>
    typeof v === 'number'
      ? v
      : typeof v === 'boolean'
        ? Number(v)
        : v instanceof Date
          ? v.getTime()
          : v instanceof Timespan
            ? v.ms
            : typeof v === 'string'
              ? v
              : undefined;
  const x = key(a);
  const y = key(b);
  if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? -1 : 1;
  if (typeof x === typeof y) return x < y ? -1 : x > y ? 1 : 0;
  return typeof x === 'number' ? -1 : 1;
}

/** Kusto's `==` between two non-null values: strings case-sensitive, dates by instant, dynamic by content. */
export function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof Timespan && b instanceof Timespan) return a.ms === b.ms;
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  return a === b;
}
