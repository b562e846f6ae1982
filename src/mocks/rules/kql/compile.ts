import { checkFunctions } from './evaluate';
import { KqlError } from './errors';
import type { Query } from './ast';
import { parseQuery } from './parser';

/**
 * A query parsed, its table known and its functions checked, or why it cannot run, as a value: the parser's
 * exceptions (its way out of deep recursion) stop here, and the route turns the reason into Resource Graph's 400.
 */
export function compileQuery(text: string, servesTable: (table: string) => boolean): Query | KqlError {
  try {
    const q = parseQuery(text);
    if (!servesTable(q.table))
      return new KqlError(
        'table',
        `Table ${q.table} is invalid, unsupported or disallowed.`,
        { line: 1, col: 0 },
        q.table,
      );
    checkFunctions(q);
    return q;
  } catch (e) {
    if (e instanceof KqlError) return e;
    throw e;
  }
}
