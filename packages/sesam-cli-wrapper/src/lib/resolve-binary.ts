import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, resolve } from 'node:path';
import { SesamCliNotFoundError } from './errors';

export interface ResolveBinaryInput {
  /** An explicit binary (path, or a name looked up on PATH). Wins over everything else. */
  explicit?: string;
  /** The environment holding SESAM_CLI, PATH and (on Windows) PATHEXT. */
  env: NodeJS.ProcessEnv;
  /** Base for relative paths. */
  cwd: string;
  platform?: NodeJS.Platform;
}

export interface ResolvedBinary {
  /** Absolute path of the executable. */
  path: string;
  /** Where it came from, for messages. */
  source: 'option' | 'SESAM_CLI' | 'PATH';
}

/**
 * Finds the `sesam` executable: the explicit option, else the SESAM_CLI environment variable, else
 * `sesam` on PATH. A value containing a path separator is a path (relative to `cwd`); a bare name
 * is looked up on PATH. Throws SesamCliNotFoundError naming what was tried.
 */
export const resolveSesamBinary = (input: ResolveBinaryInput): ResolvedBinary => {
  const platform = input.platform ?? process.platform;
  const fromEnv = input.env['SESAM_CLI'];
  const [value, source] =
    input.explicit !== undefined && input.explicit !== ''
      ? ([input.explicit, 'option'] as const)
      : fromEnv !== undefined && fromEnv !== ''
        ? ([fromEnv, 'SESAM_CLI'] as const)
        : (['sesam', 'PATH'] as const);

  const candidates = isPathLike(value)
    ? [resolve(input.cwd, value)]
    : pathCandidates(value, input.env, input.cwd, platform);
  const found = candidates.find(isExecutableFile);
  if (found) return { path: found, source };

  const what =
    source === 'option'
      ? `The sesam binary given as option ('${value}') `
      : source === 'SESAM_CLI'
        ? `SESAM_CLI is set to '${value}', which `
        : 'The `sesam` command of sesam-py ';
  const where = isPathLike(value)
    ? `is not an executable file (${candidates[0]}).`
    : 'was not found on PATH.';
  throw new SesamCliNotFoundError(`${what}${where}`, candidates);
};

/**
 * The first executable file called `name` on the environment's PATH (PATHEXT on Windows), or
 * undefined. For other tools run through the same ProcessRunner (publish runs `git` this way).
 */
export const findOnPath = (
  name: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  platform: NodeJS.Platform = process.platform,
): string | undefined => pathCandidates(name, env, cwd, platform).find(isExecutableFile);

const isPathLike = (value: string): boolean =>
  isAbsolute(value) || value.includes('/') || value.includes('\\');

const pathCandidates = (
  name: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  platform: NodeJS.Platform,
): string[] => {
  const dirs = (env['PATH'] ?? env['Path'] ?? '').split(delimiter).filter((dir) => dir !== '');
  const extensions =
    platform === 'win32'
      ? ['', ...(env['PATHEXT'] ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean)]
      : [''];
  return dirs.flatMap((dir) => extensions.map((ext) => resolve(cwd, dir, name + ext)));
};

const isExecutableFile = (file: string): boolean => {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
