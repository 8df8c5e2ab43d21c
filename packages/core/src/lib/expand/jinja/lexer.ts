import { syntaxError, unsupported } from './errors';
import { pyRepr } from './py-str';
import { PY_WHITESPACE } from './py-text';

/**
 * Jinja 3.1's lexer with sesam-py's delimiters: `{{@ … @}}` (print), `{{% … %}}` (statement) and
 * Jinja's default comment `{# … #}`, which stays active. Everything else — including Sesam's runtime
 * `{{ … }}` and `{% … %}` — is template data. Whitespace control (`{{@-`, `-@}}`, `{{%-`, `-%}}`,
 * `{#-`, `-#}`, and the `+` forms) and `{{% raw %}}` behave as in Jinja. Newlines are normalised to
 * `\n` and one trailing newline is dropped, as Jinja does before lexing.
 */

export type TokenType =
  | 'data'
  | 'variable_begin'
  | 'variable_end'
  | 'block_begin'
  | 'block_end'
  | 'name'
  | 'string'
  | 'integer'
  | 'float'
  | 'operator'
  | 'eof';

export interface Token {
  readonly type: TokenType;
  /** Data text, decoded string literal, number lexeme without `_`, name, or operator. */
  readonly value: string;
  /** 1-based line in the normalised template. */
  readonly line: number;
}

/** Python's `\s` (wider than JS `\s` in \x1c-\x1f and \x85, narrower in \ufeff). */
const WS = `[${PY_WHITESPACE}]`;
const TRAILING_WS = new RegExp(`${WS}+$`);

