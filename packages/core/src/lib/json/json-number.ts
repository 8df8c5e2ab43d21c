import { formatJsNumber } from './number-format';

/** The JSON number grammar (RFC 8259) plus the three words Python's json module reads and writes. */
const NUMBER_LEXEME = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|NaN|-?Infinity)$/;
/** A lexeme is a float (Python `float`) when it has a fraction, an exponent, or is NaN/Infinity. */
const FLOAT_MARK = /[.eEIN]/;

/**
 * A JSON number kept as its exact source lexeme, so nothing is lost: integers of any size stay
 * exact and float lexemes are never re-rounded until they are written (see `toJsonText`).
 *
 * `parseJson` produces one for every number it reads. Build one yourself with
 * `new JsonNumber('12345678901234567890')` (the lexeme is checked) or `JsonNumber.from(42)`.
 */
export class JsonNumber {
  readonly lexeme: string;

  constructor(lexeme: string) {
    if (!NUMBER_LEXEME.test(lexeme)) {
      throw new TypeError(`Not a JSON number: ${JSON.stringify(lexeme)}`);
    }
    this.lexeme = lexeme;
  }

  /** A JsonNumber for a JS number or bigint, with the lexeme Python would print for it. */
  static from(value: number | bigint): JsonNumber {
    return new JsonNumber(typeof value === 'bigint' ? value.toString() : formatJsNumber(value));
  }

  /** True for integer lexemes (Python `int`); false for fractions, exponents, NaN and ±Infinity. */
  get isInteger(): boolean {
    return !FLOAT_MARK.test(this.lexeme);
  }

  /** The nearest JS number (exact for integers up to 2^53; `1E400` gives Infinity). */
  toNumber(): number {
    return Number(this.lexeme);
  }

  /** The exact integer value; throws a RangeError for a float lexeme. */
  toBigInt(): bigint {
    if (!this.isInteger) throw new RangeError(`Not an integer: ${this.lexeme}`);
    return BigInt(this.lexeme);
  }

  toString(): string {
    return this.lexeme;
  }
}
