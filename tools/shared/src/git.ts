import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { ToolError } from './errors';

export interface GitOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Standard input for git. */
  input?: string;
}

/** `git -c core.hooksPath=/dev/null …`: checkouts made for a review must not run the user's hooks. */
const NO_HOOKS = ['-c', 'core.hooksPath=/dev/null'];

interface GitRun {
  status: number;
  stdout: string;
  stderr: string;
}

const run = (args: readonly string[], options: GitOptions): GitRun => {
  const result = spawnSync('git', [...NO_HOOKS, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw new ToolError(`could not run git: ${result.error.message}`);
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
};

/** Runs git and returns its trimmed stdout; a failure becomes a ToolError naming the command and git's message. */
export const git = (args: readonly string[], options: GitOptions): string => {
  const result = run(args, options);
  if (result.status !== 0) {
    throw new ToolError(
      `git ${args.join(' ')} failed (in ${options.cwd}): ${result.stderr.trim() || `exit ${result.status}`}`,
    );
  }
  return result.stdout.trim();
};

/** The top folder of the repository that contains `cwd`. */
export const repositoryRoot = (cwd: string): string => {
  const result = run(['rev-parse', '--show-toplevel'], { cwd });
  if (result.status !== 0)
    throw new ToolError(`${cwd} is not inside a git repository (git: ${result.stderr.trim()})`);
  return result.stdout.trim();
};

/** The full commit id a revision names; a ToolError saying so when it names none. */
export const resolveCommit = (root: string, rev: string): string => {
  const result = run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
    cwd: root,
  });
  if (result.status !== 0) {
    throw new ToolError(
      `unknown revision '${rev}': it names no commit in ${root} (check the spelling, or fetch it first)`,
    );
  }
  return result.stdout.trim();
};

/**
 * A branch that names `commit` when `ref` is not itself a name: `HEAD` gives the branch checked
 * out, a commit id or `HEAD~1` a branch at that commit; undefined for names (`main`, `origin/main`,
 * a tag) and when no branch is there.
 */
export const branchFor = (root: string, ref: string, commit: string): string | undefined => {
  if (ref.startsWith('-')) return undefined;
  const full = run(['rev-parse', '--symbolic-full-name', ref], { cwd: root });
  const name = full.status === 0 ? full.stdout.trim() : '';
  if (name.startsWith('refs/')) return ref === 'HEAD' ? name.replace(/^refs\/heads\//, '') : undefined;
  const branches = run(['for-each-ref', '--points-at', commit, '--format=%(refname:short)', 'refs/heads'], {
    cwd: root,
  });
  if (branches.status !== 0) return undefined;
  return branches.stdout
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim();
};

const SNAPSHOT_IDENTITY = {
  GIT_AUTHOR_NAME: 'sesam-connectors review',
  GIT_AUTHOR_EMAIL: 'review@localhost',
  GIT_COMMITTER_NAME: 'sesam-connectors review',
  GIT_COMMITTER_EMAIL: 'review@localhost',
};

/**
 * A commit holding the work tree exactly as it is: tracked files with their uncommitted edits and
 * deletions, plus untracked files that are not ignored. Built with a temporary index file, so the
 * user's index, branch and files are left alone (only unreferenced objects are added, which
 * `git gc` removes in time).
 */
export const snapshotWorkTree = (root: string, scratchDir: string): string => {
  const index = join(scratchDir, 'work-tree.index');
  const realIndex = git(['rev-parse', '--git-path', 'index'], { cwd: root });
  const realIndexPath = isAbsolute(realIndex) ? realIndex : join(root, realIndex);
  // Starting from a copy of the real index lets git reuse its file stats instead of hashing every file.
  if (existsSync(realIndexPath)) copyFileSync(realIndexPath, index);
  const env = { ...process.env, ...SNAPSHOT_IDENTITY, GIT_INDEX_FILE: index };
  try {
    git(['add', '--all', '--', '.'], { cwd: root, env });
    const tree = git(['write-tree'], { cwd: root, env });
    const head = run(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: root });
    const parent = head.status === 0 ? ['-p', head.stdout.trim()] : [];
    return git(['commit-tree', tree, ...parent, '-m', 'sesam-connectors review: snapshot of the work tree'], {
      cwd: root,
      env,
    });
  } finally {
    rmSync(index, { force: true });
  }
};

/**
 * Checks `commit` out into a new detached worktree at `dir`. Files for which `leaveOut` says so
 * (by repository path) are not written: they stay in the worktree's index, missing from its folder.
 */
export const addWorktree = (
  root: string,
  dir: string,
  commit: string,
  leaveOut?: (path: string) => boolean,
): void => {
  if (leaveOut === undefined) {
    git(['worktree', 'add', '--detach', '--quiet', dir, commit], { cwd: root });
    return;
  }
  git(['worktree', 'add', '--detach', '--quiet', '--no-checkout', dir, commit], { cwd: root });
  git(['read-tree', 'HEAD'], { cwd: dir });
  const paths = git(['ls-files', '-z'], { cwd: dir })
    .split('\0')
    .filter((path) => path !== '' && !leaveOut(path));
  if (paths.length) git(['checkout-index', '--stdin', '-z'], { cwd: dir, input: paths.join('\0') });
};

/** Removes a worktree made by addWorktree (even with changes in it), and its folder. Never throws. */
export const removeWorktree = (root: string, dir: string): void => {
  run(['worktree', 'remove', '--force', '--force', dir], { cwd: root });
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
};

/** Forgets worktrees whose folders are gone (e.g. after a run that was killed). Never throws. */
export const pruneWorktrees = (root: string): void => {
  run(['worktree', 'prune'], { cwd: root });
};

/** Paths (repository-relative) under `pathspec` that differ from HEAD or are untracked, per `git status`. */
export const changedPaths = (root: string, pathspec: string): string[] => {
  const result = run(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', pathspec], {
    cwd: root,
  });
  if (result.status !== 0) throw new ToolError(`git status failed (in ${root}): ${result.stderr.trim()}`);
  const entries = result.stdout.split('\0');
  const paths: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry.length < 4) continue;
    paths.push(entry.slice(3));
    // A rename or copy is followed by its original path.
    if (entry[0] === 'R' || entry[0] === 'C') i++;
  }
  return paths;
};