const START = /\{\{%|\{\{@|\{#/g;
const RAW_BEGIN = new RegExp(`\\{\\{%(-|\\+|)${WS}*raw${WS}*(?:-%\\}\\}${WS}*|%\\}\\})`, 'y');
const RAW_END = new RegExp(`\\{\\{%(-|\\+|)${WS}*endraw${WS}*(?:\\+%\\}\\}|-%\\}\\}${WS}*|%\\}\\})`, 'g');
const COMMENT_END = new RegExp(`\\+#\\}|-#\\}${WS}*|#\\}`, 'g');
const VARIABLE_END = new RegExp(`-@\\}\\}${WS}*|@\\}\\}`, 'y');
const BLOCK_END = new RegExp(`\\+%\\}\\}|-%\\}\\}${WS}*|%\\}\\}`, 'y');

const WHITESPACE = new RegExp(`${WS}+`, 'y');
const FLOAT = /(?<!\.)(\d+_)*\d+((\.(\d+_)*\d+)?e[+-]?(\d+_)*\d+|\.(\d+_)*\d+)/iy;
const INTEGER = /(0b(_?[0-1])+|0o(_?[0-7])+|0x(_?[\da-f])+|[1-9](_?\d)*|0(_?0)*)/iy;
const NAME = /[\p{L}\p{N}\p{M}\p{Pc}]+/uy;
const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{N}\p{M}\p{Pc}]*$/u;
const STRING = /'([^'\\]*(?:\\.[^'\\]*)*)'|"([^"\\]*(?:\\.[^"\\]*)*)"/sy;
/** Jinja's operators, longest first so `//` wins over `/`. */
const OPERATORS = [
  '//',
  '**',
  '==',
  '!=',
  '>=',
  '<=',
  '+',
  '-',
  '/',
  '*',
  '%',
  '~',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '>',
  '<',
  '=',
  '.',
  ':',
  '|',
  ',',
  ';',
];
const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Jinja's newline handling: every `\r\n`, `\r`, `\n` becomes `\n`; one trailing newline is dropped. */
export function normalizeSource(source: string): string {
  const lines = source.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

export function tokenize(rawSource: string): Token[] {
  return new Lexer(normalizeSource(rawSource)).run();
}

/**
 * The 1-based lines where `{# … #}` comments start (Jinja drops their text). An unterminated one is
 * included; lexing stops there.
 */
export function commentLines(rawSource: string): number[] {
  if (!rawSource.includes('{#')) return []; // no comment can start without its delimiter
  const lexer = new Lexer(normalizeSource(rawSource));
  try {
    lexer.run();
  } catch {
    // A syntax error ends the scan; comments found so far (including an unterminated one) count.
  }
  return lexer.comments;
}

class Lexer {
  private pos = 0;
  private line = 1;
  private readonly tokens: Token[] = [];
  /** Lines where comments start. */
  readonly comments: number[] = [];

  constructor(private readonly src: string) {}

  run(): Token[] {
    while (this.pos < this.src.length) this.root();
    this.tokens.push({ type: 'eof', value: '', line: this.line });
    return this.tokens;
  }

  /** Data up to the next start delimiter, then the tag it starts. */
  private root(): void {
    START.lastIndex = this.pos;
    const start = START.exec(this.src);
    if (!start) {
      this.data(this.src.slice(this.pos));
      this.advanceTo(this.src.length);
      return;
    }
    const at = start.index;
    RAW_BEGIN.lastIndex = at;
    const raw = start[0] === '{{%' ? RAW_BEGIN.exec(this.src) : null;
    const marker = raw ? raw[1] : this.src.charAt(at + start[0].length);
    const strip = marker === '-';
    const before = this.src.slice(this.pos, at);
    this.data(strip ? before.replace(TRAILING_WS, '') : before);
    this.advanceTo(at);
    if (raw) return this.raw(at + raw[0].length);
    const beginEnd = at + start[0].length + (marker === '-' || marker === '+' ? 1 : 0);
    if (start[0] === '{#') return this.comment(beginEnd);
    const kind = start[0] === '{{@' ? 'variable' : 'block';
    this.push(`${kind}_begin`, start[0]);
    this.advanceTo(beginEnd);
    this.code(kind);
  }

  private comment(from: number): void {
    this.comments.push(this.line);
    COMMENT_END.lastIndex = from;
    const end = COMMENT_END.exec(this.src);
    if (!end) throw syntaxError('Missing end of comment tag', this.line);
    this.advanceTo(end.index + end[0].length);
  }

  private raw(from: number): void {
    this.advanceTo(from);
    RAW_END.lastIndex = from;
    const end = RAW_END.exec(this.src);
    if (!end) throw syntaxError('Missing end of raw directive', this.line);
    const body = this.src.slice(from, end.index);
    this.data(end[1] === '-' ? body.replace(TRAILING_WS, '') : body);
    this.advanceTo(end.index + end[0].length);
  }

  /** Tokens of an expression or statement up to its end delimiter (ignored inside brackets). */
  private code(kind: 'variable' | 'block'): void {
    const endRule = kind === 'variable' ? VARIABLE_END : BLOCK_END;
    const balancing: string[] = [];
    while (this.pos < this.src.length) {
      if (balancing.length === 0) {
        const end = this.match(endRule);
        if (end !== null) {
          this.push(`${kind}_end`, end.trim());
          this.advanceTo(this.pos + end.length);
          return;
        }
      }
      const ws = this.match(WHITESPACE);
      if (ws !== null) {
        this.advanceTo(this.pos + ws.length);
        continue;
      }
      this.codeToken(balancing);
    }
    // End of template inside a tag: the parser reports it ("unexpected end of template").
  }

  private codeToken(balancing: string[]): void {
    const float = this.match(FLOAT);
    if (float !== null) return this.emit('float', float.replace(/_/g, ''), float.length);
    const integer = this.match(INTEGER);
    if (integer !== null) return this.emit('integer', integer.replace(/_/g, ''), integer.length);
    const name = this.match(NAME);
    if (name !== null) {
      if (!IDENTIFIER.test(name)) throw syntaxError('Invalid character in identifier', this.line);
      return this.emit('name', name, name.length);
    }
    STRING.lastIndex = this.pos;
    const string = STRING.exec(this.src);
    if (string)
      return this.emit('string', decodeStringLiteral(string[1] ?? string[2], this.line), string[0].length);
    const op = OPERATORS.find((candidate) => this.src.startsWith(candidate, this.pos));
    if (op === undefined) {
      throw syntaxError(`unexpected char ${pyRepr(this.src.charAt(this.pos))} at ${this.pos}`, this.line);
    }
    if (CLOSING[op]) balancing.push(CLOSING[op]);
    else if (op === ')' || op === ']' || op === '}') {
      if (balancing.length === 0) throw syntaxError(`unexpected '${op}'`, this.line);
      const expected = balancing.pop();
      if (expected !== op) throw syntaxError(`unexpected '${op}', expected '${expected}'`, this.line);
    }
    this.emit('operator', op, op.length);
  }

  private match(rule: RegExp): string | null {
    rule.lastIndex = this.pos;
    const m = rule.exec(this.src);
    return m ? m[0] : null;
  }

  private emit(type: TokenType, value: string, length: number): void {
    this.push(type, value);
    this.advanceTo(this.pos + length);
  }

  private data(text: string): void {
    if (text !== '') this.push('data', text);
  }

  private push(type: TokenType, value: string): void {
    this.tokens.push({ type, value, line: this.line });
  }

  private advanceTo(index: number): void {
    for (let i = this.pos; i < index; i++) if (this.src.charCodeAt(i) === 10) this.line++;
    this.pos = index;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\x0b',
  '\n': '',
};
const HEX_ESCAPES: Record<string, [number, string]> = {
  x: [2, 'truncated \\xXX escape'],
  u: [4, 'truncated \\uXXXX escape'],
  U: [8, 'truncated \\UXXXXXXXX escape'],
};

/** A string literal's body decoded as Jinja does (Python's `unicode-escape` codec). */
export function decodeStringLiteral(body: string, line: number): string {
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body.charAt(i);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body.charAt(++i);
    if (next === '') throw syntaxError('\\ at end of string', line);
    if (next in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[next];
    else if (next in HEX_ESCAPES) {
      const [width, message] = HEX_ESCAPES[next];
      const hex = body.slice(i + 1, i + 1 + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) throw syntaxError(message, line);
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) throw syntaxError('illegal Unicode character', line);
      out += String.fromCodePoint(code);
      i += width;
    } else if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(body.slice(i))![0];
      out += String.fromCodePoint(parseInt(octal, 8));
      i += octal.length - 1;
    } else if (next === 'N') {
      throw unsupported('A \\N{…} escape in an expression string', line);
    } else out += `\\${next}`;
  }
  return out;
}
