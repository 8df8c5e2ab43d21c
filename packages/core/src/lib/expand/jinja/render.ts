import { getAttribute, getItem, sliceValue } from './attributes';
import { JinjaError } from './errors';
import { boundedValue, checkLimit, limitError } from './limits';
import { escapeHtml } from './escape';
import { applyFilter, type FilterEnv } from './filters';
import { JINJA_GLOBALS } from './globals';
import { applyTest } from './jinja-tests';
import type { Expr, Stmt, Target } from './nodes';
import { binaryOp, callValue, compare, iterate, pyLength, unaryOp, undefinedMessage } from './operators';
import { pyStr, pyTruthy } from './py-str';
import { Markup, PyDict, PyTuple, Undefined, type PyValue } from './py-values';

/** An undefined value that silently became "" in the output (Jinja's default `Undefined`). */
export interface UndefinedUse {
  /** The variable name, or for a missing attribute/item the expression's owner description. */
  readonly name: string;
  /** True for an undefined variable; false for a missing attribute or item of a defined value. */
  readonly isVariable: boolean;
  /** Jinja's description, e.g. "'account_id' is undefined". */
  readonly message: string;
  readonly line: number;
}

export interface RenderOptions {
  readonly autoescape: boolean;
  /** Told about every undefined value that is printed or turned into text. */
  readonly onUndefined?: (use: UndefinedUse) => void;
}

/** Variables: the template-level scope sits on the context, which sits on Jinja's globals. */
class Scope {
  private readonly vars = new Map<string, PyValue>();

  constructor(
    private readonly parent: Scope | undefined,
    private readonly context?: ReadonlyMap<string, PyValue>,
  ) {}

  has(name: string): boolean {
    return this.lookup(name) !== undefined;
  }

  /** The value, or undefined (JS) when no scope, the context or the globals define the name. */
  lookup(name: string): PyValue | undefined {
    if (this.vars.has(name)) return this.vars.get(name);
    if (this.parent) return this.parent.lookup(name);
    if (this.context?.has(name)) return this.context.get(name);
    return JINJA_GLOBALS.get(name);
  }

  set(name: string, value: PyValue): void {
    this.vars.set(name, value);
  }
}

/** Runs a parsed template against a context, with Python/Jinja semantics for every value. */
export function renderStatements(
  body: readonly Stmt[],
  context: ReadonlyMap<string, PyValue>,
  options: RenderOptions,
): string {
  return new Renderer(options).run(body, context);
}

class Renderer implements FilterEnv {
  readonly autoescape: boolean;
  private line = 1;
  /** Work done so far, against RENDER_LIMITS. */
  private written = 0;
  private iterations = 0;

  constructor(private readonly options: RenderOptions) {
    this.autoescape = options.autoescape;
  }

  run(body: readonly Stmt[], context: ReadonlyMap<string, PyValue>): string {
    const out: string[] = [];
    try {
      this.block(body, new Scope(undefined, context), out);
    } catch (caught) {
      // V8's "Invalid string length" / "Invalid array length": a value grew past what it can hold.
      const error = caught instanceof RangeError ? limitError('a value', undefined, 'valueLength') : caught;
      if (error instanceof JinjaError && error.line === undefined)
        throw new JinjaError(error.pythonType, error.reason, this.line);
      throw error;
    }
    return out.join('');
  }

  /** Python `str()` of a value; an Undefined becoming "" is reported. */
  str(value: PyValue): string {
    if (value instanceof Undefined) this.reportUndefined(value);
    return pyStr(value);
  }

  private reportUndefined(value: Undefined): void {
    // Undefineds with a hint come from deliberate idioms (`x if c`, `|first` of nothing), not from a typo.
    if (value.hint !== undefined) return;
    const name =
      value.name ??
      (typeof value.owner?.attribute === 'string'
        ? value.owner.attribute
        : pyStr(value.owner?.attribute ?? null));
    this.options.onUndefined?.({
      name,
      isVariable: value.name !== undefined,
      message: undefinedMessage(value),
      line: this.line,
    });
  }

