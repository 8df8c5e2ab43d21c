import { JinjaError } from './errors';
import { Markup, PyTuple, type PyValue } from './py-values';

/**
 * How much work one render of an expand-time template may do. Far above any real connector (the
 * largest in the corpus renders a few hundred kilobytes with loops of tens of items) and far below
 * what exhausts memory or hangs: a runaway template (`'a' * 999999999`, `range(99999999)`) stops
 * with a LimitError naming the limit instead of a RangeError, an out-of-memory crash or a hang.
 * Jinja itself has no such limits (its sandbox caps `range` at 100,000 items).
 */
export const RENDER_LIMITS = {
  /** Characters one render writes, all output and `{% set %}` blocks together. */
  outputCharacters: 20_000_000,
  /** Characters of one string, items of one list or tuple. */
  valueLength: 10_000_000,
  /** Items of a `range()` that is iterated. */
  rangeLength: 1_000_000,
  /** Loop body runs (and loop filter tests) of one render, all loops together. */
  loopIterations: 1_000_000,
  /** Bits of an integer a power may produce. */
  integerBits: 100_000,
} as const;

const formatted = (n: number | bigint): string => n.toLocaleString('en-US');

/** The error of a render that went over one of RENDER_LIMITS (`what` is what grew, `size` how far). */
export function limitError(
  what: string,
  size: number | bigint | undefined,
  limit: keyof typeof RENDER_LIMITS,
): JinjaError {
  const max = RENDER_LIMITS[limit];
  const was = size === undefined ? '' : ` (${formatted(size)})`;
  return new JinjaError(
    'LimitError',
    `${what}${was} exceeds the limit of ${formatted(max)} (RENDER_LIMITS.${limit}) on one expand-time render`,
  );
}

/** Throws unless `size` is within `limit`. */
export function checkLimit(what: string, size: number | bigint, limit: keyof typeof RENDER_LIMITS): void {
  if (size > RENDER_LIMITS[limit]) throw limitError(what, size, limit);
}

/** The value, unless it is a string or list longer than RENDER_LIMITS.valueLength (`+`, filters). */
export function boundedValue(value: PyValue): PyValue {
  const length =
    typeof value === 'string' || Array.isArray(value)
      ? value.length
      : value instanceof Markup
        ? value.text.length
        : value instanceof PyTuple
          ? value.items.length
          : 0;
  checkLimit('a string or list', length, 'valueLength');
  return value;
}
