import type { Aggregate, Expr, Named, Query, SortKey, Stage } from './ast';
import { KqlError } from './errors';
import { functions } from './functions';
import { compare, isNull, same, Timespan, toText } from './values';

export type Row = Record<string, unknown>;

interface Scope {
  now: number;
}

const lower = (v: unknown) => toText(v).toLowerCase();

/** `has`: the needle is one or more whole terms of the text (terms are runs of ASCII letters and digits). */
function hasTerm(text: string, needle: string): boolean {
  if (!needle) return true;
  const alnum = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (!alnum(text[at - 1]) && !alnum(text[at + needle.length])) return true;
  }
  return false;
}

function stringOp(op: string, a: unknown, b: unknown): boolean {
  const cs = op.endsWith('_cs');
  const base = op.replace(/_cs$/, '');
  const x = cs ? toText(a) : lower(a);
  const y = cs ? toText(b) : lower(b);
  switch (base) {
    case 'has':
      return hasTerm(x, y);
    case 'contains':
      return x.includes(y);
    case 'startswith':
      return x.startsWith(y);
    default:
      return x.endsWith(y);
  }
}

function arithmetic(op: string, a: unknown, b: unknown): unknown {
  if (isNull(a) || isNull(b)) return null;
  if (a instanceof Date && b instanceof Timespan)
    return new Date(a.getTime() + (op === '-' ? -b.ms : op === '+' ? b.ms : NaN));
  if (a instanceof Date && b instanceof Date && op === '-') return new Timespan(a.getTime() - b.getTime());
  if (a instanceof Timespan && b instanceof Timespan)
    return op === '+' ? new Timespan(a.ms + b.ms) : op === '-' ? new Timespan(a.ms - b.ms) : null;
  if (typeof a !== 'number' || typeof b !== 'number') return null;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? null : a / b;
    default:
      return b === 0 ? null : a % b;
  }
}

/** A scalar expression over one row, with Kusto's null rules: a null operand makes `<` null, `==` false. */
function evaluate(e: Expr, row: Row, scope: Scope): unknown {
  switch (e.kind) {
    case 'literal':
      return e.value;
    case 'column':
      return row[e.name] ?? null;
    case 'member': {
      const target = evaluate(e.target, row, scope);
      const key = evaluate(e.key, row, scope);
      if (isNull(target) || typeof target !== 'object') return null;
      if (Array.isArray(target)) return typeof key === 'number' ? (target[key] ?? null) : null;
      return (target as Row)[toText(key)] ?? null;
    }
    case 'negate': {
      const v = evaluate(e.operand, row, scope);
      return typeof v === 'number' ? -v : v instanceof Timespan ? new Timespan(-v.ms) : null;
    }
    case 'in': {
      const v = evaluate(e.left, row, scope);
      const ci = e.op.endsWith('~');
      const found =
        !isNull(v) &&
        e.items.some((item) => {
          const w = evaluate(item, row, scope);
          return !isNull(w) && (ci ? lower(v) === lower(w) : same(v, w));
        });
      return e.op.startsWith('!') ? !found : found;
    }
    case 'call': {
      const fn = functions[e.name];
      // The parser has checked the name and the number of arguments.
      return fn!.run({ args: e.args.map((a) => evaluate(a, row, scope)), now: scope.now });
    }
    case 'binary':
      return binary(e.op, e.left, e.right, row, scope);
  }
}

function binary(op: string, l: Expr, r: Expr, row: Row, scope: Scope): unknown {
  if (op === 'and' || op === 'or') {
    const a = evaluate(l, row, scope);
    if (op === 'and' && a === false) return false;
    if (op === 'or' && a === true) return true;
    const b = evaluate(r, row, scope);
    if (op === 'and') return b === false ? false : a === true && b === true ? true : null;
    return b === true ? true : a === false && b === false ? false : null;
  }
  const a = evaluate(l, row, scope);
  const b = evaluate(r, row, scope);
  switch (op) {
    case '==':
      return isNull(a) || isNull(b) ? (isNull(a) && isNull(b) ? null : false) : same(a, b);
    case '!=':
      return isNull(a) || isNull(b) ? (isNull(a) && isNull(b) ? null : true) : !same(a, b);
    case '=~':
      return isNull(a) || isNull(b) ? false : lower(a) === lower(b);
    case '!~':
      return isNull(a) || isNull(b) ? true : lower(a) !== lower(b);
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (isNull(a) || isNull(b)) return null;
      const c = compare(a, b);
      return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
    }
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      return arithmetic(op, a, b);
    default: {
      const negated = op.startsWith('!');
      const result = stringOp(negated ? op.slice(1) : op, a, b);
      return negated ? !result : result;
    }
  }
}

function sortRows(rows: Row[], keys: SortKey[], scope: Scope): Row[] {
  const decorated = rows.map((row) => ({ row, keys: keys.map((k) => evaluate(k.expr, row, scope)) }));
  decorated.sort((x, y) => {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const a = x.keys[i];
      const b = y.keys[i];
      if (isNull(a) || isNull(b)) {
        if (isNull(a) && isNull(b)) continue;
        return isNull(a) === k.nullsFirst ? -1 : 1;
      }
      const c = compare(a, b);
      if (c !== 0) return k.desc ? -c : c;
    }
    return 0;
  });
  return decorated.map((d) => d.row);
}

