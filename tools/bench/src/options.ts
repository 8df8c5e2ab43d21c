import { parseArgs } from 'node:util';

/** One workspace size: N connectors × M datatypes each. */
export interface BenchSize {
  connectors: number;
  datatypes: number;
}

export interface BenchOptions {
  /** The size every timing (a)–(g) is measured at. */
  connectors: number;
  datatypes: number;
  /** Repetitions of each measurement (median and spread are over these). */
  runs: number;
  /** The sizes peak memory (h) is measured at, to show how it grows. */
  sizes: BenchSize[];
  /** Where the JSON report goes (relative to the repository root unless absolute). */
  json: string;
  /** Extra environment for every Nx run (e.g. NX_BATCH_MODE=false to measure without batching). */
  env: Record<string, string>;
  /** Keep the timed temporary workspace (its path is printed). */
  keep: boolean;
  quick: boolean;
  /** Measure only the family of real connectors (j), not the synthetic workspace. */
  familyOnly: boolean;
  /** Leave the family (j) out. */
  skipFamily: boolean;
  help: boolean;
}

export const DEFAULT_JSON = 'tmp/bench/latest.json';

export const DEFAULTS = {
  connectors: 200,
  datatypes: 10,
  runs: 3,
  sizes: '25x10,50x10,100x10,200x10',
} as const;
export const QUICK = { connectors: 6, datatypes: 4, runs: 1, sizes: '2x4,3x4,4x4,6x4' } as const;

export const BENCH_USAGE = `Usage: npm run bench -- [--connectors N] [--datatypes M] [--runs K] [--sizes NxM,…] [--json file] [--quick] [--keep] [--family-only | --skip-family]

Builds a synthetic workspace (N connectors × M datatypes, from this workspace's engine and template
pack) in a temporary folder with its own Nx cache, and measures the connector build: cold, cached,
after a pack change, after one connector.json change, one connector alone, the engine in-process
(build and expand) against a raw-I/O floor, and peak memory at several sizes; then the same build
figures for the real-world case, this workspace's own connectors (the family). Prints one table and
writes the figures as JSON. A benchmark, not a test: it always exits 0 unless it could not run.

  --connectors N   connectors in the timed workspace (default ${DEFAULTS.connectors})
  --datatypes M    datatypes per connector (default ${DEFAULTS.datatypes})
  --runs K         repetitions of each timing (default ${DEFAULTS.runs})
  --sizes list     NxM sizes for peak memory (default ${DEFAULTS.sizes})
  --json file      JSON report (default ${DEFAULT_JSON})
  --env K=V        set K=V for every Nx run (repeatable), e.g. NX_BATCH_MODE=false (no batch
                   executor: one process per task, as before issue 7) or NX_ISOLATE_PLUGINS=true
  --quick          small sizes, one run (${QUICK.connectors}x${QUICK.datatypes}; sizes ${QUICK.sizes})
  --keep           keep the timed temporary workspace (for a look at what was built)
  --family-only    measure only the family of real connectors (packages/connectors/*), --runs times
  --skip-family    leave the family out
  -h, --help       show this help`;

export class BenchUsageError extends Error {}

/** `200x10` → { connectors: 200, datatypes: 10 }. */
export function parseSize(text: string): BenchSize {
  const match = /^\s*(\d+)\s*[x×]\s*(\d+)\s*$/.exec(text);
  if (match === null) throw new BenchUsageError(`--sizes: "${text}" is not NxM (e.g. 200x10)`);
  return {
    connectors: positive(match[1], '--sizes connectors'),
    datatypes: positive(match[2], '--sizes datatypes'),
  };
}

/** `K=V` → ['K', 'V']; K must look like an environment variable name. */
export function parseEnvAssignment(text: string): [string, string] {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(text);
  if (match === null) throw new BenchUsageError(`--env: "${text}" is not NAME=value`);
  return [match[1], match[2]];
}

const positive = (text: string, flag: string): number => {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new BenchUsageError(`${flag}: "${text}" must be a whole number ≥ 1`);
  }
  return value;
};

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        connectors: { type: 'string' },
        datatypes: { type: 'string' },
        runs: { type: 'string' },
        sizes: { type: 'string' },
        json: { type: 'string' },
        env: { type: 'string', multiple: true },
        quick: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        'family-only': { type: 'boolean', default: false },
        'skip-family': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  const v = parsed.values;
  const base = v.quick ? QUICK : DEFAULTS;
  const sizes = (v.sizes ?? base.sizes)
    .split(',')
    .filter((s) => s.trim() !== '')
    .map(parseSize);
  if (sizes.length === 0) throw new BenchUsageError('--sizes: give at least one NxM size');
  if (v['family-only'] && v['skip-family'])
    throw new BenchUsageError('--family-only and --skip-family cannot be given together');
  return {
    connectors: v.connectors === undefined ? base.connectors : positive(v.connectors, '--connectors'),
    datatypes: v.datatypes === undefined ? base.datatypes : positive(v.datatypes, '--datatypes'),
    runs: v.runs === undefined ? base.runs : positive(v.runs, '--runs'),
    sizes,
    json: v.json ?? DEFAULT_JSON,
    env: Object.fromEntries((v.env ?? []).map(parseEnvAssignment)),
    keep: v.keep === true,
    quick: v.quick === true,
    familyOnly: v['family-only'] === true,
    skipFamily: v['skip-family'] === true,
    help: v.help === true,
  };
}
