import type { Aggregate, Expr, Named, Query, SortKey, Stage } from './ast';
import { KqlError } from './errors';
import { timespanMs, tokenize, type Token } from './lexer';
import { Timespan, parseDatetime } from './values';
import { aggregatePrefix, aggregates, derivedName, stringOps } from './names';

/**
 * A recursive-descent parser for the part of the query language the twin answers (see docs/architecture.md):
 * `where`, `extend`, `project`, `project-away`, `summarize … by`, `order`/`sort by`, `take`/`limit`, `top … by`,
 * `count` and `distinct`, over scalar expressions with Kusto's comparison, string and `in` operators, `and`, `or`,
 * arithmetic, property paths with dots and `['…']`, and the functions in functions.ts. Anything else is refused with
 * the token at fault, as Resource Graph refuses it.
 */
export function parseQuery(text: string): Query {
  const tokens = tokenize(text);
  let i = 0;
  let unnamed = 0;
  const peek = (k = 0) => tokens[Math.min(i + k, tokens.length - 1)]!;
  const next = () => tokens[i++]!;
  const fail = (t: Token, message: string): never => {
    throw new KqlError('parse', message, { line: t.line, col: t.col }, t.text || '<end of query>');
  };
  const isPunct = (t: Token, p: string) => t.kind === 'punct' && t.text === p;
  const isWord = (t: Token, w: string) => t.kind === 'ident' && t.text === w;
  const expectPunct = (p: string) => (isPunct(peek(), p) ? next() : fail(peek(), `Expected '${p}'.`));
  const expectWord = (w: string) => (isWord(peek(), w) ? next() : fail(peek(), `Expected '${w}'.`));
  const name = (): string => {
    const t = peek();
    if (t.kind === 'ident') return next().text;
    if (isPunct(t, '[')) {
      next();
      const s = peek().kind === 'string' ? next().text : fail(peek(), 'Expected a quoted name.');
      expectPunct(']');
      return s;
    }
    return fail(t, 'Expected a column name.');
  };
  const integer = (): number => {
    const t = peek();
    if (t.kind !== 'number' || !/^\d+$/.test(t.text)) return fail(t, 'Expected a whole number.');
    return Number(next().text);
  };

  function primary(): Expr {
    const t = peek();
    if (t.kind === 'string') return (next(), { kind: 'literal', value: t.text });
    if (t.kind === 'number') return (next(), { kind: 'literal', value: Number(t.text) });
    if (t.kind === 'timespan') return (next(), { kind: 'literal', value: new Timespan(timespanMs(t.text)) });
    if (t.kind === 'datetime') {
      next();
      const d = parseDatetime(t.text);
      return d ? { kind: 'literal', value: d } : fail(t, 'The datetime literal is not a date.');
    }
    if (isPunct(t, '(')) {
      next();
      const e = expression();
      expectPunct(')');
      return e;
    }
    if (isPunct(t, '[')) return { kind: 'column', name: name() };
    if (t.kind === 'ident') {
      next();
      if (t.text === 'true' || t.text === 'false') return { kind: 'literal', value: t.text === 'true' };
      if (t.text === 'null') return { kind: 'literal', value: null };
      if (isPunct(peek(), '(')) {
        next();
        const args: Expr[] = [];
        if (!isPunct(peek(), ')')) {
          args.push(expression());
          while (isPunct(peek(), ',')) {
            next();
            args.push(expression());
          }
        }
        expectPunct(')');
        return { kind: 'call', name: t.text, args, at: { line: t.line, col: t.col } };
      }
      return { kind: 'column', name: t.text };
    }
    return fail(t, 'Expected an expression.');
  }

  function postfix(): Expr {
    let e = primary();
    for (;;) {
      if (isPunct(peek(), '.')) {
        next();
        e = { kind: 'member', target: e, key: { kind: 'literal', value: name() } };
      } else if (isPunct(peek(), '[')) {
        next();
        const key = expression();
        expectPunct(']');
        e = { kind: 'member', target: e, key };
      } else return e;
    }
  }

  function unary(): Expr {
    if (isPunct(peek(), '-')) return (next(), { kind: 'negate', operand: unary() });
    return postfix();
  }

  const binaryLevel = (ops: string[], below: () => Expr) => (): Expr => {
    let left = below();
    while (peek().kind === 'punct' && ops.includes(peek().text))
      left = { kind: 'binary', op: next().text, left, right: below() };
    return left;
  };
  const multiplicative = binaryLevel(['*', '/', '%'], unary);
  const additive = binaryLevel(['+', '-'], multiplicative);

  function comparison(): Expr {
    const left = additive();
    const t = peek();
    const negated = isPunct(t, '!') && peek(1).kind === 'ident';
    const word = negated ? peek(1) : t;
    if (
      word.kind === 'ident' &&
      (word.text === 'in' || word.text === 'in~' || stringOps.includes(word.text))
    ) {
      if (negated) next();
      next();
      if (word.text === 'in') {
        // `in~`: the lexer reads `in` then `~`-less punctuation; Kusto writes it `in~`.
        const tilde = isPunct(peek(), '~');
        if (tilde) next();
        expectPunct('(');
        const items = [expression()];
        while (isPunct(peek(), ',')) {
          next();
          items.push(expression());
        }
        expectPunct(')');
        const op = `${negated ? '!' : ''}in${tilde ? '~' : ''}` as 'in';
        return { kind: 'in', op, left, items };
      }
      return { kind: 'binary', op: `${negated ? '!' : ''}${word.text}`, left, right: additive() };
    }
    if (t.kind === 'punct' && ['==', '!=', '=~', '!~', '<', '<=', '>', '>='].includes(t.text)) {
      next();
      return { kind: 'binary', op: t.text, left, right: additive() };
    }
    return left;
  }

  const and = binaryLevelWords(['and'], comparison);
  const or = binaryLevelWords(['or'], and);
  function binaryLevelWords(words: string[], below: () => Expr) {
    return (): Expr => {
      let left = below();
      while (peek().kind === 'ident' && words.includes(peek().text))
        left = { kind: 'binary', op: next().text, left, right: below() };
      return left;
    };
  }
  function expression(): Expr {
    return or();
  }

  /** `name = expr` or `expr` (named after it), as extend, project and summarize's `by` take them. */
  function named(): Named {
    const t = peek();
    if ((t.kind === 'ident' || isPunct(t, '[')) && isPunct(peek(t.kind === 'ident' ? 1 : 3), '=')) {
      const n = name();
      expectPunct('=');
      return { name: n, expr: expression() };
    }
    const expr = expression();
    return { name: derivedName(expr, `Column${++unnamed}`), expr };
  }
  const list = <T>(item: () => T): T[] => {
    const out = [item()];
    while (isPunct(peek(), ',')) {
      next();
      out.push(item());
    }
    return out;
  };

  function sortKey(): SortKey {
    const expr = expression();
    let desc = true;
    if (isWord(peek(), 'asc') || isWord(peek(), 'desc')) desc = next().text === 'desc';
    let nullsFirst = !desc;
    if (isWord(peek(), 'nulls')) {
      next();
      const w = peek();
      nullsFirst = isWord(w, 'first')
        ? true
        : isWord(w, 'last')
          ? false
          : fail(w, "Expected 'first' or 'last'.");
      next();
    }
    return { expr, desc, nullsFirst };
  }

  function aggregate(): Aggregate {
    const t = peek();
    let label: string | undefined;
    if (t.kind === 'ident' && isPunct(peek(1), '=')) {
      label = next().text;
      next();
    }
    const fnToken = peek();
    if (fnToken.kind !== 'ident' || !aggregates.has(fnToken.text) || !isPunct(peek(1), '('))
      return fail(fnToken, 'Expected an aggregation function.');
    next();
    next();
    const fn = fnToken.text as Aggregate['fn'];
    const arg = isPunct(peek(), ')') ? undefined : expression();
    expectPunct(')');
    if (fn !== 'count' && !arg) return fail(fnToken, `${fn}() needs an argument.`);
    const suffix = arg ? derivedName(arg, '') : '';
    return { name: label ?? `${aggregatePrefix[fn]}_${suffix}`, fn, arg };
  }

  function stage(): Stage {
    const t = next();
    if (t.kind !== 'ident') return fail(t, 'Expected a tabular operator.');
    switch (t.text) {
      case 'where':
        return { kind: 'where', predicate: expression() };
      case 'extend':
        return { kind: 'extend', columns: list(named) };
      case 'project':
        return { kind: 'project', columns: list(named) };
      case 'project-away':
        return { kind: 'project-away', names: list(name) };
      case 'summarize': {
        const aggs = list(aggregate);
        const by = isWord(peek(), 'by') ? (next(), list(named)) : [];
        return { kind: 'summarize', aggregates: aggs, by };
      }
      case 'order':
      case 'sort':
        expectWord('by');
        return { kind: 'sort', keys: list(sortKey) };
      case 'take':
      case 'limit':
        return { kind: 'take', count: integer() };
      case 'top': {
        const count = integer();
        expectWord('by');
        return { kind: 'top', count, key: sortKey() };
      }
      case 'count':
        return { kind: 'count' };
      case 'distinct':
        return { kind: 'distinct', columns: list(named) };
      default:
        return fail(t, `The operator '${t.text}' is not supported here.`);
    }
  }

  const table = peek();
  if (table.kind !== 'ident') fail(table, 'A query starts with a table name.');
  next();
  const stages: Stage[] = [];
  while (isPunct(peek(), '|')) {
    next();
    stages.push(stage());
  }
  if (peek().kind !== 'eof') fail(peek(), 'Unexpected text after the query.');
  return { table: table.text.toLowerCase(), stages };
}
