import { syntaxError, unsupported } from './errors';
import { checkFilterName } from './filters';
import { checkTestName } from './jinja-tests';
import type { Token } from './lexer';
import type { BinaryOperator, CompareOperator, Expr, Stmt, Target } from './nodes';

/**
 * Jinja 3.1's parser (same grammar, precedence and error wording) for the statements this engine
 * implements: `if`/`elif`/`else`, `for` (with `else`, an inline `if` filter and `loop`), and `set`
 * (inline and block). Jinja's other tags raise a clear "not supported" error.
 */
export function parse(tokens: Token[]): Stmt[] {
  return new Parser(tokens).subparse(null);
}

const DESCRIBE: Record<string, string> = {
  variable_begin: 'begin of print statement',
  variable_end: 'end of print statement',
  block_begin: 'begin of statement block',
  block_end: 'end of statement block',
  data: 'template data / text',
  eof: 'end of template',
};

const COMPARE: Record<string, CompareOperator> = {
  '==': '==',
  '!=': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};
/** Jinja tags this engine leaves out; a template using one fails with a clear message. */
const UNSUPPORTED_TAGS = new Set([
  'block',
  'extends',
  'print',
  'macro',
  'include',
  'from',
  'import',
  'with',
  'autoescape',
  'call',
  'filter',
  'do',
  'break',
  'continue',
  'trans',
]);

class Parser {
  private index = 0;
  /** End-tag sets being looked for (innermost last), and the open block tags, for EOF messages. */
  private readonly endTokenStack: string[][] = [];
  private readonly tagStack: string[] = [];

  constructor(private readonly tokens: Token[]) {}

  private get current(): Token {
    return this.tokens[this.index];
  }

  private look(): Token {
    return this.tokens[Math.min(this.index + 1, this.tokens.length - 1)];
  }

  private next(): Token {
    const token = this.current;
    if (token.type !== 'eof') this.index++;
    return token;
  }

  /** `op:+`, `name:if`, or a bare token type. */
  private test(token: Token, expr: string): boolean {
    const colon = expr.indexOf(':');
    if (colon < 0) return token.type === expr;
    const [type, value] = [expr.slice(0, colon), expr.slice(colon + 1)];
    return token.type === type && token.value === value;
  }

  private skipIf(expr: string): boolean {
    if (!this.test(this.current, expr)) return false;
    this.next();
    return true;
  }

  private expect(expr: string): Token {
    if (!this.test(this.current, expr)) {
      const wanted = describeExpr(expr);
      if (this.current.type === 'eof')
        throw syntaxError(`unexpected end of template, expected '${wanted}'.`, this.current.line);
      throw syntaxError(`expected token '${wanted}', got '${describe(this.current)}'`, this.current.line);
    }
    return this.next();
  }

  // ---- statements -------------------------------------------------------------------------------

  subparse(endTokens: string[] | null): Stmt[] {
    const body: Stmt[] = [];
    if (endTokens) this.endTokenStack.push(endTokens);
    try {
      while (this.current.type !== 'eof') {
        const token = this.current;
        if (token.type === 'data') {
          body.push({ kind: 'data', text: token.value });
          this.next();
        } else if (token.type === 'variable_begin') {
          this.next();
          body.push({ kind: 'output', node: this.parseTuple(), line: token.line });
          this.expect('variable_end');
        } else if (token.type === 'block_begin') {
          this.next();
          if (endTokens && endTokens.some((expr) => this.test(this.current, expr))) return body;
          body.push(this.parseStatement());
          this.expect('block_end');
        } else {
          throw syntaxError('internal parser error', token.line);
        }
      }
      return body;
    } finally {
      if (endTokens) this.endTokenStack.pop();
    }
  }

