import { JsonNumber } from './json-number';
import { compareCodePoints } from './key-order';
import { formatJsNumber, formatNumberLexeme } from './number-format';
import { quoteJsonString } from './string-escape';
import { JsonObject, type JsonWritable } from './types';
import { formatJsonPath } from './json-path';

export interface JsonTextOptions {
  /** Sort object keys by code point (Python `sort_keys=True`); otherwise keep each object's order. */
  sortKeys?: boolean;
  /**
   * Spaces per level, one member per line, "," at line ends (Python `indent=n`; 0 still breaks
   * lines). Omitted: everything on one line with ", " and ": " (Python `indent=None`).
   */
  indent?: number;
  /** Without indent: "," and ":" with no spaces (Python `separators=(',', ':')`), i.e. minified. */
  compact?: boolean;
}

/** Something the value cannot be written as JSON; `path` says where (`$`, `$.pipes[2]`, …). */
export class JsonWriteError extends Error {
  override readonly name = 'JsonWriteError';
  constructor(
    readonly reason: string,
    readonly path: string,
  ) {
    super(`${reason} at ${path}`);
  }
}

/**
 * JSON text exactly as Python's `json.dumps(value, sort_keys=…, indent=…)` writes it with its
 * defaults otherwise (`ensure_ascii=True`, `allow_nan=True`, no trailing newline).
 * `JsonObject`s print in their kept key order unless `sortKeys` is set.
 */
export function toJsonText(value: JsonWritable, options: JsonTextOptions = {}): string {
  const { indent } = options;
  if (indent !== undefined && !Number.isInteger(indent))
    throw new RangeError(`indent must be an integer, got ${indent}`);
  const writer = new Writer(
    options.sortKeys === true,
    indent === undefined ? undefined : ' '.repeat(Math.max(0, indent)),
    options.compact === true && indent === undefined ? ',' : ', ',
    options.compact === true ? ':' : ': ',
  );
  writer.write(value, '\n');
  return writer.out;
}

/**
 * The canonical form Sesam's tooling writes: byte-identical to Python's
 * `json.dumps(value, indent=2, sort_keys=True)` (keys by code point, ASCII only, no final newline).
 */
export function toCanonicalJson(value: JsonWritable): string {
  return toJsonText(value, CANONICAL);
}

const CANONICAL: JsonTextOptions = { sortKeys: true, indent: 2 };

class Writer {
  out = '';
  /** Containers being written (Python's circular reference check) and the keys leading to them. */
  private readonly open = new Set<object>();
  private readonly path: (string | number)[] = [];

  constructor(
    private readonly sortKeys: boolean,
    /** One level of indentation, or undefined for single-line output. */
    private readonly indentUnit: string | undefined,
    /** Between items on one line (no indentation). */
    private readonly itemSeparator: string,
    private readonly keySeparator: string,
  ) {}

  /** Appends `value`; `newline` is "\n" plus the current indentation. */
  write(value: JsonWritable, newline: string): void {
    switch (typeof value) {
      case 'string':
        this.out += quoteJsonString(value);
        return;
      case 'boolean':
        this.out += value ? 'true' : 'false';
        return;
      case 'number':
        this.out += this.number(value);
        return;
      case 'bigint':
        this.out += this.number(new JsonNumber(value.toString()));
        return;
      case 'object':
        if (value === null) {
          this.out += 'null';
        } else if (value instanceof JsonNumber) {
          this.out += this.number(value);
        } else if (Array.isArray(value)) {
          this.enter(value);
          this.writeArray(value, newline);
          this.open.delete(value);
        } else {
          const members =
            value instanceof JsonObject ? value : isPlainRecord(value) ? recordEntries(value) : undefined;
          if (members === undefined)
            throw this.fail(`Object of type ${value.constructor?.name ?? 'Object'} is not JSON serializable`);
          this.enter(value);
          this.writeMembers(members, newline);
          this.open.delete(value);
        }
        return;
      default:
        throw this.fail(`Object of type ${typeof value} is not JSON serializable`);
    }
  }

  private number(value: number | JsonNumber): string {
    try {
      return typeof value === 'number'
        ? formatJsNumber(value)
        : formatNumberLexeme(value.lexeme, value.isInteger);
    } catch (error) {
      throw this.fail((error as Error).message); // an int too long for Python to print
    }
  }

  /** Python's circular reference check. */
  private enter(container: object): void {
    if (this.open.has(container)) throw this.fail('Circular reference detected');
    this.open.add(container);
  }

  private writeArray(array: readonly JsonWritable[], newline: string): void {
    if (array.length === 0) {
      this.out += '[]';
      return;
    }
    const inner = this.indentUnit === undefined ? newline : newline + this.indentUnit;
    const separator = this.indentUnit === undefined ? this.itemSeparator : ',' + inner;
    this.out += this.indentUnit === undefined ? '[' : '[' + inner;
    for (let i = 0; i < array.length; i++) {
      if (i > 0) this.out += separator;
      this.path.push(i);
      this.write(array[i], inner);
      this.path.pop();
    }
    this.out += this.indentUnit === undefined ? ']' : newline + ']';
  }

  private writeMembers(members: ReadonlyMap<string, JsonWritable>, newline: string): void {
    if (members.size === 0) {
      this.out += '{}';
      return;
    }
    const inner = this.indentUnit === undefined ? newline : newline + this.indentUnit;
    const separator = this.indentUnit === undefined ? this.itemSeparator : ',' + inner;
    this.out += this.indentUnit === undefined ? '{' : '{' + inner;
    const keys = [...members.keys()];
    if (this.sortKeys) keys.sort(compareCodePoints);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (i > 0) this.out += separator;
      this.out += quoteJsonString(key) + this.keySeparator;
      this.path.push(key);
      this.write(members.get(key) as JsonWritable, inner);
      this.path.pop();
    }
    this.out += this.indentUnit === undefined ? '}' : newline + '}';
  }

  private fail(reason: string): JsonWriteError {
    return new JsonWriteError(reason, formatJsonPath(this.path, { root: '$' }));
  }
}

function isPlainRecord(value: object): value is { readonly [key: string]: JsonWritable } {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A plain record's own enumerable keys (integer-like keys first, as JS orders them) as a Map. */
function recordEntries(record: { readonly [key: string]: JsonWritable }): ReadonlyMap<string, JsonWritable> {
  return new Map(Object.entries(record));
}
