/** A scalar expression of the query language. */
export type Expr =
  | { kind: 'literal'; value: unknown }
  | { kind: 'column'; name: string }
  | { kind: 'member'; target: Expr; key: Expr }
  | { kind: 'call'; name: string; args: Expr[]; at: { line: number; col: number } }
  | { kind: 'binary'; op: string; left: Expr; right: Expr }
  | { kind: 'in'; op: 'in' | 'in~' | '!in' | '!in~'; left: Expr; items: Expr[] }
  | { kind: 'negate'; operand: Expr };

export interface Named {
  /** The column's name: as written (`name = …`), or derived from the expression. */
  name: string;
  expr: Expr;
}

export interface SortKey {
  expr: Expr;
  desc: boolean;
  nullsFirst: boolean;
}

export interface Aggregate {
  name: string;
  fn: 'count' | 'countif' | 'dcount' | 'make_list' | 'make_set' | 'min' | 'max' | 'sum' | 'avg';
  arg?: Expr;
}

/** A tabular operator after a pipe. */
export type Stage =
  | { kind: 'where'; predicate: Expr }
  | { kind: 'extend'; columns: Named[] }
  | { kind: 'project'; columns: Named[] }
  | { kind: 'project-away'; names: string[] }
  | { kind: 'summarize'; aggregates: Aggregate[]; by: Named[] }
  | { kind: 'sort'; keys: SortKey[] }
  | { kind: 'take'; count: number }
  | { kind: 'top'; count: number; key: SortKey }
  | { kind: 'count' }
  | { kind: 'distinct'; columns: Named[] };

export interface Query {
  /** The table, lower-cased. */
  table: string;
  stages: Stage[];
}
