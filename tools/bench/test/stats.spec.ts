import { linearFit, ratio, summarize } from '../src/stats';

describe('summarize', () => {
  it('gives the middle sample of an odd count, with min, max and spread around the median', () => {
    expect(summarize([300, 100, 200])).toEqual({ n: 3, median: 200, min: 100, max: 300, spread: 1 });
  });

  it('averages the two middle samples of an even count', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ n: 4, median: 2.5, min: 1, max: 4, spread: 1.2 });
  });

  it('has no spread for a single run', () => {
    expect(summarize([1234])).toEqual({ n: 1, median: 1234, min: 1234, max: 1234, spread: 0 });
  });

  it('refuses an empty list', () => {
    expect(() => summarize([])).toThrow('at least one sample');
  });
});

describe('ratio', () => {
  it('divides, and is undefined when a side is missing or the divisor is 0', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(undefined, 2)).toBeUndefined();
    expect(ratio(3, undefined)).toBeUndefined();
    expect(ratio(3, 0)).toBeUndefined();
  });
});

describe('linearFit', () => {
  it('finds the line through points that lie on one, with no deviation', () => {
    const fit = linearFit([1, 2, 4, 8].map((x) => ({ x, y: 100 + 5 * x })));
    expect(fit.slope).toBeCloseTo(5);
    expect(fit.intercept).toBeCloseTo(100);
    expect(fit.maxDeviation).toBeCloseTo(0);
  });

  it('shows quadratic growth as a large deviation from the line', () => {
    const fit = linearFit([250, 500, 1000, 2000].map((x) => ({ x, y: x * x })));
    expect(fit.maxDeviation).toBeGreaterThan(0.5);
  });

  it('needs two different x values', () => {
    expect(() => linearFit([{ x: 1, y: 1 }])).toThrow('two points');
    expect(() =>
      linearFit([
        { x: 1, y: 1 },
        { x: 1, y: 2 },
      ]),
    ).toThrow('two different x');
  });
});