function aggregateOf(a: Aggregate, rows: Row[], scope: Scope): unknown {
  const values = a.arg ? rows.map((r) => evaluate(a.arg!, r, scope)) : [];
  const present = values.filter((v) => !isNull(v));
  switch (a.fn) {
    case 'count':
      return rows.length;
    case 'countif':
      return values.filter((v) => v === true).length;
    case 'dcount':
      return new Set(present.map((v) => JSON.stringify(v))).size;
    case 'make_list':
      return present;
    case 'make_set': {
      const seen = new Set<string>();
      return present.filter((v) => !seen.has(JSON.stringify(v)) && seen.add(JSON.stringify(v)));
    }
    case 'min':
    case 'max': {
      if (!present.length) return null;
      return present.reduce((m, v) => ((a.fn === 'min' ? compare(v, m) < 0 : compare(v, m) > 0) ? v : m));
    }
    case 'sum':
      return present.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
    case 'avg': {
      const nums = present.filter((v): v is number => typeof v === 'number');
      return nums.length ? nums.reduce((s, v) => s + v, 0) / nums.length : null;
    }
  }
}

function summarize(rows: Row[], aggregates: Aggregate[], by: Named[], scope: Scope): Row[] {
  if (!by.length) {
    const out: Row = {};
    for (const a of aggregates) out[a.name] = aggregateOf(a, rows, scope);
    return [out];
  }
  const groups = new Map<string, { keys: unknown[]; rows: Row[] }>();
  for (const row of rows) {
    const keys = by.map((b) => evaluate(b.expr, row, scope));
    const id = JSON.stringify(keys.map((k) => (k instanceof Date ? k.toISOString() : k)));
    const g = groups.get(id);
    if (g) g.rows.push(row);
    else groups.set(id, { keys, rows: [row] });
  }
  return [...groups.values()].map((g) => {
    const out: Row = {};
    by.forEach((b, i) => (out[b.name] = g.keys[i] ?? null));
    for (const a of aggregates) out[a.name] = aggregateOf(a, g.rows, scope);
    return out;
  });
}

function project(rows: Row[], columns: Named[], scope: Scope, keep: boolean): Row[] {
  return rows.map((row) => {
    const out: Row = keep ? { ...row } : {};
    for (const c of columns) out[c.name] = evaluate(c.expr, row, scope);
    return out;
  });
}

function run(rows: Row[], s: Stage, scope: Scope): Row[] {
  switch (s.kind) {
    case 'where':
      return rows.filter((row) => evaluate(s.predicate, row, scope) === true);
    case 'extend':
      return project(rows, s.columns, scope, true);
    case 'project':
      return project(rows, s.columns, scope, false);
    case 'project-away':
      return rows.map((row) => {
        const out = { ...row };
        for (const n of s.names) delete out[n];
        return out;
      });
    case 'summarize':
      return summarize(rows, s.aggregates, s.by, scope);
    case 'sort':
      return sortRows(rows, s.keys, scope);
    case 'take':
      return rows.slice(0, s.count);
    case 'top':
      return sortRows(rows, [s.key], scope).slice(0, s.count);
    case 'count':
      return [{ Count: rows.length }];
    case 'distinct': {
      const seen = new Set<string>();
      return project(rows, s.columns, scope, false).filter((r) => {
        const id = JSON.stringify(r);
        return !seen.has(id) && !!seen.add(id);
      });
    }
  }
}

/** Checks that every function the query names is one the twin answers, with a number of arguments it takes. */
export function checkFunctions(q: Query): void {
  const visit = (e: Expr): void => {
    if (e.kind === 'call') {
      const fn = functions[e.name];
      if (!fn || e.args.length < fn.arity[0] || e.args.length > fn.arity[1])
        throw new KqlError('parse', `The function '${e.name}' is not supported here.`, e.at, e.name);
      e.args.forEach(visit);
    } else if (e.kind === 'member') {
      visit(e.target);
      visit(e.key);
    } else if (e.kind === 'binary') {
      visit(e.left);
      visit(e.right);
    } else if (e.kind === 'in') {
      visit(e.left);
      e.items.forEach(visit);
    } else if (e.kind === 'negate') visit(e.operand);
  };
  for (const s of q.stages) {
    if (s.kind === 'where') visit(s.predicate);
    else if (s.kind === 'extend' || s.kind === 'project' || s.kind === 'distinct')
      s.columns.forEach((c) => visit(c.expr));
    else if (s.kind === 'summarize') {
      for (const a of s.aggregates) if (a.arg) visit(a.arg);
      s.by.forEach((b) => visit(b.expr));
    } else if (s.kind === 'sort') s.keys.forEach((k) => visit(k.expr));
    else if (s.kind === 'top') visit(s.key.expr);
  }
}

/** Runs a parsed query's operators over a table's rows. */
export function runQuery(q: Query, rows: Row[], now: number): Row[] {
  const scope = { now };
  return q.stages.reduce((current, stage) => run(current, stage, scope), rows);
}

/** Whether a query ends unordered or cut by `take`/`limit`/`top`, which Resource Graph does not page. */
export function cutsRows(q: Query): boolean {
  return q.stages.some((s) => s.kind === 'take' || s.kind === 'top');
}
