import type { BenchReport, EngineFigures, MemoryAtSize } from '../src/report';
import { summarize } from '../src/stats';
import { computeRatios, evaluateTargets, memoryLinearity } from '../src/targets';

export const engine = (ms: number[], bytes = 6e6): EngineFigures => ({
  ms: summarize(ms),
  cpuMs: summarize(ms.map((x) => x / 2)),
  files: 2400,
  bytes,
  datatypesPerSecond: 2000 / (summarize(ms).median / 1000),
  megabytesPerSecond: bytes / 1e6 / (summarize(ms).median / 1000),
});

export const memoryAt = (connectors: number, pss: number): MemoryAtSize => ({
  connectors,
  datatypes: 10,
  nxMs: connectors * 30,
  nx: { peakTreePss: pss, peakTreeRss: pss * 1.5, peakProcessRss: pss / 2, peakProcesses: 5, samples: 100 },
  engineMaxRssBytes: 100e6 + connectors * 1e5,
});

/** A whole report with made-up figures, ratios and targets computed by the real functions. */
export function sampleReport(): BenchReport {
  const nx = {
    cold: summarize([6100, 6000, 6300]),
    cached: summarize([1900, 1800, 2000]),
    cachedIsolated: summarize([900, 1000, 950]),
    cachedDaemon: summarize([800, 900, 850]),
    cachedDaemonWithEmptyTarget: summarize([700, 720, 760]),
    emptyCachedDaemon: summarize([500, 480, 520]),
    cachedWithEmptyTarget: summarize([2100, 2000, 2200]),
    emptyCached: summarize([1900, 1950, 2000]),
    packChange: summarize([6000, 6200, 5900]),
    connectorChange: summarize([2500, 2600, 2400]),
    single: summarize([2400, 2500, 2300]),
  };
  const engineFigures = {
    build: engine([3000, 2000, 2100]),
    buildRevalidated: engine([2900, 2700, 2800]),
    buildUnvalidated: engine([1500, 1400, 1450]),
    buildRewrite: engine([2600, 2500, 2550]),
    expandRewrite: engine([3100, 3000, 3050]),
    expand: engine([2500, 2400, 2600]),
    buildFloor: engine([1000, 900, 1100]),
    expandFloor: { error: 'engine probe expand failed (exit 1):\nsomething broke' },
    loadMs: 120,
  };
  const memory = [memoryAt(25, 250e6), memoryAt(50, 260e6), memoryAt(100, 280e6), memoryAt(200, 320e6)];
  const review = {
    review: summarize([9000, 9500, 8800]),
    cold: summarize([3400, 3500, 3300]),
    groups: 3,
    pipes: 1800,
    chars: 21_000,
  };
  const ratios = computeRatios({ nx, engine: engineFigures, review });
  const linearity = memoryLinearity(memory);
  const partial = {
    nx,
    engine: engineFigures,
    ratios,
    memory,
    review,
    ...(linearity ? { memoryLinearity: linearity } : {}),
  };
  return {
    date: '2025-01-01T00:00:00.000Z',
    machine: { node: 'v20.20.2', cpus: 2, platform: 'linux-x64' },
    nxVersion: '22.7.8',
    nxEnv: {},
    size: { connectors: 200, datatypes: 10 },
    runs: 3,
    ...partial,
    targets: evaluateTargets(partial),
  };
}
