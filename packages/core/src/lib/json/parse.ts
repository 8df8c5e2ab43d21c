import { JsonNumber } from './json-number';
import { PYTHON_INT_MAX_STR_DIGITS } from './number-format';
import { JsonParseError, pythonPosition, type PythonJsonErrorType } from './parse-error';
import { JsonObject, type JsonArray, type JsonValue } from './types';

/**
 * Deepest nesting Python 3.11's `json.loads` reads when called from a script's top level (recursion
 * limit 1000): 995 levels; 996 raise RecursionError. Deeper callers (such as the reference expander)
 * have a limit lower by their own stack depth, so this bound is approximate by nature.
 */
const MAX_NESTING = 995;

const QUOTE = 34;
const BACKSLASH = 92;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;

/** Stricter reading for files a person writes (connector.json), where Python's leniency hides mistakes. */
export interface ParseJsonOptions {
  /** A key twice in one object is an error naming both positions (Python keeps the last silently). */
  readonly rejectDuplicateKeys?: boolean;
  /** NaN, Infinity, -Infinity and numbers beyond the float range (1e400) are errors (Sesam rejects them). */
  readonly rejectNonFinite?: boolean;
}

/** The options for files a person writes: connector.json, not the sesam-py files expand reads. */
export const USER_AUTHORED: ParseJsonOptions = { rejectDuplicateKeys: true, rejectNonFinite: true };

/**
 * Parses JSON text exactly as Python 3.11's `json.loads` does (accepting NaN, Infinity, -Infinity,
 * integers of any size and duplicate keys; rejecting a BOM, raw control characters in strings,
 * trailing commas and comments) and loses nothing: numbers become `JsonNumber` (exact lexeme),
 * objects become `JsonObject` (a Map in source key order; a duplicate key keeps its first position
 * and its last value), strings, booleans, null and arrays are plain JS.
 *
 * Throws `JsonParseError` with Python's reason and position; `file` only names the source in the
 * message. `options` (USER_AUTHORED) refuses what Python accepts but a person never means.
 */
export function parseJson(text: string, file?: string, options: ParseJsonOptions = {}): JsonValue {
  const parser = new Parser(text, file, options);
  if (text.charCodeAt(0) === 0xfeff) throw parser.error('Unexpected UTF-8 BOM (decode using utf-8-sig)', 0);
  const value = parser.scan(parser.skipWhitespace(0));
  const end = parser.skipWhitespace(parser.end);
  if (end !== text.length) throw parser.error('Extra data', end);
  return value;
}

/**
 * Recursive descent that behaves like CPython's C scanner (`Modules/_json.c`): same acceptance, same error
 * reasons at the same positions. Indexes are UTF-16 units; errors convert them to code points.
 */
