/** Summary of repeated measurements: the median and how far the runs spread around it. */
export interface Summary {
  /** Number of samples. */
  n: number;
  median: number;
  min: number;
  max: number;
  /** (max − min) / median: 0 for one run or identical runs. */
  spread: number;
}

/** Median, min, max and relative spread of `samples` (at least one). */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError('summarize needs at least one sample');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  return { n: sorted.length, median, min, max, spread: median === 0 ? 0 : (max - min) / median };
}

/** a / b, or undefined when either is missing or b is 0 (a ratio that cannot be computed is not shown). */
export const ratio = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined || b === undefined || b === 0 ? undefined : a / b;

/**
 * Least-squares slope and intercept of y over x, and the worst relative gap between a point and
 * the line: near 0 means y grows linearly with x (a quadratic growth leaves the ends off the line).
 */
export function linearFit(points: readonly { x: number; y: number }[]): {
  slope: number;
  intercept: number;
  maxDeviation: number;
} {
  if (points.length < 2) throw new RangeError('linearFit needs at least two points');
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) throw new RangeError('linearFit needs at least two different x values');
  const slope = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
  const intercept = my - slope * mx;
  const maxDeviation = Math.max(
    ...points.map((p) => (p.y === 0 ? 0 : Math.abs(p.y - (intercept + slope * p.x)) / p.y)),
  );
  return { slope, intercept, maxDeviation };
}
