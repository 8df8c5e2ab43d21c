import { runNx, type NxRun } from './nx';
import { isFailed, type Measured, type NxTimings } from './report';
import { summarize, type Summary } from './stats';
import { flushWrites } from './flush';
import { attempt } from './measure-context';
import {
  addEmptyTargets,
  clearCaches,
  EMPTY_TARGET,
  removeEmptyTargets,
  touchConnector,
  touchPackTemplate,
  type SyntheticWorkspace,
} from './workspace';

interface Repeat {
  /** The timed Nx run. */
  run: () => Promise<NxRun>;
  /** Sets up each run (untimed, and before the flush): clear caches, edit a file. */
  before?: (run: number) => void;
  /** What each run must show (the task counts it expects), or the reason it is wrong. */
  check?: (run: NxRun) => string | undefined;
}

/** Runs `run` `runs` times, each after `before` and after flushing earlier writes to disk. */
async function repeat(runs: number, { run: timed, before, check }: Repeat): Promise<Summary> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    before?.(run);
    flushWrites();
    const result = await timed();
    const problem = check?.(result);
    if (problem !== undefined) throw new Error(`${problem}\n${result.output.slice(-3000)}`);
    samples.push(result.ms);
  }
  return summarize(samples);
}

export const BUILD = ['run-many', '-t', 'build'];
const expectCached =
  (cached: 'all' | 'none' | 'all but one') =>
  (run: NxRun): string | undefined => {
    if (run.tasks === undefined) return 'could not read the task counts from the Nx output';
    const want = cached === 'all' ? run.tasks.total : cached === 'none' ? 0 : run.tasks.total - 1;
    return run.tasks.cached === want
      ? undefined
      : `expected ${cached} of ${run.tasks.total} tasks from the cache, got ${run.tasks.cached}`;
  };

type CachedName = 'cached' | 'cachedIsolated' | 'cachedWithEmptyTarget' | 'emptyCached';
type CachedRuns = Record<CachedName, Summary>;

/**
 * The fully cached runs, in rounds — plain, with NX_ISOLATE_PLUGINS=true (unless `isolated` is
 * false), then with the baseline target's project.json files present: the build and the empty
 * target — so that whatever the machine does meanwhile hits them alike. `env` goes to every run.
 * Nx hashes a project's whole configuration, so each state (with and without the project.json
 * files) has its own cache entries, made once beforehand. After each switch one untimed run comes
 * first: the first Nx run after 200 project.json files appear or go rebuilds its file map and graph
 * caches (about a second here), and a daemon learns the outputs on disk; neither is a cached run.
 */
async function measureCached(
  ws: SyntheticWorkspace,
  runs: number,
  nx: (args: readonly string[], extra?: NodeJS.ProcessEnv) => Promise<NxRun>,
  { env = {}, isolated = true }: { env?: NodeJS.ProcessEnv; isolated?: boolean } = {},
): Promise<Partial<CachedRuns>> {
  const empty = ['run-many', '-t', EMPTY_TARGET];
  const untimed = (args: readonly string[]) => nx(args, env);
  await untimed(BUILD);
  addEmptyTargets(ws);
  try {
    await untimed(BUILD);
    await untimed(empty);
  } finally {
    removeEmptyTargets(ws);
  }
  const samples: Partial<Record<CachedName, number[]>> = {};
  const timed = async (name: CachedName, args: readonly string[], extra: NodeJS.ProcessEnv = {}) => {
    flushWrites();
    const run = await nx(args, { ...env, ...extra });
    const problem = expectCached('all')(run);
    if (problem !== undefined) throw new Error(`${problem}\n${run.output.slice(-3000)}`);
    (samples[name] ??= []).push(run.ms);
  };
  for (let run = 0; run < runs; run++) {
    await timed('cached', BUILD);
    if (isolated) await timed('cachedIsolated', BUILD, { NX_ISOLATE_PLUGINS: 'true' });
    addEmptyTargets(ws);
    try {
      await untimed(BUILD);
      await timed('cachedWithEmptyTarget', BUILD);
      await timed('emptyCached', empty);
    } finally {
      removeEmptyTargets(ws);
    }
    await untimed(BUILD); // back to the plain workspace, as the next measurement expects it
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, values]) => [name, summarize(values)]),
  ) as Partial<CachedRuns>;
}