class Parser {
  /** Index just past the value most recently scanned. */
  end = 0;
  /** Containers open around the current position. */
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly file: string | undefined,
    private readonly options: ParseJsonOptions = {},
  ) {}

  error(reason: string, index: number, pythonType?: PythonJsonErrorType): JsonParseError {
    return new JsonParseError(reason, pythonPosition(this.text, index), this.file, pythonType);
  }

  skipWhitespace(index: number): number {
    const { text } = this;
    let i = index;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
      i++;
    }
  }

  /** Any JSON value starting exactly at `index`; Python's StopIteration becomes "Expecting value". */
  scan(index: number): JsonValue {
    const { text } = this;
    switch (text.charCodeAt(index)) {
      case QUOTE:
        return this.scanString(index + 1);
      case 123: {
        // {
        this.enter(index, 'object');
        const object = this.scanObject(index + 1);
        this.depth--;
        return object;
      }
      case 91: {
        // [
        this.enter(index, 'array');
        const array = this.scanArray(index + 1);
        this.depth--;
        return array;
      }
      case 110: // n
        if (text.startsWith('null', index)) return this.word(null, index + 4);
        break;
      case 116: // t
        if (text.startsWith('true', index)) return this.word(true, index + 4);
        break;
      case 102: // f
        if (text.startsWith('false', index)) return this.word(false, index + 5);
        break;
      case 78: // N
        if (text.startsWith('NaN', index)) return this.word(this.nonFinite('NaN', index), index + 3);
        break;
      case 73: // I
        if (text.startsWith('Infinity', index))
          return this.word(this.nonFinite('Infinity', index), index + 8);
        break;
      case MINUS:
        if (text.startsWith('-Infinity', index))
          return this.word(this.nonFinite('-Infinity', index), index + 9);
        break;
    }
    return this.scanNumber(index);
  }

  /** Python's recursion limit, as a clean error instead of a JS stack overflow. */
  private enter(index: number, kind: 'object' | 'array'): void {
    if (++this.depth > MAX_NESTING) {
      throw this.error(
        `maximum recursion depth exceeded while decoding a JSON ${kind} from a unicode string`,
        index,
        'RecursionError',
      );
    }
  }

  /** NaN and ±Infinity: a number for Python, an error for a person's file. */
  private nonFinite(lexeme: string, index: number): JsonNumber {
    if (this.options.rejectNonFinite)
      throw this.error(`${lexeme} is not a number Sesam accepts (write a finite number)`, index);
    return new JsonNumber(lexeme);
  }

  private word<T extends JsonValue>(value: T, end: number): T {
    this.end = end;
    return value;
  }

  private scanNumber(start: number): JsonNumber {
    const { text } = this;
    const last = text.length - 1;
    let i = start;
    if (text.charCodeAt(i) === MINUS) i++;
    const first = text.charCodeAt(i);
    if (first === ZERO) i++;
    else if (first > ZERO && first <= NINE) i = this.skipDigits(i + 1);
    else throw this.error('Expecting value', start);
    let isFloat = false;
    if (i < last && text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
      i = this.skipDigits(i + 2);
      isFloat = true;
    }
    const e = text.charCodeAt(i);
    if (i < last && (e === 101 || e === 69)) {
      let j = i + 1;
      const sign = text.charCodeAt(j);
      if (j < last && (sign === MINUS || sign === 43)) j++;
      const digitsEnd = this.skipDigits(j);
      // An exponent without digits is not part of the number (Python backtracks to the 'e').
      if (digitsEnd > j) {
        i = digitsEnd;
        isFloat = true;
      }
    }
    const lexeme = text.slice(start, i);
    const intDigits = i - start - (text.charCodeAt(start) === MINUS ? 1 : 0);
    if (!isFloat && intDigits > PYTHON_INT_MAX_STR_DIGITS) {
      throw this.error(
        `Exceeds the limit (${PYTHON_INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${intDigits} digits; use sys.set_int_max_str_digits() to increase the limit`,
        start,
        'ValueError',
      );
    }
    if (isFloat && this.options.rejectNonFinite && !Number.isFinite(Number(lexeme)))
      throw this.error(`${lexeme} is beyond the range of a float (it would be Infinity)`, start);
    this.end = i;
    return new JsonNumber(lexeme);
  }

  private skipDigits(index: number): number {
    let i = index;
    while (isDigit(this.text.charCodeAt(i))) i++;
    return i;
  }

  /** A string whose opening quote is at `start - 1`. */
  private scanString(start: number): string {
    const { text } = this;
    const length = text.length;
    let out = '';
    let chunk = start;
    let i = start;
    for (;;) {
      let c = 0;
      for (; i < length; i++) {
        c = text.charCodeAt(i);
        if (c === QUOTE || c === BACKSLASH) break;
        if (c <= 0x1f) throw this.error('Invalid control character at', i);
      }
      if (i >= length) throw this.error('Unterminated string starting at', start - 1);
      if (i > chunk) out += text.slice(chunk, i);
      if (c === QUOTE) {
        this.end = i + 1;
        return out;
      }
      i++; // past the backslash
      if (i === length) throw this.error('Unterminated string starting at', start - 1);
      const escape = text.charCodeAt(i);
      if (escape === 117) {
        // \uXXXX, at i is the 'u'
        const end = i + 5;
        if (end >= length) throw this.error('Invalid \\uXXXX escape', i);
        const unit = this.hex4(i + 1);
        if (unit < 0) throw this.error('Invalid \\uXXXX escape', i);
        i = end;
        if (unit >= 0xd800 && unit <= 0xdbff && end + 6 < length && text.startsWith('\\u', end)) {
          const low = this.hex4(end + 2);
          if (low < 0) throw this.error('Invalid \\uXXXX escape', end + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            out += String.fromCharCode(unit, low);
            i = end + 6;
          } else {
            out += String.fromCharCode(unit); // a lone high surrogate is kept, as Python keeps it
          }
        } else {
          out += String.fromCharCode(unit);
        }
      } else {
        const decoded = SHORT_ESCAPES[escape];
        if (decoded === undefined) throw this.error('Invalid \\escape', i - 1);
        out += decoded;
        i++;
      }
      chunk = i;
    }
  }

  /** The value of four hex digits at `index`, or -1. */
  private hex4(index: number): number {
    let value = 0;
    for (let i = index; i < index + 4; i++) {
      const digit = hexValue(this.text.charCodeAt(i));
      if (digit < 0) return -1;
      value = (value << 4) | digit;
    }
    return value;
  }

  /** An object whose `{` is at `start - 1`. */
  private scanObject(start: number): JsonObject {
    const { text } = this;
    const object = new JsonObject();
    const keyAt = this.options.rejectDuplicateKeys ? new Map<string, number>() : undefined;
    let i = this.skipWhitespace(start);
    if (text.charCodeAt(i) === 125) {
      this.end = i + 1;
      return object;
    }
    for (;;) {
      if (text.charCodeAt(i) !== QUOTE)
        throw this.error('Expecting property name enclosed in double quotes', i);
      const key = this.scanString(i + 1);
      if (keyAt !== undefined) {
        const first = keyAt.get(key);
        if (first !== undefined) {
          const at = pythonPosition(this.text, first);
          throw this.error(
            `Duplicate key ${JSON.stringify(key)} (first at line ${at.line} column ${at.column}; Python would keep only the last value)`,
            i,
          );
        }
        keyAt.set(key, i);
      }
      i = this.skipWhitespace(this.end);
      if (text.charCodeAt(i) !== 58) throw this.error("Expecting ':' delimiter", i);
      const value = this.scan(this.skipWhitespace(i + 1));
      object.set(key, value);
      i = this.skipWhitespace(this.end);
      const c = text.charCodeAt(i);
      if (c === 125) break;
      if (c !== 44) throw this.error("Expecting ',' delimiter", i);
      i = this.skipWhitespace(i + 1);
    }
    this.end = i + 1;
    return object;
  }

  /** An array whose `[` is at `start - 1`. */
  private scanArray(start: number): JsonArray {
    const { text } = this;
    const array: JsonArray = [];
    let i = this.skipWhitespace(start);
    if (text.charCodeAt(i) === 93) {
      this.end = i + 1;
      return array;
    }
    for (;;) {
      array.push(this.scan(i));
      i = this.skipWhitespace(this.end);
      const c = text.charCodeAt(i);
      if (c === 93) break;
      if (c !== 44) throw this.error("Expecting ',' delimiter", i);
      i = this.skipWhitespace(i + 1);
    }
    this.end = i + 1;
    return array;
  }
}

const SHORT_ESCAPES: Record<number, string> = {
  [QUOTE]: '"',
  [BACKSLASH]: '\\',
  47: '/',
  98: '\b',
  102: '\f',
  110: '\n',
  114: '\r',
  116: '\t',
};

const isDigit = (c: number): boolean => c >= ZERO && c <= NINE;

function hexValue(c: number): number {
  if (c >= ZERO && c <= NINE) return c - ZERO;
  if (c >= 97 && c <= 102) return c - 87; // a-f
  if (c >= 65 && c <= 70) return c - 55; // A-F
  return -1;
}
