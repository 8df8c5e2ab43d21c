import { execaRunner, findOnPath, type ProcessRunner } from '@sesam/sesam-cli-wrapper';
import { PublishError } from './errors';

/** What a git command printed and how it ended. */
export interface GitResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface GitOptions {
  /** Runs the processes (default: the wrapper's execa runner, no shell). */
  readonly runner?: ProcessRunner;
  /** The environment git runs in (default: this process's). */
  readonly env?: NodeJS.ProcessEnv;
  /** The git executable (default: `git` on PATH). */
  readonly binary?: string;
}

/**
 * Commits publish makes are byte-exact: hooks that rewrite files or messages (formatters,
 * commit-msg linters) would break the record of what publish wrote, so they are not run.
 */
const CONFIG = ['-c', 'core.hooksPath=/dev/null', '-c', 'core.quotePath=false', '-c', 'color.ui=false'];

/**
 * `git` through the sesam CLI wrapper's ProcessRunner seam: an executable and an argument list,
 * never a shell string. Never prompts (GIT_TERMINAL_PROMPT=0), so a missing credential fails
 * instead of hanging a CI job.
 */
export class Git {
  private readonly runner: ProcessRunner;
  private readonly env: NodeJS.ProcessEnv;
  private readonly binary: string;

  constructor(options: GitOptions = {}) {
    this.runner = options.runner ?? execaRunner;
    this.env = { ...(options.env ?? process.env), GIT_TERMINAL_PROMPT: '0' };
    const binary = options.binary ?? findOnPath('git', this.env, process.cwd());
    if (binary === undefined)
      throw new PublishError(
        'publish needs git, and `git` was not found on PATH: install git and run again.',
      );
    this.binary = binary;
  }

  /** Runs `git <args>` in `cwd`; a non-zero exit is a result, not an error. */
  async run(args: readonly string[], cwd: string): Promise<GitResult> {
    const outcome = await this.runner.run({
      file: this.binary,
      args: [...CONFIG, ...args],
      cwd,
      env: this.env,
      onLine: () => undefined,
      killGraceMs: 2000,
    });
    if (outcome.spawnError)
      throw new PublishError(`could not run git (${this.binary}): ${outcome.spawnError.message}`);
    return { code: outcome.exitCode ?? 1, stdout: outcome.stdout, stderr: outcome.stderr };
  }

  /** Runs `git <args>` and returns its stdout; a failure is a PublishError with git's own message. */
  async ok(args: readonly string[], cwd: string): Promise<string> {
    const result = await this.run(args, cwd);
    if (result.code !== 0) {
      const said = result.stderr.trim() || result.stdout.trim() || `exit ${result.code}`;
      throw new PublishError(`git ${args.join(' ')} failed in ${cwd}:\n${indent(said)}`);
    }
    return result.stdout;
  }

  /** The commit a revision names, or undefined (an unborn branch, a missing ref). */
  async commitOf(revision: string, cwd: string): Promise<string | undefined> {
    const result = await this.run(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], cwd);
    return result.code === 0 ? result.stdout.trim() : undefined;
  }

  /** Files of a commit (all, or under `paths`), path → blob id. */
  async listTree(commit: string, cwd: string, paths: readonly string[] = []): Promise<Map<string, string>> {
    const out = await this.ok(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...paths], cwd);
    const files = new Map<string, string>();
    for (const entry of out.split('\0')) {
      const tab = entry.indexOf('\t');
      if (tab < 0) continue;
      const [, type, id] = entry.slice(0, tab).split(' ');
      if (type === 'blob' && id !== undefined) files.set(entry.slice(tab + 1), id);
    }
    return files;
  }

  /** Paths that `git status` reports (changed, staged, untracked), empty for a clean checkout. */
  async statusPaths(cwd: string, paths: readonly string[] = []): Promise<string[]> {
    const out = await this.ok(
      ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...paths],
      cwd,
    );
    const entries = out.split('\0');
    const changed: string[] = [];
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      if (entry.length < 4) continue;
      changed.push(entry.slice(3));
      if (entry[0] === 'R' || entry[0] === 'C') i++; // followed by the original path
    }
    return changed;
  }
}

export const indent = (text: string, by = '  '): string =>
  text
    .split('\n')
    .map((line) => (line === '' ? line : by + line))
    .join('\n');
