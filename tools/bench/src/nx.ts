import { isolatedBuildEnv, nxBin } from '../../shared/src/builder';
import { runTimed, type TimedRun } from './run-timed';
import type { SyntheticWorkspace } from './workspace';

export interface NxRun extends TimedRun {
  /** Tasks Nx ran (cache misses) and tasks it replayed from the cache, read from its summary line. */
  tasks?: { total: number; cached: number };
}

/** The environment of every Nx run: the workspace's own cache, no daemon, no Nx Cloud, no colours. */
export const benchEnv = (ws: SyntheticWorkspace, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...isolatedBuildEnv(process.env, ws.cacheDirectory),
  ...extra,
});

/** `nx <args>` in the synthetic workspace; throws with the end of Nx's output when it fails. */
export async function runNx(
  ws: SyntheticWorkspace,
  args: readonly string[],
  options: { memory?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<NxRun> {
  const run = await runTimed(process.execPath, [nxBin(ws.root), ...args, '--output-style=static'], {
    cwd: ws.root,
    env: benchEnv(ws, options.env),
    memory: options.memory,
  });
  if (run.code !== 0) {
    throw new Error(
      `nx ${args.join(' ')} failed (exit ${run.code}) in ${ws.root}:\n${run.output.slice(-4000)}`,
    );
  }
  const tasks = taskCounts(run.output);
  return { ...run, ...(tasks ? { tasks } : {}) };
}

/**
 * Task counts from Nx's closing lines: "Successfully ran target build for 200 projects" and, when
 * some came from the cache, "Nx read the output from the cache instead of running the command for
 * 199 out of 200 tasks."
 */
export function taskCounts(output: string): { total: number; cached: number } | undefined {
  const ran =
    /Successfully ran targets? .*? for (\d+) projects?/.exec(output) ??
    /Successfully ran target .*? for project /.exec(output);
  if (ran === null) return undefined;
  const total = ran[1] === undefined ? 1 : Number(ran[1]);
  const cached = /from the cache instead of running the command for (\d+) out of (\d+) tasks?/.exec(output);
  return { total, cached: cached === null ? 0 : Number(cached[1]) };
}
