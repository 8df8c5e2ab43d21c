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
export function computeRatios(report: Pick<BenchReport, 'nx' | 'engine'>): BenchReport['ratios'] {
  return {
    allOverOne: ratio(median(report.nx.packChange), median(report.nx.single)),
    cachedOverEmpty: ratio(median(report.nx.cachedWithEmptyTarget), median(report.nx.emptyCached)),
    cachedOverEmptyDaemon: ratio(
      median(report.nx.cachedDaemonWithEmptyTarget),
      median(report.nx.emptyCachedDaemon),
    ),
    buildOverFloor: ratio(engineMedian(report.engine.build), engineMedian(report.engine.buildFloor)),
    buildRevalidatedOverFloor: ratio(
      engineMedian(report.engine.buildRevalidated),
      engineMedian(report.engine.buildFloor),
    ),
    buildUnvalidatedOverFloor: ratio(
      engineMedian(report.engine.buildUnvalidated),
      engineMedian(report.engine.buildFloor),
    ),
    buildRewriteOverFloor: ratio(
      engineMedian(report.engine.buildRewrite),
      engineMedian(report.engine.buildFloor),
    ),
    expandOverFloor: ratio(engineMedian(report.engine.expand), engineMedian(report.engine.expandFloor)),
    expandRewriteOverFloor: ratio(
      engineMedian(report.engine.expandRewrite),
      engineMedian(report.engine.expandFloor),
    ),
    buildOverFloorCpu: ratio(engineCpu(report.engine.build), engineCpu(report.engine.buildFloor)),
    expandOverFloorCpu: ratio(engineCpu(report.engine.expand), engineCpu(report.engine.expandFloor)),
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
  ];
}
