import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runReview } from '../src/main';
import type { ReviewReport } from '../src/compare/types';
import { linkNodeModules } from '../../shared/src/node-modules';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/**
 * The one test that runs the real thing: this workspace (its current files) copied into a new git
 * repository, reviewed with the real builder — each side's own Nx, engine and template pack, in
 * temporary worktrees whose node_modules link back to this checkout's.
 */
describe('review with the real Nx build, on a copy of this workspace', () => {
  let parent: string;
  let repo: string;

  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), 'review-nx-'));
    repo = join(parent, 'repo');
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
        {
          cwd: repo,
        },
      );
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'copy of the workspace');
  });

  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('reports the one system template change an uncommitted connector.json edit makes', async () => {
    const configFile = join(repo, 'packages/connectors/shopify/connector.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8'));
    const urlPattern = `${config.restSystem.urlPattern}`.replace('%s', 'review-test/%s');
    config.restSystem.urlPattern = urlPattern;
    writeFileSync(configFile, JSON.stringify(config, null, 2) + '\n');

    let stdout = '';
    let stderr = '';
    const code = await runReview(['--base', 'HEAD', '--format', 'json'], {
      cwd: repo,
      env: process.env,
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      tmpRoot: join(parent, 'tmp'),
    });

    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(stdout) as ReviewReport;
    expect(report.connectors.map((c) => [c.system, c.status, c.errors])).toEqual([
      ['shopify', 'changed', []],
    ]);
    const [shopify] = report.connectors;
    expect(shopify.files.map((f) => f.path)).toEqual(['templates/system.json']);
    expect(shopify.systems).toEqual({ added: 0, removed: 0, changed: 1 });
    expect(shopify.pipes).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(report.changes).toEqual([
      expect.objectContaining({
        name: 'shopify · system',
        id: '{{@ system @}}',
        change: 'changed',
        diff: expect.stringContaining(`+  "url_pattern": "${urlPattern}",`),
      }),
    ]);
    expect(stderr).not.toContain(' failed');
  });
});
