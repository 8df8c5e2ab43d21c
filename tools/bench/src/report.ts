import type { BenchSize } from './options';
import type { PeakMemory } from './process-memory';
import type { Summary } from './stats';

/** A measurement that could not be taken: the report says why instead of failing the run. */
export interface Failed {
  error: string;
}

export type Measured<T> = T | Failed;

export const isFailed = (value: unknown): value is Failed =>
  typeof value === 'object' &&
  value !== null &&
  'error' in value &&
  typeof (value as Failed).error === 'string';

/** Wall times in milliseconds of Nx runs over the whole workspace (or one connector). */
export interface NxTimings {
  /** (a) `nx run-many -t build`, empty cache. */
  cold: Measured<Summary>;
  /** (b) the same, every task a cache hit. */
  cached: Measured<Summary>;
  /**
   * (b) with NX_ISOLATE_PLUGINS=true: every plugin in a worker process of its own, Nx's default,
   * which the workspace's root .env turns off.
   */
  cachedIsolated: Measured<Summary>;
  /**
   * (b) served by a warm Nx daemon (NX_DAEMON=true): the daemon remembers the outputs on disk, so a
   * cache hit whose outputs are already in place is not restored again.
   */
  cachedDaemon: Measured<Summary>;
  /** (b) with the warm daemon once every connector also has the baseline target. */
  cachedDaemonWithEmptyTarget: Measured<Summary>;
  /** The baseline's cached run with the warm daemon. */
  emptyCachedDaemon: Measured<Summary>;
  /** (b) once every connector also has the baseline target (a project.json), for the comparison below. */
  cachedWithEmptyTarget: Measured<Summary>;
  /** Baseline for (b): cached run of a target that does nothing, same projects, same workspace state. */
  emptyCached: Measured<Summary>;
  /** (c) after editing one pack template (every connector rebuilds). */
  packChange: Measured<Summary>;
  /** (d) after editing one connector.json (one rebuilds). */
  connectorChange: Measured<Summary>;
  /** (e) `nx run <one>:build --skip-nx-cache`. */
  single: Measured<Summary>;
}

/** In-process engine throughput over every connector of the workspace. */
export interface EngineFigures {
  /** Wall time of a pass over every connector. */
  ms: Summary;
  /** CPU time (user + system) of the same passes: less sensitive to other load on the machine. */
  cpuMs: Summary;
  files: number;
  bytes: number;
  datatypesPerSecond: number;
  megabytesPerSecond: number;
}

/** (i) The review of a pack change over the whole workspace, and a cold build it is compared with. */
export interface ReviewFigures {
  /** `npm run review -- --base <workspace> --head <pack change> --format markdown`, in-process. */
  review: Summary;
  /** Cold `run-many -t build`, each run right before a review. */
  cold: Summary;
  /** Groups of changes the markdown shows, pipes in the largest one, and its length in characters. */
  groups: number;
  pipes: number;
  chars: number;
}

/** (j) The real-world case: this workspace's own connectors, built as the synthetic ones are. */
export interface FamilyFigures {
  /** The connectors' systems, in build order. */
  systems: string[];
  connectors: number;
  /** Datatypes over every connector. */
  datatypes: number;
  nx: Pick<NxTimings, 'cold' | 'cached' | 'packChange' | 'connectorChange' | 'single'>;
  engine: Pick<BenchReport['engine'], 'build' | 'buildRevalidated' | 'expand' | 'buildFloor' | 'expandFloor'>;
}

export interface MemoryAtSize extends BenchSize {
  /** Cold `nx run-many -t build` of this size. */
  nxMs: number;
  nx: PeakMemory;
  /** Peak RSS of one process building every connector in-process. */
  engineMaxRssBytes: Measured<number>;
}

export interface Target {
  name: string;
  value: number | undefined;
  limit: number;
  unit: 'x' | 's' | 'MB' | '%';
  /** The value must stay below the limit (not reach it). */
  strict: boolean;
  met: boolean | undefined;
}

export interface BenchReport {
  date: string;
  machine: { node: string; cpus: number; platform: string };
  nxVersion: string;
  /** Environment added to every Nx run (--env). */
  nxEnv: Record<string, string>;
  size: BenchSize;
  runs: number;
  nx: NxTimings;
  engine: {
    /** The build as the executor runs it (its store of passed validations filled by the Nx runs). */
    build: Measured<EngineFigures>;
    /** The build without that store: it validates every connector. */
    buildRevalidated: Measured<EngineFigures>;
    /** The build with validate: false (render and write only). */
    buildUnvalidated: Measured<EngineFigures>;
    /** The build after every output file was changed: it writes every file (the others find them up to date). */
    buildRewrite: Measured<EngineFigures>;
    /** Expand after every file of every `.expanded` was changed: it writes every file. */
    expandRewrite: Measured<EngineFigures>;
    expand: Measured<EngineFigures>;
    buildFloor: Measured<EngineFigures>;
    expandFloor: Measured<EngineFigures>;
    /** Requiring the engine modules (TypeScript compile included), ms. */
    loadMs?: number;
  };
  ratios: {
    /** (c) / (e) */
    allOverOne?: number;
    /** (b) with the baseline target present / empty-target cached */
    cachedOverEmpty?: number;
    /** The same, both served by a warm daemon. */
    cachedOverEmptyDaemon?: number;
    buildOverFloor?: number;
    buildRevalidatedOverFloor?: number;
    buildUnvalidatedOverFloor?: number;
    buildRewriteOverFloor?: number;
    expandRewriteOverFloor?: number;
    expandOverFloor?: number;
    /** The same three by CPU time. */
    buildOverFloorCpu?: number;
    expandOverFloorCpu?: number;
    /** (i) review of a pack change ÷ cold build (medians of the alternating runs). */
    reviewOverCold?: number;
  };
  memory: MemoryAtSize[];
  /** (i) review of a pack change against a cold build. */
  review: Measured<ReviewFigures>;
  /** (j) the family of real connectors (absent with --synthetic-only). */
  family?: Measured<FamilyFigures>;
  /** Worst relative distance of a size's peak from the least-squares line over N×M (0 = exactly linear). */
  memoryLinearity?: { nxTreeDeviation: number; engineDeviation?: number; bytesPerDatatype: number };
  targets: Target[];
}
