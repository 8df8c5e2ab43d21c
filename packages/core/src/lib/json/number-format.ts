/**
 * Number formatting exactly as Python prints numbers in `json.dumps`: `int` via `int.__repr__`
 * (exact, any size) and `float` via `float.__repr__` (shortest round-trip digits) with NaN,
 * Infinity and -Infinity as bare words (`allow_nan=True`).
 */

/** Python 3.11's default `sys.get_int_max_str_digits()`: longer ints can be neither read nor printed. */
export const PYTHON_INT_MAX_STR_DIGITS = 4300;

const INT_TOO_LONG =
  'Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit';

/** Python `repr(float(x))`, e.g. 1 → "1.0", 1e16 → "1e+16", 1.5e-7 → "1.5e-07", -0 → "-0.0". */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const { digits, exponent } = shortestDigits(Math.abs(x));
  // Python's 'r' format switches to exponent notation when the decimal exponent is < -4 or >= 16.
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const magnitude = Math.abs(exponent);
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${magnitude < 10 ? '0' : ''}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${sign}${digits}${'0'.repeat(exponent + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/**
 * The shortest round-trip decimal digits of a finite positive number (no leading or trailing
 * zeros) and the decimal exponent of the first digit. `Number.prototype.toString` is specified to
 * produce exactly those digits (closest to the value when several are shortest), like Python's repr.
 */
function shortestDigits(x: number): { digits: string; exponent: number } {
  const text = String(x);
  const e = text.indexOf('e');
  if (e >= 0) return { digits: text.slice(0, e).replace('.', ''), exponent: Number(text.slice(e + 1)) };
  const point = text.indexOf('.');
  const intPart = point < 0 ? text : text.slice(0, point);
  const fraction = point < 0 ? '' : text.slice(point + 1);
  if (intPart === '0') {
    const zeros = fraction.length - fraction.replace(/^0+/, '').length;
    return { digits: fraction.slice(zeros), exponent: -zeros - 1 };
  }
  return { digits: (intPart + fraction).replace(/0+$/, ''), exponent: intPart.length - 1 };
}

/** A plain JS number as Python would print it: integral values as `int`, the rest as `float`. */
export function formatJsNumber(x: number): string {
  if (!Number.isInteger(x)) return pythonFloatRepr(x);
  return x === 0 ? '0' : checkIntDigits(BigInt(x).toString());
}

/** A JSON number lexeme as Python prints the value `json.loads` makes of it ("-0" → "0", "1E400" → "Infinity"). */
export function formatNumberLexeme(lexeme: string, isInteger: boolean): string {
  if (!isInteger) return pythonFloatRepr(Number(lexeme));
  return lexeme === '-0' ? '0' : checkIntDigits(lexeme);
}

function checkIntDigits(intText: string): string {
  const digits = intText.length - (intText.charCodeAt(0) === 45 ? 1 : 0);
  if (digits > PYTHON_INT_MAX_STR_DIGITS) throw new RangeError(INT_TOO_LONG);
  return intText;
}
