import type { ReviewFigures } from '../src/report';
import { summarize } from '../src/stats';
import { computeRatios, evaluateTargets, LINEARITY_TOLERANCE, memoryLinearity } from '../src/targets';
import { memoryAt, sampleReport } from './report-fixture';

describe('computeRatios', () => {
  it('divides medians: rebuild-all by one, cached (with the baseline present) by the empty target, engine by floor', () => {
    const report = sampleReport();
    expect(report.ratios.allOverOne).toBeCloseTo(6000 / 2400);
    expect(report.ratios.cachedOverEmpty).toBeCloseTo(2100 / 1950);
    expect(report.ratios.cachedOverEmptyDaemon).toBeCloseTo(720 / 500);
    expect(report.ratios.buildOverFloor).toBeCloseTo(2100 / 1000);
    expect(report.ratios.buildRevalidatedOverFloor).toBeCloseTo(2800 / 1000);
    expect(report.ratios.buildUnvalidatedOverFloor).toBeCloseTo(1450 / 1000);
    expect(report.ratios.buildRewriteOverFloor).toBeCloseTo(2550 / 1000);
    expect(report.ratios.expandRewriteOverFloor).toBeUndefined(); // the expand floor failed
    expect(report.ratios.buildOverFloorCpu).toBeCloseTo(1050 / 500);
  });

  it('leaves out a ratio whose measurement failed', () => {
    expect(sampleReport().ratios.expandOverFloor).toBeUndefined();
  });
});

describe('memoryLinearity', () => {
  it('is near 0 for memory that grows by a constant per datatype and large for quadratic growth', () => {
    const linear = [25, 50, 100, 200].map((n) => memoryAt(n, 200e6 + n * 1e6));
    expect(memoryLinearity(linear)!.nxTreeDeviation).toBeCloseTo(0);
    expect(memoryLinearity(linear)!.bytesPerDatatype).toBeCloseTo(1e5);
    const quadratic = [25, 50, 100, 200].map((n) => memoryAt(n, n * n * 1e4));
    expect(memoryLinearity(quadratic)!.nxTreeDeviation).toBeGreaterThan(LINEARITY_TOLERANCE);
  });

  it('needs two different sizes', () => {
    expect(memoryLinearity([memoryAt(25, 1), memoryAt(25, 2)])).toBeUndefined();
  });
});

describe('evaluateTargets', () => {
  it('checks each target of the issue against its limit', () => {
    const verdicts = Object.fromEntries(sampleReport().targets.map((t) => [t.name, t.met]));
    expect(verdicts).toEqual({
      'target: (c)/(e) rebuild all ÷ one': true, // 2.5
      'target: (b) fully cached': true, // 1.9 s
      'target: (b) ÷ empty target cached': true, // 1.08
      'target: engine build ÷ floor (outputs up to date)': false, // 2.1
      'target: engine build ÷ floor (every output changed)': false, // 2.55
      'target: engine expand ÷ floor (outputs up to date)': undefined, // the floor failed
      'target: engine expand ÷ floor (every output changed)': undefined,
      'target: peak memory (Nx tree PSS) at 200×10': true, // 320 MB
      'target: memory growth linear (worst gap to fitted line)': true,
      'target: (i) review of a pack change ÷ cold build': true, // 9.0 ÷ 3.4 = 2.65
    });
  });

  it('misses the review target when the review takes more than three cold builds', () => {
    const report = sampleReport();
    report.review = {
      ...(report.review as ReviewFigures),
      review: summarize([10_300]),
      cold: summarize([3400]),
    };
    report.ratios = computeRatios(report);
    const review = evaluateTargets(report).find((t) => t.name.startsWith('target: (i)'));
    expect(review?.value).toBeCloseTo(3.03, 2);
    expect(review?.met).toBe(false);
  });

  it('misses the memory target at 500 MB and above, and the cached target above 2 s', () => {
    const report = sampleReport();
    report.memory = [memoryAt(100, 300e6), memoryAt(200, 500e6)];
    report.nx.cached = { n: 1, median: 2001, min: 2001, max: 2001, spread: 0 };
    const targets = evaluateTargets(report);
    expect(targets.find((t) => t.name.startsWith('target: peak memory'))).toMatchObject({
      value: 500,
      met: false,
    });
    expect(targets.find((t) => t.name === 'target: (b) fully cached')).toMatchObject({
      value: 2.001,
      met: false,
    });
  });
});
