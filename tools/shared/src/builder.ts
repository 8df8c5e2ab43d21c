import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ToolError } from './errors';
import { runProcess } from './process';

export interface BuildRequest {
  /** The checkout whose connectors are built (its own engine, pack and Nx configuration). */
  root: string;
  /** Also run the expander (`connector/.expanded`). */
  expand: boolean;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  onOutput?: (chunk: string) => void;
}

export interface BuildResult {
  /** 0 when every task succeeded. */
  code: number;
  /** The combined log, in Nx's static output style (`> nx run <project>:<target>` before each task's output). */
  log: string;
}

/** Builds every connector of a checkout. The real one is {@link nxBuilder}; tests pass a fake. */
export type Builder = (request: BuildRequest) => Promise<BuildResult>;

/** The Nx command lines of a real build: exactly `nx run-many -t build`, never served from a cache. */
export const NX_BUILD_ARGS = ['run-many', '-t', 'build', '--skip-nx-cache', '--output-style=static'];
export const NX_EXPAND_ARGS = ['run-many', '-t', 'expand', '--output-style=static'];

/** Runs the checkout's own Nx (from its node_modules): build, then expand when asked. */
export const nxBuilder: Builder = async ({ root, expand, env, signal, onOutput }) => {
  const nx = nxBin(root);
  const build = await runProcess(process.execPath, [nx, ...NX_BUILD_ARGS], {
    cwd: root,
    env,
    signal,
    onOutput,
  });
  if (!expand) return { code: build.code, log: build.output };
  const expanded = await runProcess(process.execPath, [nx, ...NX_EXPAND_ARGS], {
    cwd: root,
    env,
    signal,
    onOutput,
  });
  return { code: build.code || expanded.code, log: `${build.output}\n${expanded.output}` };
};

/** Runs `node <root>/<script> [--expand]` in the checkout: a build defined by the revision itself (fixtures). */
export const scriptBuilder =
  (script: string): Builder =>
  ({ root, expand, env, signal, onOutput }) =>
    runProcess(process.execPath, [join(root, script), ...(expand ? ['--expand'] : [])], {
      cwd: root,
      env,
      signal,
      onOutput,
    }).then(({ code, output }) => ({ code, log: output }));

/** The nx CLI script installed for `root`. */
export const nxBin = (root: string): string => {
  let manifestPath: string;
  try {
    manifestPath = createRequire(join(root, 'package.json')).resolve('nx/package.json');
  } catch {
    throw new ToolError(`nx is not installed in ${root}: run \`npm ci\` first`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    bin?: string | Record<string, string>;
  };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.nx;
  if (!bin) throw new ToolError(`${manifestPath} declares no nx binary`);
  return join(dirname(manifestPath), bin);
};

/**
 * The environment for building a temporary checkout: the caller's, minus anything that would point
 * Nx elsewhere (every NX_* variable, e.g. NX_WORKSPACE_ROOT_PATH when run from an Nx task, remote
 * caches) or change how TypeScript is loaded, plus a private cache folder, no daemon, no Nx Cloud,
 * no colours.
 */
export const isolatedBuildEnv = (env: NodeJS.ProcessEnv, cacheDirectory: string): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(
    Object.entries(env).filter(
      ([key]) => !key.startsWith('NX_') && key !== 'SWC_NODE_PROJECT' && key !== 'TS_NODE_PROJECT',
    ),
  ),
  NX_DAEMON: 'false',
  NX_CACHE_DIRECTORY: cacheDirectory,
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  FORCE_COLOR: '0',
  NO_COLOR: '1',
});
