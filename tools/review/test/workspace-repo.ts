import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { linkNodeModules } from '../../shared/src/node-modules';
import { runReview } from '../src/main';
import type { ReviewReport } from '../src/compare/types';

/** This checkout's root. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/**
 * This workspace (its current files: tracked and untracked, not ignored) copied into a new git
 * repository `<parent>/repo` with one commit, its node_modules linked back to this checkout's, so
 * that the review's real builder (each side's own Nx, engine and template pack) runs on it. The
 * caller removes `parent`.
 */
export function workspaceRepo(prefix: string): { parent: string; repo: string } {
  const parent = mkdtempSync(join(tmpdir(), prefix));
  const repo = join(parent, 'repo');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((path) => path !== '' && existsSync(join(REPO_ROOT, path)));
  for (const path of files) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    copyFileSync(join(REPO_ROOT, path), join(repo, path));
  }
  linkNodeModules(REPO_ROOT, repo);
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
      { cwd: repo },
    );
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'copy of the workspace');
  return { parent, repo };
}

/**
 * `npm run review -- --base HEAD --format json` in `repo` (the work tree against its commit), with
 * checkouts under `<parent>/tmp`: the exit code, what it wrote to stderr and the report it printed.
 */
export async function reviewWorkTree(
  parent: string,
  repo: string,
): Promise<{ code: number; stderr: string; report: () => ReviewReport }> {
  let stdout = '';
  let stderr = '';
  const code = await runReview(['--base', 'HEAD', '--format', 'json'], {
    cwd: repo,
    env: process.env,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    tmpRoot: join(parent, 'tmp'),
  });
  return { code, stderr, report: () => JSON.parse(stdout) as ReviewReport };
}