  private block(body: readonly Stmt[], scope: Scope, out: string[]): void {
    for (const stmt of body) this.statement(stmt, scope, out);
  }

  private statement(stmt: Stmt, scope: Scope, out: string[]): void {
    switch (stmt.kind) {
      case 'data':
        this.write(out, stmt.text);
        return;
      case 'output':
        this.line = stmt.line;
        this.write(out, this.output(this.expr(stmt.node, scope)));
        return;
      case 'if': {
        this.line = stmt.line;
        const branch = [{ test: stmt.test, body: stmt.body }, ...stmt.elifs].find(({ test }) =>
          pyTruthy(this.expr(test, scope)),
        );
        this.block(branch ? branch.body : stmt.otherwise, scope, out);
        return;
      }
      case 'for':
        this.line = stmt.line;
        this.forLoop(stmt, scope, out);
        return;
      case 'assign':
        this.line = stmt.line;
        this.bind(stmt.target, this.expr(stmt.node, scope), scope);
        return;
      case 'assignblock': {
        const inner: string[] = [];
        this.block(stmt.body, scope, inner);
        scope.set(stmt.name, this.autoescape ? new Markup(inner.join('')) : inner.join(''));
        return;
      }
    }
  }

  private write(out: string[], text: string): void {
    this.written += text.length;
    checkLimit('the rendered text', this.written, 'outputCharacters');
    out.push(text);
  }

  /** Counts loop body runs (and loop filter tests) against RENDER_LIMITS.loopIterations. */
  private loopRuns(count: number): void {
    this.iterations += count;
    checkLimit('the loop iterations', this.iterations, 'loopIterations');
  }

  /** What `{{@ value @}}` writes: `str(value)`, HTML-escaped when autoescape is on (Markup is not). */
  private output(value: PyValue): string {
    const text = this.str(value);
    return this.autoescape && !(value instanceof Markup) ? escapeHtml(text).text : text;
  }

  private forLoop(stmt: Extract<Stmt, { kind: 'for' }>, scope: Scope, out: string[]): void {
    let items = iterate(this.expr(stmt.iter, scope));
    if (stmt.filter) {
      this.loopRuns(items.length);
      const filter = stmt.filter;
      items = items.filter((item) => {
        const frame = new Scope(scope);
        this.bind(stmt.target, item, frame);
        return pyTruthy(this.expr(filter, frame));
      });
    }
    if (items.length === 0) return this.block(stmt.otherwise, scope, out);
    this.loopRuns(items.length);
    items.forEach((item, i) => {
      const frame = new Scope(scope);
      this.bind(stmt.target, item, frame);
      frame.set('loop', loopInfo(i, items));
      this.block(stmt.body, frame, out);
    });
  }

  private bind(target: Target, value: PyValue, scope: Scope): void {
    if (target.kind === 'name') return scope.set(target.name, value);
    const items = iterate(value);
    if (items.length < target.names.length) {
      throw new JinjaError(
        'ValueError',
        `not enough values to unpack (expected ${target.names.length}, got ${items.length})`,
      );
    }
    if (items.length > target.names.length)
      throw new JinjaError('ValueError', `too many values to unpack (expected ${target.names.length})`);
    target.names.forEach((name, i) => scope.set(name, items[i]));
  }

