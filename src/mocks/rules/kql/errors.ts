/**
 * Why a query cannot be run, with where: `parse` for what the query language does not allow (or the twin's subset
 * does not cover, which Resource Graph then reports the same way), `table` for a table Resource Graph does not serve.
 */
export class KqlError extends Error {
  constructor(
    readonly kind: 'parse' | 'table',
    message: string,
    readonly at: { line: number; col: number },
    /** The text at fault, as Resource Graph's ParserFailure names it. */
    readonly token: string,
  ) {
    super(message);
    this.name = 'KqlError';
  }
}
