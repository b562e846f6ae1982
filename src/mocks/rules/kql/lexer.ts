import { KqlError } from './errors';

type TokenKind = 'ident' | 'string' | 'number' | 'timespan' | 'datetime' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /** The token's text as written (a string's value without quotes; a timespan's or number's digits and unit). */
  text: string;
  line: number;
  col: number;
}

/** Operator names written with a hyphen: one word to the query language. */
const hyphenated = new Set([
  'project-away',
  'project-rename',
  'project-reorder',
  'project-keep',
  'mv-expand',
]);
const puncts = [
  '==',
  '!=',
  '=~',
  '!~',
  '<=',
  '>=',
  '|',
  '(',
  ')',
  ',',
  '.',
  '[',
  ']',
  '=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '!',
  '~',
];
const units: Record<string, number> = {
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1_000,
  ms: 1,
  microsecond: 0.001,
  tick: 0.0001,
};

/**
 * Splits a query into tokens, as Kusto reads it: line breaks anywhere, `//` comments to the end of the line, strings
 * in single or double quotes with backslash escapes (or verbatim with `@`), numbers, timespans (`14d`, `1h`, `30m`,
 * `10s`, `100ms`) and `datetime(…)` literals, whose text is taken as written.
 */
export function tokenize(query: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const at = () => ({ line, col: i - lineStart });
  while (i < query.length) {
    const c = query[i]!;
    if (c === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '/' && query[i + 1] === '/') {
      while (i < query.length && query[i] !== '\n') i++;
      continue;
    }
    const pos = at();
    if (c === "'" || c === '"' || (c === '@' && (query[i + 1] === "'" || query[i + 1] === '"'))) {
      const verbatim = c === '@';
      const quote = verbatim ? query[i + 1]! : c;
      i += verbatim ? 2 : 1;
      let text = '';
      for (;;) {
        if (i >= query.length || query[i] === '\n')
          throw new KqlError('parse', 'An unterminated string.', pos, quote);
        const ch = query[i]!;
        if (ch === quote) {
          i++;
          break;
        }
        if (ch === '\\' && !verbatim) {
          const next = query[i + 1] ?? '';
          text += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          i += 2;
          continue;
        }
        text += ch;
        i++;
      }
      out.push({ kind: 'string', text, ...pos });
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^(\d+(?:\.\d+)?(?:e[+-]?\d+)?)(microseconds?|ticks?|ms|d|h|m|s)?(?![A-Za-z0-9_])/i.exec(
        query.slice(i),
      );
      if (!m) throw new KqlError('parse', 'A number is malformed.', pos, query.slice(i, i + 10));
      i += m[0].length;
      out.push({ kind: m[2] ? 'timespan' : 'number', text: m[0], ...pos });
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      let j = i;
      while (j < query.length && /[A-Za-z0-9_$]/.test(query[j]!)) j++;
      let word = query.slice(i, j);
      const joined = /^-[A-Za-z]+/.exec(query.slice(j))?.[0];
      if (joined && hyphenated.has(`${word}${joined}`.toLowerCase())) {
        word += joined;
        j += joined.length;
      }
      i = j;
      // `datetime(2024-06-12 13:26:17)`: the literal is the text up to the closing parenthesis.
      const rest = /^\s*\(([^)]*)\)/.exec(query.slice(i));
      if (word === 'datetime' && rest && !/^\s*['"]/.test(rest[1]!)) {
        out.push({ kind: 'datetime', text: rest[1]!.trim(), ...pos });
        i += rest[0].length;
        continue;
      }
      out.push({ kind: 'ident', text: word, ...pos });
      continue;
    }
    const p = puncts.find((x) => query.startsWith(x, i));
    if (!p) throw new KqlError('parse', `The character '${c}' is not part of the query language.`, pos, c);
    out.push({ kind: 'punct', text: p, ...pos });
    i += p.length;
  }
  out.push({ kind: 'eof', text: '', ...at() });
  return out;
}

/** A timespan token's length in milliseconds. */
export function timespanMs(text: string): number {
  const m = /^(\d+(?:\.\d+)?(?:e[+-]?\d+)?)(microseconds?|ticks?|ms|d|h|m|s)$/i.exec(text)!;
  const u = m[2]!.toLowerCase();
  const unit = u === 'ms' || u === 's' ? u : u.replace(/s$/, '');
  return Number(m[1]) * units[unit]!;
}
