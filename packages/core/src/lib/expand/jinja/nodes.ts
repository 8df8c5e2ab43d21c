import type { PyValue } from './py-values';

/** Expression nodes of the Jinja subset (Jinja's own node names where they exist). */
export type Expr =
  | { kind: 'const'; value: PyValue }
  | { kind: 'name'; name: string; line: number }
  | { kind: 'getattr'; node: Expr; attr: string; line: number }
  | { kind: 'getitem'; node: Expr; arg: Expr; line: number }
  | { kind: 'slice'; start?: Expr; stop?: Expr; step?: Expr }
  | { kind: 'call'; node: Expr; args: Expr[]; kwargs: [string, Expr][]; line: number }
  | { kind: 'filter'; name: string; node: Expr; args: Expr[]; kwargs: [string, Expr][]; line: number }
  | { kind: 'test'; name: string; node: Expr; args: Expr[]; negated: boolean; line: number }
  | { kind: 'binop'; op: BinaryOperator; left: Expr; right: Expr; line: number }
  | { kind: 'unary'; op: '-' | '+' | 'not'; node: Expr; line: number }
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'compare'; first: Expr; ops: [CompareOperator, Expr][]; line: number }
  | { kind: 'concat'; nodes: Expr[] }
  | { kind: 'condexpr'; test: Expr; then: Expr; otherwise?: Expr }
  | { kind: 'list' | 'tuple'; items: Expr[] }
  | { kind: 'dict'; items: [Expr, Expr][] };

export type BinaryOperator = '+' | '-' | '*' | '/' | '//' | '%' | '**';
export type CompareOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'notin';

/** Assignment targets of `for` and `set`: a name or a tuple of names. */
export type Target = { kind: 'name'; name: string } | { kind: 'tuple'; names: string[] };

export type Stmt =
  | { kind: 'data'; text: string }
  | { kind: 'output'; node: Expr; line: number }
  | {
      kind: 'if';
      test: Expr;
      body: Stmt[];
      elifs: { test: Expr; body: Stmt[] }[];
      otherwise: Stmt[];
      line: number;
    }
  | { kind: 'for'; target: Target; iter: Expr; filter?: Expr; body: Stmt[]; otherwise: Stmt[]; line: number }
  | { kind: 'assign'; target: Target; node: Expr; line: number }
  | { kind: 'assignblock'; name: string; body: Stmt[] };
