import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ToolError } from '../../shared/src/errors';
import { runReview } from '../src/main';
import { runProcess } from '../../shared/src/process';
import { FixtureRepo, SLOW_BUILD, seedWorkspace } from './fixture-repo';

const BIN = join(__dirname, '..', 'bin', 'review.cjs');

const waitFor = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('interrupting a review', () => {
  let repo: FixtureRepo;

  beforeEach(() => {
    repo = new FixtureRepo();
    seedWorkspace(repo);
    repo.copyIn(SLOW_BUILD, 'slow-build.mjs');
    repo.commit('workspace with a build that hangs');
  });

  afterEach(() => repo.dispose());

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('on %s stops the build, removes the worktrees and exits %i', async (signal, expectedCode) => {
    const marker = join(repo.tmpRoot, '..', 'slow-build.pid');
    const child = spawn(process.execPath, [BIN, '--base', 'HEAD', '--build-script', 'slow-build.mjs'], {
      cwd: repo.dir,
      env: { ...process.env, TMPDIR: repo.tmpRoot, SLOW_BUILD_MARKER: marker },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

    await waitFor(() => existsSync(marker) && readFileSync(marker, 'utf8') !== '');
    const buildPid = Number(readFileSync(marker, 'utf8'));
    expect(readdirSync(repo.tmpRoot)).toHaveLength(1); // the review's scratch folder, with the base worktree
    child.kill(signal);

    expect(await exited).toBe(expectedCode);
    expect(stderr).toContain(`interrupted by ${signal}; removing the temporary worktrees`);
    expect(alive(buildPid)).toBe(false);
    expect(readdirSync(repo.tmpRoot)).toEqual([]);
    expect(repo.git('worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('stops the other side when one side cannot build at all, and exits 2', async () => {
    const marker = join(repo.tmpRoot, '..', 'slow-head.pid');
    let stderr = '';
    const code = await runReview(['--base', 'HEAD'], {
      cwd: repo.dir,
      env: process.env,
      stdout: () => {},
      stderr: (text) => (stderr += text),
      tmpRoot: repo.tmpRoot,
      builder: async ({ root, env, signal }) => {
        if (root.endsWith('base')) {
          await waitFor(() => existsSync(marker) && readFileSync(marker, 'utf8') !== '');
          throw new ToolError(`nx is not installed in ${root}: run \`npm ci\` first`);
        }
        const { code, output } = await runProcess(process.execPath, [SLOW_BUILD], {
          cwd: root,
          env: { ...env, SLOW_BUILD_MARKER: marker },
          signal,
        });
        return { code, log: output };
      },
    });

    expect(code).toBe(2);
    expect(stderr).toMatch(/review: nx is not installed in .*base: run `npm ci` first/);
    expect(alive(Number(readFileSync(marker, 'utf8')))).toBe(false);
    expect(readdirSync(repo.tmpRoot)).toEqual([]);
  });
});