  private parseStatement(): Stmt {
    const token = this.current;
    if (token.type !== 'name') throw syntaxError('tag name expected', token.line);
    this.tagStack.push(token.value);
    let popTag = true;
    try {
      if (token.value === 'if') return this.parseIf();
      if (token.value === 'for') return this.parseFor();
      if (token.value === 'set') return this.parseSet();
      if (UNSUPPORTED_TAGS.has(token.value)) throw unsupported(`The Jinja tag '${token.value}'`, token.line);
      this.tagStack.pop();
      popTag = false;
      throw this.unknownTag(token.value, token.line);
    } finally {
      if (popTag) this.tagStack.pop();
    }
  }

  private parseStatements(endTokens: string[], dropNeedle = false): Stmt[] {
    this.skipIf('operator::');
    this.expect('block_end');
    const body = this.subparse(endTokens);
    if (this.current.type === 'eof') throw this.unknownTag(null, this.current.line, endTokens);
    if (dropNeedle) this.next();
    return body;
  }

  private parseIf(): Stmt {
    const line = this.expect('name:if').line;
    const test = this.parseTuple({ withCondexpr: false });
    const body = this.parseStatements(['name:elif', 'name:else', 'name:endif']);
    const node: Extract<Stmt, { kind: 'if' }> = { kind: 'if', test, body, elifs: [], otherwise: [], line };
    for (;;) {
      const token = this.next();
      if (this.test(token, 'name:elif')) {
        const elifTest = this.parseTuple({ withCondexpr: false });
        node.elifs.push({
          test: elifTest,
          body: this.parseStatements(['name:elif', 'name:else', 'name:endif']),
        });
        continue;
      }
      if (this.test(token, 'name:else')) node.otherwise = this.parseStatements(['name:endif'], true);
      return node;
    }
  }

  private parseFor(): Stmt {
    const line = this.expect('name:for').line;
    const target = this.parseAssignTarget(['name:in']);
    this.expect('name:in');
    const iter = this.parseTuple({ withCondexpr: false, extraEndRules: ['name:recursive'] });
    const filter = this.skipIf('name:if') ? this.parseExpression() : undefined;
    if (this.test(this.current, 'name:recursive'))
      throw unsupported('A recursive for loop', this.current.line);
    const body = this.parseStatements(['name:endfor', 'name:else']);
    const otherwise = this.next().value === 'endfor' ? [] : this.parseStatements(['name:endfor'], true);
    return { kind: 'for', target, iter, filter, body, otherwise, line };
  }

  private parseSet(): Stmt {
    const line = this.next().line;
    const target = this.parseAssignTarget();
    if (this.skipIf('operator:=')) return { kind: 'assign', target, node: this.parseTuple(), line };
    if (target.kind !== 'name') throw syntaxError("can't assign to 'tuple'", line);
    if (this.test(this.current, 'operator:|')) throw unsupported('A filtered block set', line);
    return { kind: 'assignblock', name: target.name, body: this.parseStatements(['name:endset'], true) };
  }

  private parseAssignTarget(extraEndRules?: string[]): Target {
    const node = this.parseTuple({ simplified: true, extraEndRules });
    if (node.kind === 'name') return { kind: 'name', name: node.name };
    if (node.kind === 'tuple' && node.items.every((item) => item.kind === 'name')) {
      return { kind: 'tuple', names: node.items.map((item) => (item as { name: string }).name) };
    }
    throw syntaxError(`can't assign to '${node.kind === 'const' ? 'const' : node.kind}'`, this.current.line);
  }

  /** Jinja's message for an unknown tag or an unexpected end of template inside a block. */
  private unknownTag(name: string | null, line: number, endTokens?: string[]): Error {
    const stack = endTokens ? [...this.endTokenStack, endTokens] : this.endTokenStack;
    const expected = new Set(stack.flat().map(describeExpr));
    const looking = stack.length
      ? stack[stack.length - 1].map((expr) => `'${describeExpr(expr)}'`).join(' or ')
      : null;
    const message = [name === null ? 'Unexpected end of template.' : `Encountered unknown tag '${name}'.`];
    if (looking) {
      if (name !== null && expected.has(name)) {
        message.push(
          `You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for ${looking}.`,
        );
      } else message.push(`Jinja was looking for the following tags: ${looking}.`);
    }
    if (this.tagStack.length)
      message.push(
        `The innermost block that needs to be closed is '${this.tagStack[this.tagStack.length - 1]}'.`,
      );
    return syntaxError(message.join(' '), line);
  }