  private expr(node: Expr, scope: Scope): PyValue {
    switch (node.kind) {
      case 'const':
        return node.value;
      case 'name':
        this.line = node.line;
        return scope.has(node.name) ? scope.lookup(node.name)! : new Undefined(node.name);
      case 'getattr':
        return getAttribute(this.expr(node.node, scope), node.attr);
      case 'getitem': {
        const owner = this.expr(node.node, scope);
        if (node.arg.kind === 'slice') {
          const { start, stop, step } = node.arg;
          const bound = (e?: Expr) => (e ? this.expr(e, scope) : null);
          return sliceValue(owner, bound(start), bound(stop), bound(step));
        }
        return getItem(owner, this.expr(node.arg, scope));
      }
      case 'slice':
        throw new JinjaError('TemplateSyntaxError', 'a slice is only allowed inside [ ]');
      case 'call': {
        const callee = this.expr(node.node, scope);
        const [args, kwargs] = this.arguments(node.args, node.kwargs, scope);
        this.line = node.line;
        return callValue(callee, args, kwargs);
      }
      case 'filter': {
        const value = this.expr(node.node, scope);
        const [args, kwargs] = this.arguments(node.args, node.kwargs, scope);
        this.line = node.line;
        return boundedValue(applyFilter(node.name, value, args, kwargs, this));
      }
      case 'test': {
        const value = this.expr(node.node, scope);
        const args = node.args.map((arg) => this.expr(arg, scope));
        this.line = node.line;
        return applyTest(node.name, value, args, (v) => this.str(v)) !== node.negated;
      }
      case 'binop':
        return boundedValue(binaryOp(node.op, this.expr(node.left, scope), this.expr(node.right, scope)));
      case 'unary': {
        const value = this.expr(node.node, scope);
        return node.op === 'not' ? !pyTruthy(value) : unaryOp(node.op, value);
      }
      case 'and': {
        const left = this.expr(node.left, scope);
        return pyTruthy(left) ? this.expr(node.right, scope) : left;
      }
      case 'or': {
        const left = this.expr(node.left, scope);
        return pyTruthy(left) ? left : this.expr(node.right, scope);
      }
      case 'compare': {
        let left = this.expr(node.first, scope);
        for (const [op, operand] of node.ops) {
          const right = this.expr(operand, scope);
          if (!compare(op, left, right)) return false;
          left = right;
        }
        return true;
      }
      case 'concat':
        return this.concat(node.nodes.map((part) => this.expr(part, scope)));
      case 'condexpr':
        if (pyTruthy(this.expr(node.test, scope))) return this.expr(node.then, scope);
        if (node.otherwise) return this.expr(node.otherwise, scope);
        return new Undefined(
          undefined,
          undefined,
          `the inline if-expression on line ${this.line} evaluated to false and no else section was defined.`,
        );
      case 'list':
        return node.items.map((item) => this.expr(item, scope));
      case 'tuple':
        return new PyTuple(node.items.map((item) => this.expr(item, scope)));
      case 'dict':
        return new PyDict(
          node.items.map(([key, value]) => [this.expr(key, scope), this.expr(value, scope)] as const),
        );
    }
  }

  private arguments(args: Expr[], kwargs: [string, Expr][], scope: Scope): [PyValue[], Map<string, PyValue>] {
    return [
      args.map((arg) => this.expr(arg, scope)),
      new Map(kwargs.map(([key, value]) => [key, this.expr(value, scope)])),
    ];
  }

  /** Jinja's `~`: `str()` of each part; with autoescape, a Markup part makes the rest escaped Markup. */
  private concat(parts: PyValue[]): PyValue {
    const texts = parts.map((part) => this.str(part));
    if (!this.autoescape || !parts.some((part) => part instanceof Markup)) return texts.join('');
    return new Markup(
      parts.map((part, i) => (part instanceof Markup ? part.text : escapeHtml(texts[i]).text)).join(''),
    );
  }
}

/** Jinja's `loop` variable (as a mapping, so `loop.index` etc. resolve through item lookup). */
function loopInfo(i: number, items: PyValue[]): PyDict {
  const length = pyLength(items);
  return new PyDict([
    ['index', BigInt(i + 1)],
    ['index0', BigInt(i)],
    ['revindex', BigInt(length - i)],
    ['revindex0', BigInt(length - i - 1)],
    ['first', i === 0],
    ['last', i === length - 1],
    ['length', BigInt(length)],
    ['previtem', i > 0 ? items[i - 1] : new Undefined(undefined, undefined, 'there is no previous item')],
    [
      'nextitem',
      i < length - 1 ? items[i + 1] : new Undefined(undefined, undefined, 'there is no next item'),
    ],
  ]);
}
