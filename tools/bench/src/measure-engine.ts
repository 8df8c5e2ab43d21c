import { join } from 'node:path';
import type { PassFigures, ProbeMode, ProbeRequest, ProbeResult } from './engine-probe';
import { attempt, attemptSync, type MeasureContext } from './measure-context';
import type { BenchSize } from './options';
import { isFailed, type BenchReport, type EngineFigures, type Measured } from './report';
import { runTimed } from './run-timed';
import { summarize } from './stats';
import type { SyntheticWorkspace } from './workspace';

const PROBE_ENTRY = join(__dirname, 'engine-probe.ts');

/** Runs one probe process (engine-probe.ts) on the workspace and returns what it measured. */
export async function probe(
  ws: SyntheticWorkspace,
  mode: ProbeMode,
  sourceRoot: string,
  floor = true,
): Promise<ProbeResult> {
  const request: ProbeRequest = {
    mode,
    workspace: ws.root,
    connectorRoots: ws.connectorRoots,
    scratch: join(ws.base, 'floor'),
    floor,
  };
  const run = await runTimed(
    process.execPath,
    ['-r', '@swc-node/register', PROBE_ENTRY, JSON.stringify(request)],
    {
      cwd: sourceRoot,
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (run.code !== 0)
    throw new Error(`engine probe ${mode} failed (exit ${run.code}):\n${run.output.slice(-3000)}`);
  const last = run.output.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as ProbeResult;
}

/** Throughput figures of passes over every connector of a workspace of `size`. */
export const engineFigures = (passes: readonly PassFigures[], size: BenchSize): EngineFigures => {
  if (passes.length === 0) throw new Error('no pass was measured');
  const ms = summarize(passes.map((pass) => pass.ms));
  const secondsPerPass = ms.median / 1000;
  const { files, bytes } = passes[passes.length - 1];
  return {
    ms,
    cpuMs: summarize(passes.map((pass) => pass.cpuMs)),
    files,
    bytes,
    datatypesPerSecond: (size.connectors * size.datatypes) / secondsPerPass,
    megabytesPerSecond: bytes / 1e6 / secondsPerPass,
  };
};

/** (f) and (g): each run starts one probe process per mode; each times its engine pass, then the floor. */
export async function measureEngine(
  ws: SyntheticWorkspace,
  runs: number,
  context: MeasureContext,
): Promise<BenchReport['engine']> {
  const { log } = context;
  log('(f)/(g) engine in-process and raw-I/O floor');
  const modes: ProbeMode[] = [
    'build',
    'build-revalidated',
    'build-unvalidated',
    'build-rewrite',
    'expand',
    'expand-rewrite',
  ];
  const results = new Map<ProbeMode, Measured<ProbeResult[]>>();
  for (const mode of modes) results.set(mode, []);
  for (let run = 0; run < runs; run++) {
    for (const mode of modes) {
      const sofar = results.get(mode)!;
      if (isFailed(sofar)) continue;
      const result = await attempt(`engine ${mode}`, log, () =>
        probe(ws, mode, context.sourceRoot, mode === 'build' || mode === 'expand'),
      );
      if (isFailed(result)) results.set(mode, result);
      else sofar.push(result);
    }
  }
  const figures = (
    mode: ProbeMode,
    pick: (result: ProbeResult) => PassFigures | undefined,
  ): Measured<EngineFigures> => {
    const measured = results.get(mode)!;
    if (isFailed(measured)) return measured;
    return attemptSync(() =>
      engineFigures(
        measured.map(pick).filter((pass): pass is PassFigures => pass !== undefined),
        ws.size,
      ),
    );
  };
  const build = results.get('build')!;
  return {
    build: figures('build', (result) => result.engine),
    buildRevalidated: figures('build-revalidated', (result) => result.engine),
    buildUnvalidated: figures('build-unvalidated', (result) => result.engine),
    buildRewrite: figures('build-rewrite', (result) => result.engine),
    expandRewrite: figures('expand-rewrite', (result) => result.engine),
    expand: figures('expand', (result) => result.engine),
    buildFloor: figures('build', (result) => result.floor),
    expandFloor: figures('expand', (result) => result.floor),
    ...(isFailed(build) || build.length === 0
      ? {}
      : { loadMs: summarize(build.map((result) => result.loadMs)).median }),
  };
}