/** The same rounds served by a warm daemon (Nx's default outside CI), started and stopped here. */
async function measureCachedDaemon(
  ws: SyntheticWorkspace,
  runs: number,
  nx: (args: readonly string[], extra?: NodeJS.ProcessEnv) => Promise<NxRun>,
): Promise<Partial<CachedRuns>> {
  const env = { NX_DAEMON: 'true' };
  await nx(['daemon', '--start'], env);
  try {
    return await measureCached(ws, runs, nx, { env, isolated: false });
  } finally {
    await nx(['daemon', '--stop'], env);
  }
}

/** `nx <args>` in `ws` with `env` (and `extra`) added. */
const nxIn =
  (ws: SyntheticWorkspace, env: NodeJS.ProcessEnv) =>
  (args: readonly string[], extra: NodeJS.ProcessEnv = {}) =>
    runNx(ws, args, { env: { ...env, ...extra } });

/** (a): cold `run-many -t build`, after removing every cache and output. */
const measureCold = (
  ws: SyntheticWorkspace,
  runs: number,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
) =>
  attempt('(a)', log, () =>
    repeat(runs, {
      before: () => clearCaches(ws),
      run: () => nxIn(ws, env)(BUILD),
      check: expectCached('none'),
    }),
  );

/** (c)–(e): a pack template change (every connector rebuilds), one connector.json change, one connector alone. */
async function measureRebuilds(
  ws: SyntheticWorkspace,
  runs: number,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<Pick<NxTimings, 'packChange' | 'connectorChange' | 'single'>> {
  const stamp = `${Date.now()}`;
  const nx = nxIn(ws, env);
  log('(c) builds after a pack template change');
  const packChange = await attempt('(c)', log, () =>
    repeat(runs, {
      before: (run) => touchPackTemplate(ws, `${stamp}-${run}`),
      run: () => nx(BUILD),
      check: expectCached('none'),
    }),
  );
  log('(d) builds after one connector.json change');
  const connectorChange = await attempt('(d)', log, () =>
    repeat(runs, {
      before: (run) => touchConnector(ws, run % ws.connectorRoots.length, `${stamp}-${run}`),
      run: () => nx(BUILD),
      check: ws.connectorRoots.length > 1 ? expectCached('all but one') : expectCached('none'),
    }),
  );
  log('(e) one connector alone');
  const single = await attempt('(e)', log, () =>
    repeat(runs, { run: () => nx(['run', `${ws.projectNames[0]}:build`, '--skip-nx-cache']) }),
  );
  return { packChange, connectorChange, single };
}

/** (a)–(e): wall times of Nx runs in the synthetic workspace, `env` added to each. */
export async function measureNx(
  ws: SyntheticWorkspace,
  runs: number,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<NxTimings> {
  const nx = nxIn(ws, env);
  log('(a) cold builds');
  const cold = await measureCold(ws, runs, env, log);
  log('(b) cached builds, interleaved with the baseline');
  const cachedRuns = await attempt('(b)', log, () => measureCached(ws, runs, nx));
  const daemonRuns = await attempt('(b) with the daemon', log, () => measureCachedDaemon(ws, runs, nx));
  const pick = (measured: Measured<Partial<CachedRuns>>, name: CachedName): Measured<Summary> =>
    isFailed(measured) ? measured : (measured[name] ?? { error: `${name} was not measured` });
  return {
    cold,
    cached: pick(cachedRuns, 'cached'),
    cachedIsolated: pick(cachedRuns, 'cachedIsolated'),
    cachedDaemon: pick(daemonRuns, 'cached'),
    cachedDaemonWithEmptyTarget: pick(daemonRuns, 'cachedWithEmptyTarget'),
    emptyCachedDaemon: pick(daemonRuns, 'emptyCached'),
    cachedWithEmptyTarget: pick(cachedRuns, 'cachedWithEmptyTarget'),
    emptyCached: pick(cachedRuns, 'emptyCached'),
    ...(await measureRebuilds(ws, runs, env, log)),
  };
}

/**
 * (a)–(e) for the family: cold, fully cached (no baseline target: its project.json files would take
 * the place of the family's own), then the rebuilds.
 */
export async function measureFamilyNx(
  ws: SyntheticWorkspace,
  runs: number,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<Pick<NxTimings, 'cold' | 'cached' | 'packChange' | 'connectorChange' | 'single'>> {
  const nx = nxIn(ws, env);
  const cold = await measureCold(ws, runs, env, log);
  const cached = await attempt('(b)', log, async () => {
    await nx(BUILD);
    return repeat(runs, { run: () => nx(BUILD), check: expectCached('all') });
  });
  return { cold, cached, ...(await measureRebuilds(ws, runs, env, log)) };
}
