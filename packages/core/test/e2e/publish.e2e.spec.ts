import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { minimalConnector, WORKSPACE_ROOT } from '../connector-fixtures';
import { childNxEnv, copyWorkspace } from '../workspace-copy';

/**
 * `nx run-many -t publish` as CI runs it: the real Nx in a temporary copy of the workspace (its git
 * files, node_modules symlinked), three connectors whose destinations are local bare repositories,
 * one of which refuses. Each connector is its own task, so the failure does not hide the others.
 */
const REPO = WORKSPACE_ROOT;

describe('nx run-many -t publish (real Nx, local bare repositories)', () => {
  let root: string;
  let workspace: string;
  let env: NodeJS.ProcessEnv;
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const nx = (...args: string[]) => {
    const result = spawnSync('npx', ['nx', ...args, '--output-style=static'], {
      cwd: workspace,
      env,
      encoding: 'utf8',
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  const bare = (name: string) => {
    const dir = join(root, `${name}.git`);
    git(root, 'init', '-q', '--bare', '-b', 'main', dir);
    return dir;
  };
  const writeConnector = (config: Record<string, unknown>) => {
    const file = join(workspace, 'packages/connectors', String(config['system']), 'connector.json');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'sesam-publish-e2e-'));
    workspace = join(root, 'workspace');
    copyWorkspace(REPO, workspace, (path) => !path.startsWith('packages/connectors/'));
    env = childNxEnv(root, {
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Publish E2E',
      GIT_AUTHOR_EMAIL: 'e2e@example.com',
      GIT_COMMITTER_NAME: 'Publish E2E',
      GIT_COMMITTER_EMAIL: 'e2e@example.com',
    });
    // beta's destination holds something that is not a connector: refused without --init.
    const site = bare('beta-site');
    const other = join(root, 'other');
    git(root, 'clone', '-q', site, other);
    writeFileSync(join(other, 'index.html'), '<p>a web site</p>\n');
    git(other, 'add', '-A');
    git(other, 'commit', '-q', '-m', 'site');
    git(other, 'push', '-q', 'origin', 'main');
    writeConnector({ ...minimalConnector('alpha'), publish: { repo: bare('alpha-connector') } });
    writeConnector({ ...minimalConnector('beta'), publish: { repo: site } });
    writeConnector({ ...minimalConnector('gamma'), publish: { repo: bare('gamma-connector') } });
    git(workspace, 'init', '-q', '-b', 'main');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-q', '-m', 'workspace');
    // The outputs the build writes are committed, as in the real workspace.
    const build = nx('run-many', '-t', 'build');
    expect(build).toMatchObject({ status: 0 });
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-q', '-m', 'build');
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const log = (repo: string) => git(join(root, `${repo}.git`), 'log', '--format=%s', 'main').split('\n');

  it('publishes every connector it can and fails naming the one it cannot', () => {
    const run = nx('run-many', '-t', 'publish', '--push');
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('beta-connector: ');
    expect(run.output).toContain('is neither empty nor a connector repository published from this workspace');
    const head = git(workspace, 'rev-parse', 'HEAD').slice(0, 12);
    expect(log('alpha-connector')).toEqual([`Publish alpha from sesam-connectors ${head}`]);
    expect(log('gamma-connector')).toEqual([`Publish gamma from sesam-connectors ${head}`]);
    expect(log('beta-site')).toEqual(['site']);
    expect(run.output).toMatch(/Failed tasks:\s+- beta-connector:publish\s*$/);
  });

  it('--check passes for the published ones and fails for the other, with an exit code for CI', () => {
    const run = nx('run-many', '-t', 'publish', '--check');
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(
      /alpha-connector: \S+alpha-connector\.git \(branch main\) holds exactly this build\./,
    );
    expect(run.output).toMatch(
      /gamma-connector: \S+gamma-connector\.git \(branch main\) holds exactly this build\./,
    );
    expect(run.output).toContain('manifest.json is built but not in the destination');
    expect(run.output).toMatch(/Failed tasks:\s+- beta-connector:publish\s*$/);
  });
});
