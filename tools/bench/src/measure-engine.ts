import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectBuildOptions } from '@sesam-connectors/core';
import type { PassFigures, ProbeMode, ProbeRequest, ProbeResult } from './engine-probe';
import { attempt, attemptSync, type MeasureContext } from './measure-context';
import { isFailed, type BenchReport, type EngineFigures, type Measured } from './report';
import { runTimed } from './run-timed';
import { summarize } from './stats';
import type { SyntheticWorkspace } from './workspace';

const PROBE_ENTRY = join(__dirname, 'engine-probe.ts');

/** Workspace-relative roots of the connectors whose project.json turns the build's validation off. */
export const unvalidatedRoots = (ws: SyntheticWorkspace): string[] =>
  ws.connectorRoots.filter((root) => !buildOptionsOf(ws, root).validate);

/** The validator rules each connector's project.json accepts (roots without any left out), as the executor reads them. */
export const acceptedRulesByRoot = (ws: SyntheticWorkspace): { [root: string]: string[] } =>
  Object.fromEntries(
    ws.connectorRoots
      .map((root): [string, string[]] => [root, [...buildOptionsOf(ws, root).acceptedRules]])
      .filter(([, rules]) => rules.length > 0),
  );

const buildOptionsOf = (ws: SyntheticWorkspace, root: string) => {
  const file = join(ws.root, root, 'project.json');
  return projectBuildOptions(existsSync(file) ? readFileSync(file, 'utf8') : undefined);
};

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
    unvalidatedRoots: unvalidatedRoots(ws),
    acceptedRules: acceptedRulesByRoot(ws),
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

/** Throughput figures of passes over every connector of a workspace of `datatypes` datatypes in all. */
export const engineFigures = (passes: readonly PassFigures[], datatypes: number): EngineFigures => {
  if (passes.length === 0) throw new Error('no pass was measured');
  const ms = summarize(passes.map((pass) => pass.ms));
  const secondsPerPass = ms.median / 1000;
  const { files, bytes } = passes[passes.length - 1];
  return {
    ms,
    cpuMs: summarize(passes.map((pass) => pass.cpuMs)),
    files,
    bytes,
    datatypesPerSecond: datatypes / secondsPerPass,
    megabytesPerSecond: bytes / 1e6 / secondsPerPass,
  };
};

export const ENGINE_MODES: readonly ProbeMode[] = [
  'build',
  'build-revalidated',
  'build-unvalidated',
  'build-rewrite',
  'expand',
  'expand-rewrite',
];

/** Engine and floor figures of the modes measured (`engine` of a mode, `floor` of build and expand). */
export interface ModeFigures {
  engine: (mode: ProbeMode) => Measured<EngineFigures>;
  floor: (mode: 'build' | 'expand') => Measured<EngineFigures>;
  /** Median time to require the engine modules in the build passes, ms. */
  loadMs?: number;
}

/**
 * (f) and (g) for `modes`: each run starts one probe process per mode; each times its engine pass,
 * then (build and expand) the floor. A mode that fails once is reported failed, the others go on.
 */
export async function measureEngineModes(
  ws: SyntheticWorkspace,
  runs: number,
  context: MeasureContext,
  modes: readonly ProbeMode[],
): Promise<ModeFigures> {
  const { log } = context;
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
    const measured = results.get(mode) ?? { error: `${mode} was not measured` };
    if (isFailed(measured)) return measured;
    return attemptSync(() =>
      engineFigures(
        measured.map(pick).filter((pass): pass is PassFigures => pass !== undefined),
        ws.datatypes,
      ),
    );
  };
  const build = results.get('build');
  return {
    engine: (mode) => figures(mode, (result) => result.engine),
    floor: (mode) => figures(mode, (result) => result.floor),
    ...(build === undefined || isFailed(build) || build.length === 0
      ? {}
      : { loadMs: summarize(build.map((result) => result.loadMs)).median }),
  };
}

/** (f) and (g): every engine mode and both floors. */
export async function measureEngine(
  ws: SyntheticWorkspace,
  runs: number,
  context: MeasureContext,
): Promise<BenchReport['engine']> {
  context.log('(f)/(g) engine in-process and raw-I/O floor');
  const { engine, floor, loadMs } = await measureEngineModes(ws, runs, context, ENGINE_MODES);
  return {
    build: engine('build'),
    buildRevalidated: engine('build-revalidated'),
    buildUnvalidated: engine('build-unvalidated'),
    buildRewrite: engine('build-rewrite'),
    expandRewrite: engine('expand-rewrite'),
    expand: engine('expand'),
    buildFloor: floor('build'),
    expandFloor: floor('expand'),
    ...(loadMs === undefined ? {} : { loadMs }),
  };
}
