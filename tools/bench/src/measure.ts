import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { attempt, type MeasureContext } from './measure-context';
import { measureEngine } from './measure-engine';
import { attemptFamily } from './measure-family';
import { measureMemory } from './measure-memory';
import { measureNx } from './measure-nx';
import { measureReview } from './measure-review';
import type { BenchOptions } from './options';
import type { BenchReport } from './report';
import { computeRatios, evaluateTargets, memoryLinearity } from './targets';
import { createSyntheticWorkspace, removeWorkspace } from './workspace';

export type { MeasureContext } from './measure-context';

/** Every measurement of the benchmark, at `options`' sizes. */
export async function measure(options: BenchOptions, context: MeasureContext): Promise<BenchReport> {
  const size = { connectors: options.connectors, datatypes: options.datatypes };
  const { log } = context;
  log(`synthetic workspace: ${size.connectors} connectors × ${size.datatypes} datatypes`);
  const ws = createSyntheticWorkspace(context.sourceRoot, size);
  log(`  ${ws.root}`);
  try {
    const nx = await measureNx(ws, options.runs, options.env, log);
    const engine = await measureEngine(ws, options.runs, context);
    const memory = await measureMemory(options.sizes, ws, options.env, context);
    // Last: it makes the workspace a git repository, which no other measurement should see.
    log('(i) review of a pack change, alternating with cold builds');
    const review = await attempt('(i)', log, () => measureReview(ws, options.runs, options.env, log));
    const family = options.skipFamily
      ? undefined
      : await attemptFamily(options.runs, options.env, context, options.keep);
    const ratios = computeRatios({ nx, engine, review });
    const linearity = memoryLinearity(memory);
    const partial = {
      nx,
      engine,
      ratios,
      memory,
      review,
      ...(family === undefined ? {} : { family }),
      ...(linearity ? { memoryLinearity: linearity } : {}),
    };
    return {
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        cpus: cpus().length,
        platform: `${process.platform}-${process.arch}`,
      },
      nxVersion: nxVersion(context.sourceRoot),
      nxEnv: options.env,
      size,
      runs: options.runs,
      ...partial,
      targets: evaluateTargets(partial),
    };
  } finally {
    if (options.keep) log(`kept ${ws.base}`);
    else removeWorkspace(ws);
  }
}

const nxVersion = (root: string): string =>
  (JSON.parse(readFileSync(join(root, 'node_modules/nx/package.json'), 'utf8')) as { version: string })
    .version;
