/**
 * Orders strings by Unicode code point, as Python sorts `str` (and so `sort_keys=True`). Plain JS
 * comparison uses UTF-16 units, which puts characters above U+FFFF (surrogate pairs, 0xD800–0xDFFF)
 * before U+E000–U+FFFF; here they come after. A lone surrogate counts as its own code point.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      if (x < 0xd800 && y < 0xd800) return x - y;
      return compareAt(a, b, i);
    }
  }
  return a.length - b.length;
}

/** Compares the code points of `a` and `b` that contain their first differing unit `i`. */
function compareAt(a: string, b: string, i: number): number {
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  const shared = a.charCodeAt(i - 1); // NaN when i is 0
  if (isHigh(shared) && (isLow(x) || isLow(y))) {
    // The shared high surrogate pairs with a low one in at least one string; in the other it is lone.
    return (isLow(x) ? join(shared, x) : shared) - (isLow(y) ? join(shared, y) : shared);
  }
  return codePointAt(a, i) - codePointAt(b, i);
}

function codePointAt(s: string, i: number): number {
  const unit = s.charCodeAt(i);
  const next = s.charCodeAt(i + 1);
  return isHigh(unit) && isLow(next) ? join(unit, next) : unit;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const join = (high: number, low: number): number => 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
