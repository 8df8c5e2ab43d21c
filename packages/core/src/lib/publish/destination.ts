import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PublishError } from './errors';
import { Git } from './git';
import { SYSTEM_TRAILER } from './message';
import { isOwnedPath, OWNED_PATHS, type DestinationState, type LastPublish } from './plan';

/** A git URL (scheme://…, file://…) or scp-like `user@host:path`; anything else is a path. */
export const isGitUrl = (repo: string): boolean =>
  /^[a-z][a-z0-9+.-]*:\/\//i.test(repo) || /^[^/\\:@]+@[^/\\:]+:/.test(repo);

/** Where publish writes. */
export interface Destination {
  /** What git clones: the URL, or the absolute path of a repository. */
  readonly source: string;
  /** As messages show it. */
  readonly shown: string;
  /** A local checkout (work tree): publish fast-forwards it and pushes from it. */
  readonly checkout?: string;
}

/** Resolves `--repo` (relative to `baseDir`) and tells a local checkout from a bare repository or URL. */
export async function resolveDestination(repo: string, baseDir: string, git: Git): Promise<Destination> {
  if (isGitUrl(repo)) return { source: repo, shown: repo };
  const path = resolve(baseDir, repo);
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    throw new PublishError(
      `${path} does not exist: publish needs a repository there (for a new one: git init --bare ${path}), a checkout of one, or a git URL.`,
    );
  }
  const top = await git.run(['rev-parse', '--show-toplevel'], path);
  if (top.code === 0 && realpathSync(top.stdout.trim()) === realpathSync(path))
    return { source: path, shown: path, checkout: path };
  const bare = await git.run(['rev-parse', '--is-bare-repository'], path);
  if (bare.code === 0 && bare.stdout.trim() === 'true') return { source: path, shown: path };
  throw new PublishError(
    `${path} is not a git repository or the top folder of a checkout: give the repository's URL, a bare repository or the top of a checkout.`,
  );
}

/** A checkout of a local destination must be clean and on the branch publish writes. */
export async function checkLocalCheckout(git: Git, checkout: string, branch: string): Promise<void> {
  const dirty = await git.statusPaths(checkout);
  if (dirty.length > 0) {
    const shown = dirty.slice(0, 20).map((path) => `  ${path}`);
    if (dirty.length > 20) shown.push(`  … and ${dirty.length - 20} more`);
    throw new PublishError(
      [
        `${checkout} has uncommitted changes, so publish will not write into it:`,
        ...shown,
        'Commit, stash or remove them (git status shows them) and publish again.',
      ].join('\n'),
    );
  }
  const current = await git.run(['symbolic-ref', '--quiet', '--short', 'HEAD'], checkout);
  const on = current.code === 0 ? current.stdout.trim() : undefined;
  if (on !== branch) {
    throw new PublishError(
      `${checkout} is ${on ? `on branch ${on}` : 'not on a branch (detached HEAD)'}, and publish writes branch ${branch}: ` +
        `run \`git -C ${checkout} switch ${branch}\` or pass --branch ${on ?? '<branch>'}.`,
    );
  }
}

/** A temporary clone of the destination with `branch` checked out (or made). */
export interface Clone {
  readonly dir: string;
  /** The branch already exists in the destination (else it is made from the default branch or empty). */
  readonly branchExists: boolean;
  readonly remove: () => void;
}

/**
 * Clones the destination into a new folder under `tmpRoot` and checks `branch` out: the remote
 * branch, else a new branch from the destination's default branch, else (an empty repository) an
 * unborn branch.
 */
export async function cloneDestination(
  git: Git,
  destination: Destination,
  branch: string,
  tmpRoot: string,
): Promise<Clone> {
  const parent = mkdtempSync(join(tmpRoot, 'sesam-publish-'));
  const remove = () => rmSync(parent, { recursive: true, force: true, maxRetries: 3 });
  const dir = join(parent, 'repo');
  try {
    const cloned = await git.run(['clone', '--quiet', '--no-tags', '--', destination.source, dir], parent);
    if (cloned.code !== 0) {
      throw new PublishError(
        `cannot clone ${destination.shown}: ${cloned.stderr.trim() || `git exit ${cloned.code}`}\nCheck the address and your access to it (a push credential, for a private repository).`,
      );
    }
    const remoteBranch = await git.commitOf(`refs/remotes/origin/${branch}`, dir);
    if (remoteBranch) {
      await git.ok(['checkout', '--quiet', '-B', branch, `refs/remotes/origin/${branch}`], dir);
    } else if (await git.commitOf('HEAD', dir)) {
      await git.ok(['checkout', '--quiet', '-b', branch], dir);
    } else {
      await git.ok(['symbolic-ref', 'HEAD', `refs/heads/${branch}`], dir);
    }
    return { dir, branchExists: remoteBranch !== undefined, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/** Reads the branch tip of a clone: every file's blob id, the owned files' text, the last publish. */
export async function readDestinationState(git: Git, dir: string): Promise<DestinationState> {
  const head = await git.commitOf('HEAD', dir);
  if (!head) return { tip: new Map(), tipFiles: new Map() };
  const tip = await git.listTree(head, dir);
  const tipFiles = new Map<string, string>();
  for (const path of tip.keys())
    if (isOwnedPath(path)) tipFiles.set(path, readFileSync(join(dir, path), 'utf8'));
  const lastPublish = await findLastPublish(git, dir, head);
  return lastPublish ? { tip, tipFiles, lastPublish } : { tip, tipFiles };
}

async function findLastPublish(git: Git, dir: string, head: string): Promise<LastPublish | undefined> {
  const out = await git.ok(
    [
      'log',
      '-1',
      `--grep=^${SYSTEM_TRAILER}: `,
      `--format=%H %(trailers:key=${SYSTEM_TRAILER},valueonly,separator=%x2C)`,
      head,
    ],
    dir,
  );
  const [commit, system] = out.trim().split(' ');
  if (!commit || !system) return undefined;
  return { commit, system: system.trim(), files: await git.listTree(commit, dir, OWNED_PATHS) };
}
