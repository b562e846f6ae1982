import { isNull, parseDatetime, Timespan, toText } from './values';

/** What a scalar function sees: its arguments' values, and the query's `now` (ago, now). */
interface Call {
  args: unknown[];
  now: number;
}

const toInt = (v: unknown): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.trunc(v) : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(v)) return Math.trunc(Number(v));
  return null;
};

const toBool = (v: unknown): boolean | null => {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    return s === 'true' || s === '1' ? true : s === 'false' || s === '0' ? false : null;
  }
  return null;
};

const toDate = (v: unknown): Date | null =>
  v instanceof Date ? v : typeof v === 'string' ? (parseDatetime(v) ?? null) : null;

/** Kusto's isempty: null or the empty string (and an empty array or bag, for dynamic values). */
const empty = (v: unknown) =>
  isNull(v) ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !(v instanceof Date) && !(v instanceof Timespan) && Object.keys(v).length === 0);

/** The scalar functions the twin's Resource Graph answers, by name, with how many arguments each takes. */
export const functions: Record<string, { arity: [number, number]; run(c: Call): unknown }> = {
  isnull: { arity: [1, 1], run: ({ args }) => isNull(args[0]) },
  isnotnull: { arity: [1, 1], run: ({ args }) => !isNull(args[0]) },
  isempty: { arity: [1, 1], run: ({ args }) => empty(args[0]) },
  isnotempty: { arity: [1, 1], run: ({ args }) => !empty(args[0]) },
  ago: {
    arity: [1, 1],
    run: ({ args, now }) => (args[0] instanceof Timespan ? new Date(now - args[0].ms) : null),
  },
  now: {
    arity: [0, 1],
    run: ({ args, now }) => new Date(now + (args[0] instanceof Timespan ? args[0].ms : 0)),
  },
  datetime: { arity: [1, 1], run: ({ args }) => toDate(args[0]) },
  todatetime: { arity: [1, 1], run: ({ args }) => toDate(args[0]) },
  tostring: { arity: [1, 1], run: ({ args }) => toText(args[0]) },
  toint: { arity: [1, 1], run: ({ args }) => toInt(args[0]) },
  tolong: { arity: [1, 1], run: ({ args }) => toInt(args[0]) },
  todouble: {
    arity: [1, 1],
    run: ({ args }) => {
      const n = typeof args[0] === 'string' ? Number(args[0]) : args[0];
      return typeof n === 'number' && Number.isFinite(n) ? n : null;
    },
  },
  tobool: { arity: [1, 1], run: ({ args }) => toBool(args[0]) },
  toboolean: { arity: [1, 1], run: ({ args }) => toBool(args[0]) },
  tolower: { arity: [1, 1], run: ({ args }) => toText(args[0]).toLowerCase() },
  toupper: { arity: [1, 1], run: ({ args }) => toText(args[0]).toUpperCase() },
  strcat: { arity: [1, 64], run: ({ args }) => args.map(toText).join('') },
  strlen: { arity: [1, 1], run: ({ args }) => toText(args[0]).length },
  split: {
    arity: [2, 3],
    run: ({ args }) => {
      const parts = toText(args[0]).split(toText(args[1]));
      if (args.length < 3) return parts;
      const i = toInt(args[2]);
      return i === null || i < 0 || i >= parts.length ? [] : [parts[i]!];
    },
  },
  iff: { arity: [3, 3], run: ({ args }) => (args[0] === true ? args[1] : args[2]) },
  iif: { arity: [3, 3], run: ({ args }) => (args[0] === true ? args[1] : args[2]) },
  not: { arity: [1, 1], run: ({ args }) => (typeof args[0] === 'boolean' ? !args[0] : null) },
  coalesce: { arity: [1, 64], run: ({ args }) => args.find((a) => !isNull(a) && a !== '') ?? null },
  array_length: { arity: [1, 1], run: ({ args }) => (Array.isArray(args[0]) ? args[0].length : null) },
};
