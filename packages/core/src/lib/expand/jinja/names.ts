import type { Expr, Stmt, Target } from './nodes';

/**
 * The variable names a template reads from its context: every name it looks up, minus the names it
 * assigns itself (`set`, `for` targets). Like Jinja's `meta.find_undeclared_variables`, this is
 * static — names in branches that never run are included.
 */
export function contextNames(body: readonly Stmt[]): Set<string> {
  const read = new Set<string>();
  const assigned = new Set<string>(['loop']);
  const target = (t: Target) =>
    (t.kind === 'name' ? [t.name] : t.names).forEach((name) => assigned.add(name));
  const visitStmt = (stmt: Stmt): void => {
    switch (stmt.kind) {
      case 'data':
        return;
      case 'output':
        return visitExpr(stmt.node);
      case 'if':
        visitExpr(stmt.test);
        stmt.body.forEach(visitStmt);
        stmt.elifs.forEach((elif) => {
          visitExpr(elif.test);
          elif.body.forEach(visitStmt);
        });
        return stmt.otherwise.forEach(visitStmt);
      case 'for':
        visitExpr(stmt.iter);
        target(stmt.target);
        if (stmt.filter) visitExpr(stmt.filter);
        stmt.body.forEach(visitStmt);
        return stmt.otherwise.forEach(visitStmt);
      case 'assign':
        visitExpr(stmt.node);
        return target(stmt.target);
      case 'assignblock':
        assigned.add(stmt.name);
        return stmt.body.forEach(visitStmt);
    }
  };
  const visitExpr = (expr: Expr | undefined): void => {
    if (!expr) return;
    switch (expr.kind) {
      case 'const':
        return;
      case 'name':
        read.add(expr.name);
        return;
      case 'getattr':
        return visitExpr(expr.node);
      case 'getitem':
        visitExpr(expr.node);
        return visitExpr(expr.arg);
      case 'slice':
        [expr.start, expr.stop, expr.step].forEach(visitExpr);
        return;
      case 'call':
      case 'filter':
        visitExpr(expr.node);
        expr.args.forEach(visitExpr);
        return expr.kwargs.forEach(([, value]) => visitExpr(value));
      case 'test':
        visitExpr(expr.node);
        return expr.args.forEach(visitExpr);
      case 'binop':
      case 'and':
      case 'or':
        visitExpr(expr.left);
        return visitExpr(expr.right);
      case 'unary':
        return visitExpr(expr.node);
      case 'compare':
        visitExpr(expr.first);
        return expr.ops.forEach(([, operand]) => visitExpr(operand));
      case 'concat':
        return expr.nodes.forEach(visitExpr);
      case 'condexpr':
        [expr.test, expr.then, expr.otherwise].forEach(visitExpr);
        return;
      case 'list':
      case 'tuple':
        return expr.items.forEach(visitExpr);
      case 'dict':
        return expr.items.forEach(([key, value]) => {
          visitExpr(key);
          visitExpr(value);
        });
    }
  };
  body.forEach(visitStmt);
  return new Set([...read].filter((name) => !assigned.has(name)));
}
