import {
  isFailed,
  type BenchReport,
  type EngineFigures,
  type Measured,
  type MemoryAtSize,
  type Target,
} from './report';
import { linearFit, ratio, type Summary } from './stats';

const median = (value: Measured<Summary>): number | undefined => (isFailed(value) ? undefined : value.median);
const engineMedian = (value: Measured<EngineFigures>): number | undefined =>
  isFailed(value) ? undefined : value.ms.median;
const engineCpu = (value: Measured<EngineFigures>): number | undefined =>
  isFailed(value) ? undefined : value.cpuMs.median;

/** The ratios of issue 7, from the measurements (undefined where a side is missing). */
export function computeRatios(report: Pick<BenchReport, 'nx' | 'engine' | 'review'>): BenchReport['ratios'] {
  const { nx, engine, review } = report;
  const nxRatio = (a: Measured<Summary>, b: Measured<Summary>) => ratio(median(a), median(b));
  const engineRatio = (a: Measured<EngineFigures>, b: Measured<EngineFigures>) =>
    ratio(engineMedian(a), engineMedian(b));
  const cpuRatio = (a: Measured<EngineFigures>, b: Measured<EngineFigures>) =>
    ratio(engineCpu(a), engineCpu(b));
  return {
    allOverOne: nxRatio(nx.packChange, nx.single),
    cachedOverEmpty: nxRatio(nx.cachedWithEmptyTarget, nx.emptyCached),
    cachedOverEmptyDaemon: nxRatio(nx.cachedDaemonWithEmptyTarget, nx.emptyCachedDaemon),
    buildOverFloor: engineRatio(engine.build, engine.buildFloor),
    buildRevalidatedOverFloor: engineRatio(engine.buildRevalidated, engine.buildFloor),
    buildUnvalidatedOverFloor: engineRatio(engine.buildUnvalidated, engine.buildFloor),
    buildRewriteOverFloor: engineRatio(engine.buildRewrite, engine.buildFloor),
    expandOverFloor: engineRatio(engine.expand, engine.expandFloor),
    expandRewriteOverFloor: engineRatio(engine.expandRewrite, engine.expandFloor),
    buildOverFloorCpu: cpuRatio(engine.build, engine.buildFloor),
    expandOverFloorCpu: cpuRatio(engine.expand, engine.expandFloor),
    reviewOverCold: isFailed(review) ? undefined : ratio(review.review.median, review.cold.median),
  };
}

/** How far peak memory is from a straight line over N×M (needs ≥ 2 sizes with different N×M). */
export function memoryLinearity(memory: readonly MemoryAtSize[]): BenchReport['memoryLinearity'] {
  const datatypes = (size: MemoryAtSize) => size.connectors * size.datatypes;
  if (new Set(memory.map(datatypes)).size < 2) return undefined;
  const tree = linearFit(memory.map((size) => ({ x: datatypes(size), y: size.nx.peakTreePss })));
  const engineSizes = memory.filter((size) => !isFailed(size.engineMaxRssBytes));
  const engine =
    new Set(engineSizes.map(datatypes)).size >= 2
      ? linearFit(engineSizes.map((size) => ({ x: datatypes(size), y: size.engineMaxRssBytes as number })))
      : undefined;
  return {
    nxTreeDeviation: tree.maxDeviation,
    ...(engine ? { engineDeviation: engine.maxDeviation } : {}),
    bytesPerDatatype: tree.slope,
  };
}

/** Memory counts as growing linearly when no size is more than this far (relative) from the fitted line. */
export const LINEARITY_TOLERANCE = 0.15;

const target = (
  name: string,
  value: number | undefined,
  limit: number,
  unit: Target['unit'],
  strict = false,
): Target => ({
  name,
  value,
  limit,
  unit,
  strict,
  met: value === undefined ? undefined : strict ? value < limit : value <= limit,
});

/** The targets of issue 7 §2, each with its measured value. */
export function evaluateTargets(
  report: Pick<BenchReport, 'nx' | 'ratios' | 'memory' | 'memoryLinearity'>,
): Target[] {
  const largest = [...report.memory].sort(
    (a, b) => b.connectors * b.datatypes - a.connectors * a.datatypes,
  )[0];
  const cached = median(report.nx.cached);
  return [
    target('target: (c)/(e) rebuild all ÷ one', report.ratios.allOverOne, 3, 'x'),
    target('target: (b) fully cached', cached === undefined ? undefined : cached / 1000, 2, 's'),
    target('target: (b) ÷ empty target cached', report.ratios.cachedOverEmpty, 1.2, 'x'),
    target('target: engine build ÷ floor (outputs up to date)', report.ratios.buildOverFloor, 1.5, 'x'),
    target(
      'target: engine build ÷ floor (every output changed)',
      report.ratios.buildRewriteOverFloor,
      1.5,
      'x',
    ),
    target('target: engine expand ÷ floor (outputs up to date)', report.ratios.expandOverFloor, 1.5, 'x'),
    target(
      'target: engine expand ÷ floor (every output changed)',
      report.ratios.expandRewriteOverFloor,
      1.5,
      'x',
    ),
    target(
      largest
        ? `target: peak memory (Nx tree PSS) at ${largest.connectors}×${largest.datatypes}`
        : 'target: peak memory',
      largest ? largest.nx.peakTreePss / 1e6 : undefined,
      500,
      'MB',
      true,
    ),
    target(
      'target: memory growth linear (worst gap to fitted line)',
      report.memoryLinearity === undefined ? undefined : report.memoryLinearity.nxTreeDeviation * 100,
      LINEARITY_TOLERANCE * 100,
      '%',
    ),
    target('target: (i) review of a pack change ÷ cold build', report.ratios.reviewOverCold, 3, 'x'),
  ];
}