  // ---- expressions ------------------------------------------------------------------------------

  private parseTuple(
    options: {
      simplified?: boolean;
      withCondexpr?: boolean;
      extraEndRules?: string[];
      explicitParentheses?: boolean;
    } = {},
  ): Expr {
    const { simplified = false, withCondexpr = true, extraEndRules, explicitParentheses = false } = options;
    const parseItem = simplified ? () => this.parsePrimary() : () => this.parseExpression(withCondexpr);
    const items: Expr[] = [];
    let isTuple = false;
    for (;;) {
      if (items.length) this.expect('operator:,');
      if (this.isTupleEnd(extraEndRules)) break;
      items.push(parseItem());
      if (this.test(this.current, 'operator:,')) isTuple = true;
      else break;
    }
    if (!isTuple) {
      if (items.length) return items[0];
      if (!explicitParentheses)
        throw syntaxError(`Expected an expression, got '${describe(this.current)}'`, this.current.line);
    }
    return { kind: 'tuple', items };
  }

  private isTupleEnd(extraEndRules?: string[]): boolean {
    const token = this.current;
    if (token.type === 'variable_end' || token.type === 'block_end' || this.test(token, 'operator:)'))
      return true;
    return extraEndRules ? extraEndRules.some((expr) => this.test(token, expr)) : false;
  }

  private parseExpression(withCondexpr = true): Expr {
    return withCondexpr ? this.parseCondexpr() : this.parseOr();
  }

  private parseCondexpr(): Expr {
    let node = this.parseOr();
    while (this.skipIf('name:if')) {
      const test = this.parseOr();
      const otherwise = this.skipIf('name:else') ? this.parseCondexpr() : undefined;
      node = { kind: 'condexpr', test, then: node, otherwise };
    }
    return node;
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.skipIf('name:or')) left = { kind: 'or', left, right: this.parseAnd() };
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.skipIf('name:and')) left = { kind: 'and', left, right: this.parseNot() };
    return left;
  }

  private parseNot(): Expr {
    if (this.test(this.current, 'name:not')) {
      const line = this.next().line;
      return { kind: 'unary', op: 'not', node: this.parseNot(), line };
    }
    return this.parseCompare();
  }

  private parseCompare(): Expr {
    const line = this.current.line;
    const first = this.parseMath1();
    const ops: [CompareOperator, Expr][] = [];
    for (;;) {
      const token = this.current;
      if (token.type === 'operator' && COMPARE[token.value]) {
        this.next();
        ops.push([COMPARE[token.value], this.parseMath1()]);
      } else if (this.skipIf('name:in')) ops.push(['in', this.parseMath1()]);
      else if (this.test(token, 'name:not') && this.test(this.look(), 'name:in')) {
        this.next();
        this.next();
        ops.push(['notin', this.parseMath1()]);
      } else break;
    }
    return ops.length ? { kind: 'compare', first, ops, line } : first;
  }

  private parseMath1(): Expr {
    return this.parseBinary(['+', '-'], () => this.parseConcat());
  }

  private parseConcat(): Expr {
    const nodes = [this.parseMath2()];
    while (this.skipIf('operator:~')) nodes.push(this.parseMath2());
    return nodes.length === 1 ? nodes[0] : { kind: 'concat', nodes };
  }

  private parseMath2(): Expr {
    return this.parseBinary(['*', '/', '//', '%'], () => this.parsePow());
  }

  private parsePow(): Expr {
    return this.parseBinary(['**'], () => this.parseUnary());
  }

  /** One precedence level of left-associative binary operators, as Jinja's parser has them. */
  private parseBinary(operators: readonly BinaryOperator[], operand: () => Expr): Expr {
    let left = operand();
    while (operators.some((op) => this.test(this.current, `operator:${op}`))) {
      const token = this.next();
      left = { kind: 'binop', op: token.value as BinaryOperator, left, right: operand(), line: token.line };
    }
    return left;
  }

  private parseUnary(withFilter = true): Expr {
    const token = this.current;
    let node: Expr;
    if (this.test(token, 'operator:-') || this.test(token, 'operator:+')) {
      this.next();
      node = { kind: 'unary', op: token.value as '-' | '+', node: this.parseUnary(false), line: token.line };
    } else node = this.parsePrimary();
    node = this.parsePostfix(node);
    return withFilter ? this.parseFilterExpr(node) : node;
  }

  private parsePrimary(): Expr {
    const token = this.current;
    if (token.type === 'name') {
      this.next();
      if (token.value === 'true' || token.value === 'True') return { kind: 'const', value: true };
      if (token.value === 'false' || token.value === 'False') return { kind: 'const', value: false };
      if (token.value === 'none' || token.value === 'None') return { kind: 'const', value: null };
      return { kind: 'name', name: token.value, line: token.line };
    }
    if (token.type === 'string') {
      let text = this.next().value;
      while (this.current.type === 'string') text += this.next().value;
      return { kind: 'const', value: text };
    }
    if (token.type === 'integer') return { kind: 'const', value: BigInt(this.next().value) };
    if (token.type === 'float') return { kind: 'const', value: Number(this.next().value) };
    if (this.test(token, 'operator:(')) {
      this.next();
      const node = this.parseTuple({ explicitParentheses: true });
      this.expect('operator:)');
      return node;
    }
    if (this.test(token, 'operator:[')) return this.parseList();
    if (this.test(token, 'operator:{')) return this.parseDict();
    throw syntaxError(`unexpected '${describe(token)}'`, token.line);
  }

  private parseList(): Expr {
    this.expect('operator:[');
    const items: Expr[] = [];
    while (!this.test(this.current, 'operator:]')) {
      if (items.length) this.expect('operator:,');
      if (this.test(this.current, 'operator:]')) break;
      items.push(this.parseExpression());
    }
    this.expect('operator:]');
    return { kind: 'list', items };
  }

  private parseDict(): Expr {
    this.expect('operator:{');
    const items: [Expr, Expr][] = [];
    while (!this.test(this.current, 'operator:}')) {
      if (items.length) this.expect('operator:,');
      if (this.test(this.current, 'operator:}')) break;
      const key = this.parseExpression();
      this.expect('operator::');
      items.push([key, this.parseExpression()]);
    }
    this.expect('operator:}');
    return { kind: 'dict', items };
  }

  private parsePostfix(start: Expr): Expr {
    let node = start;
    for (;;) {
      if (this.test(this.current, 'operator:.') || this.test(this.current, 'operator:['))
        node = this.parseSubscript(node);
      else if (this.test(this.current, 'operator:(')) node = this.parseCall(node);
      else return node;
    }
  }

  private parseFilterExpr(start: Expr): Expr {
    let node = start;
    for (;;) {
      if (this.test(this.current, 'operator:|')) node = this.parseFilter(node);
      else if (this.test(this.current, 'name:is')) node = this.parseTest(node);
      else if (this.test(this.current, 'operator:(')) node = this.parseCall(node);
      else return node;
    }
  }

  private parseSubscript(node: Expr): Expr {
    const token = this.next();
    if (token.value === '.') {
      const attr = this.next();
      if (attr.type === 'name') return { kind: 'getattr', node, attr: attr.value, line: token.line };
      if (attr.type !== 'integer') throw syntaxError('expected name or number', attr.line);
      return { kind: 'getitem', node, arg: { kind: 'const', value: BigInt(attr.value) }, line: token.line };
    }
    const args: Expr[] = [];
    while (!this.test(this.current, 'operator:]')) {
      if (args.length) this.expect('operator:,');
      args.push(this.parseSubscribed());
    }
    this.expect('operator:]');
    const arg: Expr = args.length === 1 ? args[0] : { kind: 'tuple', items: args };
    return { kind: 'getitem', node, arg, line: token.line };
  }

  private parseSubscribed(): Expr {
    const parts: (Expr | undefined)[] = [];
    if (this.test(this.current, 'operator::')) {
      this.next();
      parts.push(undefined);
    } else {
      const node = this.parseExpression();
      if (!this.test(this.current, 'operator::')) return node;
      this.next();
      parts.push(node);
    }
    const boundary = () =>
      this.test(this.current, 'operator::') ||
      this.test(this.current, 'operator:]') ||
      this.test(this.current, 'operator:,');
    parts.push(boundary() ? undefined : this.parseExpression());
    if (this.test(this.current, 'operator::')) {
      this.next();
      parts.push(
        this.test(this.current, 'operator:]') || this.test(this.current, 'operator:,')
          ? undefined
          : this.parseExpression(),
      );
    }
    return { kind: 'slice', start: parts[0], stop: parts[1], step: parts[2] };
  }

  private parseCallArgs(): { args: Expr[]; kwargs: [string, Expr][] } {
    const open = this.expect('operator:(');
    const args: Expr[] = [];
    const kwargs: [string, Expr][] = [];
    let requireComma = false;
    while (!this.test(this.current, 'operator:)')) {
      if (requireComma) {
        this.expect('operator:,');
        if (this.test(this.current, 'operator:)')) break;
      }
      if (this.test(this.current, 'operator:*') || this.test(this.current, 'operator:**')) {
        throw unsupported('Argument unpacking (*args / **kwargs)', this.current.line);
      }
      if (this.current.type === 'name' && this.test(this.look(), 'operator:=')) {
        const key = this.next().value;
        this.next();
        kwargs.push([key, this.parseExpression()]);
      } else {
        if (kwargs.length) throw syntaxError('Invalid argument syntax', open.line);
        args.push(this.parseExpression());
      }
      requireComma = true;
    }
    this.expect('operator:)');
    return { args, kwargs };
  }

  private parseCall(node: Expr): Expr {
    const line = this.current.line;
    return { kind: 'call', node, ...this.parseCallArgs(), line };
  }

  private dottedName(): string {
    let name = this.expect('name').value;
    while (this.test(this.current, 'operator:.')) {
      this.next();
      name += `.${this.expect('name').value}`;
    }
    return name;
  }

  private parseFilter(start: Expr): Expr {
    let node = start;
    while (this.test(this.current, 'operator:|')) {
      this.next();
      const line = this.current.line;
      const name = this.dottedName();
      checkFilterName(name, line);
      const { args, kwargs } = this.test(this.current, 'operator:(')
        ? this.parseCallArgs()
        : { args: [], kwargs: [] };
      node = { kind: 'filter', name, node, args, kwargs, line };
    }
    return node;
  }

  private parseTest(node: Expr): Expr {
    const line = this.next().line;
    const negated = this.skipIf('name:not');
    const name = this.dottedName();
    checkTestName(name, line);
    let args: Expr[] = [];
    const current = this.current;
    if (this.test(current, 'operator:(')) {
      const call = this.parseCallArgs();
      if (call.kwargs.length) throw unsupported('Keyword arguments to a test', line);
      args = call.args;
    } else if (
      (['name', 'string', 'integer', 'float'].includes(current.type) ||
        this.test(current, 'operator:[') ||
        this.test(current, 'operator:{')) &&
      !['name:else', 'name:or', 'name:and'].some((expr) => this.test(current, expr))
    ) {
      if (this.test(current, 'name:is'))
        throw syntaxError('You cannot chain multiple tests with is', current.line);
      args = [this.parsePostfix(this.parsePrimary())];
    }
    return { kind: 'test', name, node, args, negated, line };
  }
}

/** Jinja's `describe_token`: names by their value, operators by their text, the rest by type. */
function describe(token: Token): string {
  if (token.type === 'name' || token.type === 'operator') return token.value;
  return DESCRIBE[token.type] ?? token.type;
}

function describeExpr(expr: string): string {
  const colon = expr.indexOf(':');
  if (colon >= 0) return expr.slice(colon + 1);
  return DESCRIBE[expr] ?? expr;
}
