import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  connectorExecutorContext,
  minimalConnector,
  tempDir,
  writeConnectorPackage,
} from '../../../test/connector-fixtures';
import { buildConnector } from '../../lib/build';
import { Git } from '../../lib/publish';
import publishExecutor from './executor';
import type { PublishExecutorSchema } from './schema';

/** git for the tests' own set-up and inspection, isolated from the user's and the system's config. */
const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Publish Test',
  GIT_AUTHOR_EMAIL: 'publish@example.com',
  GIT_COMMITTER_NAME: 'Publish Test',
  GIT_COMMITTER_EMAIL: 'publish@example.com',
};
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

interface Logged {
  info: string[];
  warn: string[];
  error: string[];
}

/** A temporary workspace (a git repository) with connector packages, and bare destination repositories. */
class Fixture {
  readonly root = tempDir('sesam-publish-');
  readonly workspace = join(this.root, 'workspace');
  readonly tmp = join(this.root, 'tmp');
  readonly log: Logged = { info: [], warn: [], error: [] };

  constructor() {
    for (const dir of [this.workspace, this.tmp]) mkdirSync(dir, { recursive: true });
    git(this.workspace, 'init', '-q', '-b', 'main');
  }

  /** Writes and builds `packages/connectors/<system>`, and commits the workspace. */
  connector(config: Record<string, any>, system = config['system'] as string): void {
    const dir = writeConnectorPackage(join(this.workspace, 'packages', 'connectors'), system, config);
    buildConnector(dir);
    git(this.workspace, 'add', '-A');
    git(this.workspace, 'commit', '-q', '--allow-empty', '-m', `connector ${system}`);
  }

  bare(name: string): string {
    const dir = join(this.root, `${name}.git`);
    git(this.root, 'init', '-q', '--bare', '-b', 'main', dir);
    return dir;
  }

  /** A checkout of `bare` in which a test plays someone else (hand edits, a README). */
  clone(bare: string, name = 'other'): string {
    const dir = join(this.root, name);
    rmSync(dir, { recursive: true, force: true });
    git(this.root, 'clone', '-q', bare, dir);
    return dir;
  }

  async publish(options: PublishExecutorSchema, system = 'acme'): Promise<boolean> {
    const context = connectorExecutorContext(this.workspace, system);
    const log = {
      info: (m: string) => this.log.info.push(m),
      warn: (m: string) => this.log.warn.push(m),
      error: (m: string) => this.log.error.push(m),
    };
    const { success } = await publishExecutor(options, context, {
      log,
      git: new Git({ env: ENV }),
      tmpRoot: this.tmp,
    });
    return success;
  }

  /** The last `count` commit messages of a repository's main branch, newest first. */
  messages(repo: string, count = 10): string[] {
    const out = git(repo, 'log', `-${count}`, '--format=%B%x00', 'main');
    return out
      .split('\0')
      .map((m) => m.trim())
      .filter(Boolean);
  }

  files(repo: string, rev = 'main'): string[] {
    return git(repo, 'ls-tree', '-r', '--name-only', rev).split('\n').filter(Boolean);
  }

  show(repo: string, path: string, rev = 'main'): string {
    return git(repo, 'show', `${rev}:${path}`);
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

const withDatatype = (name: string, pattern = 'collect') => {
  const config = minimalConnector();
  config['datatypes'][name] = { pattern };
  return config;
};

describe('publish executor, against local bare repositories', () => {
  let f: Fixture;
  beforeEach(() => {
    f = new Fixture();
  });
  afterEach(() => {
    // No temporary clone is left behind, whatever happened.
    expect(readdirSync(f.tmp)).toEqual([]);
    f.dispose();
  });

  it('publishes into an empty repository with --init: manifest.json and templates/ at the root, one commit', async () => {
    f.connector(minimalConnector());
    const repo = f.bare('acme-connector');
    await expect(f.publish({ repo, init: true, push: true })).resolves.toBe(true);

    expect(f.files(repo)).toEqual([
      'manifest.json',
      'templates/order.json',
      'templates/system.json',
      'templates/webhook.json',
    ]);
    const built = readFileSync(
      join(f.workspace, 'packages/connectors/acme/connector/templates/order.json'),
      'utf8',
    );
    expect(f.show(repo, 'templates/order.json')).toBe(built.trimEnd());
    const [message] = f.messages(repo);
    const workspaceCommit = git(f.workspace, 'rev-parse', 'HEAD');
    expect(f.messages(repo)).toHaveLength(1);
    expect(message!.split('\n')[0]).toBe(
      `Publish acme from sesam-connectors ${workspaceCommit.slice(0, 12)}`,
    );
    expect(message).toContain('acme-order-collect');
    expect(message).toContain(`Sesam-Connectors-Commit: ${workspaceCommit}`);
    expect(f.log.info.join('\n')).toContain(`pushed to ${repo} main`);
  });

  it('after a change commits once, with the files that changed and a message naming the pipes; with nothing new, no commit', async () => {
    f.connector(minimalConnector());
    const repo = f.bare('acme-connector');
    await f.publish({ repo, init: true, push: true });

    f.connector(withDatatype('invoice'));
    await expect(f.publish({ repo, push: true })).resolves.toBe(true);
    const messages = f.messages(repo);
    expect(messages).toHaveLength(2);
    const changed = git(repo, 'diff', '--name-only', 'main~1', 'main').split('\n');
    expect(changed).toEqual(['manifest.json', 'templates/invoice.json', 'templates/system.json']);
    expect(messages[0]).toContain(git(f.workspace, 'rev-parse', 'HEAD'));
    expect(messages[0]).toMatch(/Pipes added \(\d+\):\n(  .+\n)*  acme-invoice-collect/);
    expect(messages[0]).toContain('manifest.json changed.');

    const tip = git(repo, 'rev-parse', 'main');
    f.log.info.length = 0;
    await expect(f.publish({ repo, push: true })).resolves.toBe(true);
    expect(git(repo, 'rev-parse', 'main')).toBe(tip);
    expect(f.log.info.join('\n')).toContain('already holds this build; nothing to commit');
  });

  it('deletes the template of a removed datatype and leaves README.md, LICENSE and .github/ alone', async () => {
    f.connector(withDatatype('invoice'));
    const repo = f.bare('acme-connector');
    await f.publish({ repo, init: true, push: true });
    const other = f.clone(repo);
    writeFileSync(join(other, 'README.md'), '# Acme connector\n');
    writeFileSync(join(other, 'LICENSE'), 'Apache-2.0\n');
    mkdirSync(join(other, '.github/workflows'), { recursive: true });
    writeFileSync(join(other, '.github/workflows/ci.yml'), 'on: push\n');
    git(other, 'add', '-A');
    git(other, 'commit', '-q', '-m', 'README, LICENSE and CI');
    git(other, 'push', '-q', 'origin', 'main');

    f.connector(minimalConnector());
    await expect(f.publish({ repo, push: true })).resolves.toBe(true);
    expect(f.files(repo)).toEqual([
      '.github/workflows/ci.yml',
      'LICENSE',
      'README.md',
      'manifest.json',
      'templates/order.json',
      'templates/system.json',
      'templates/webhook.json',
    ]);
    expect(f.show(repo, 'README.md')).toBe('# Acme connector');
    expect(f.messages(repo)[0]).toContain('Files deleted (1):\n  templates/invoice.json');
    expect(f.messages(repo)[0]).toMatch(/Pipes removed \(\d+\):\n(  .+\n)*  acme-invoice-collect/);
  });

  it('refuses a hand edit upstream, shows its diff and writes nothing; once connector.json renders it, publishes', async () => {
    f.connector(minimalConnector());
    const repo = f.bare('acme-connector');
    await f.publish({ repo, init: true, push: true });
    const other = f.clone(repo);
    const system = JSON.parse(readFileSync(join(other, 'templates/system.json'), 'utf8'));
    system.url_pattern = 'https://api.acme.test/v2/%s';
    // Written as the build writes JSON (sorted keys, two spaces, no final newline).
    writeFileSync(join(other, 'templates/system.json'), JSON.stringify(system, null, 2));
    git(other, 'commit', '-q', '-am', 'hot-fix: v2 API');
    git(other, 'push', '-q', 'origin', 'main');
    const tip = git(repo, 'rev-parse', 'main');

    f.connector(withDatatype('invoice'));
    await expect(f.publish({ repo, push: true })).resolves.toBe(false);
    expect(git(repo, 'rev-parse', 'main')).toBe(tip);
    const message = f.log.error.join('\n');
    expect(message).toContain('has changes to files publish owns that publish did not make');
    expect(message).toContain('  templates/system.json');
    expect(message).toContain('+  "url_pattern": "https://api.acme.test/v2/%s"');
    expect(message).toContain('npx sesam-connectors drift');

    // The fix brought into connector.json: the build renders what the repository holds.
    const config = withDatatype('invoice');
    config['restSystem']['urlPattern'] = 'https://api.acme.test/v2/%s';
    f.connector(config);
    f.log.error.length = 0;
    expect({ ok: await f.publish({ repo, push: true }), errors: f.log.error }).toEqual({
      ok: true,
      errors: [],
    });
    expect(f.show(repo, 'templates/system.json')).toContain('v2/%s');
    expect(f.files(repo)).toContain('templates/invoice.json');
  });

  it('refuses a dirty local checkout and a checkout on another branch, changing nothing; a clean one gets the commit', async () => {
    f.connector(minimalConnector());
    const repo = f.bare('acme-connector');
    await f.publish({ repo, init: true, push: true });
    const checkout = f.clone(repo, 'checkout');
    writeFileSync(join(checkout, 'notes.txt'), 'work in progress\n');
    const head = git(checkout, 'rev-parse', 'HEAD');

    f.connector(withDatatype('invoice'));
    await expect(f.publish({ repo: checkout })).resolves.toBe(false);
    expect(f.log.error.join('\n')).toContain(
      `${checkout} has uncommitted changes, so publish will not write into it:\n  notes.txt`,
    );
    expect(git(checkout, 'rev-parse', 'HEAD')).toBe(head);
    expect(existsSync(join(checkout, 'templates/invoice.json'))).toBe(false);

    rmSync(join(checkout, 'notes.txt'));
    git(checkout, 'switch', '-q', '-c', 'feature');
    f.log.error.length = 0;
    await expect(f.publish({ repo: checkout })).resolves.toBe(false);
    expect(f.log.error.join('\n')).toContain('is on branch feature, and publish writes branch main');

    git(checkout, 'switch', '-q', 'main');
    await expect(f.publish({ repo: checkout })).resolves.toBe(true);
    expect(git(checkout, 'status', '--porcelain')).toBe('');
    expect(readFileSync(join(checkout, 'templates/invoice.json'), 'utf8')).toBe(
      readFileSync(join(f.workspace, 'packages/connectors/acme/connector/templates/invoice.json'), 'utf8'),
    );
    expect(git(checkout, 'log', '-1', '--format=%s')).toMatch(/^Publish acme from sesam-connectors /);
    // Not pushed: the bare repository still has the first publish only.
    expect(f.messages(repo)).toHaveLength(1);
  });

  it('--dry-run prints the diff and writes nothing, to a bare repository or a checkout', async () => {
    f.connector(minimalConnector());
    const repo = f.bare('acme-connector');
    await f.publish({ repo, init: true, push: true });
    const checkout = f.clone(repo, 'checkout');
    const tip = git(repo, 'rev-parse', 'main');

    f.connector(withDatatype('invoice'));
    for (const destination of [repo, checkout]) {
      f.log.info.length = 0;
      await expect(f.publish({ repo: destination, dryRun: true, push: true })).resolves.toBe(true);
      const out = f.log.info.join('\n');
      expect(out).toContain('--dry-run, nothing written');
      expect(out).toContain('diff --git a/templates/invoice.json b/templates/invoice.json');
      expect(out).toContain('+    "_id": "{{@ system @}}-{{@ datatype @}}-collect",');
    }
    expect(git(repo, 'rev-parse', 'main')).toBe(tip);
    expect(git(checkout, 'rev-parse', 'HEAD')).toBe(tip);
    expect(git(checkout, 'status', '--porcelain')).toBe('');
  });

  it('--check succeeds when the destination holds exactly the build and fails, listing what differs, when not', async () => {
    f.connector(minimalConnector());
    const repo = f.bare('acme-connector');
    await expect(f.publish({ repo, check: true })).resolves.toBe(false);
    expect(f.log.error.join('\n')).toContain('  manifest.json is built but not in the destination');
    await f.publish({ repo, init: true, push: true });
    f.log.info.length = 0;
    await expect(f.publish({ repo, check: true })).resolves.toBe(true);
    expect(f.log.info).toEqual([`acme-connector: ${repo} (branch main) holds exactly this build.`]);

    f.connector(withDatatype('invoice'));
    const tip = git(repo, 'rev-parse', 'main');
    f.log.error.length = 0;
    await expect(f.publish({ repo, check: true })).resolves.toBe(false);
    expect(f.log.error.join('\n')).toContain(
      [
        '  manifest.json differs from the build',
        '  templates/invoice.json is built but not in the destination',
        '  templates/system.json differs from the build',
      ].join('\n'),
    );
    expect(git(repo, 'rev-parse', 'main')).toBe(tip);
  });

  it('refuses a destination that is neither empty nor a connector repository unless --init, and a stale build', async () => {
    f.connector(minimalConnector());
    const repo = f.bare('website');
    const other = f.clone(repo);
    writeFileSync(join(other, 'index.html'), '<p>hello</p>\n');
    git(other, 'add', '-A');
    git(other, 'commit', '-q', '-m', 'site');
    git(other, 'push', '-q', 'origin', 'main');

    await expect(f.publish({ repo, push: true })).resolves.toBe(false);
    expect(f.log.error.join('\n')).toContain(
      'is neither empty nor a connector repository published from this workspace',
    );
    expect(f.messages(repo)).toEqual(['site']);

    // connector.json edited without a build: connector/ is stale.
    const config = withDatatype('invoice');
    writeConnectorPackage(join(f.workspace, 'packages', 'connectors'), 'acme', config);
    f.log.error.length = 0;
    await expect(f.publish({ repo, push: true, init: true })).resolves.toBe(false);
    expect(f.log.error.join('\n')).toContain(
      'packages/connectors/acme/connector/ is not what connector.json renders now (a stale build), so it is not published:\n  manifest.json\n  templates/invoice.json',
    );
    expect(f.messages(repo)).toEqual(['site']);
  });

  it('takes the destination from connector.json (relative to the package), and says so when there is none', async () => {
    const repo = f.bare('acme-connector');
    f.connector({
      ...minimalConnector(),
      publish: { repo: '../../../../acme-connector.git', branch: 'release' },
    });
    await expect(f.publish({ init: true, push: true })).resolves.toBe(true);
    expect(f.files(repo, 'release')).toContain('manifest.json');

    f.connector(minimalConnector('beta'));
    f.log.info.length = 0;
    await expect(f.publish({}, 'beta')).resolves.toBe(true);
    expect(f.log.info).toEqual([
      'beta-connector: no publish destination (set publish.repo in packages/connectors/beta/connector.json or pass --repo); nothing published.',
    ]);
  });

  it('publishes many connectors, one failing without hiding the others', async () => {
    const repos: Record<string, string> = {};
    for (const system of ['alpha', 'beta', 'gamma']) {
      f.connector(minimalConnector(system));
      repos[system] = f.bare(`${system}-connector`);
    }
    // beta points at alpha's repository after alpha was published there: refused.
    const results: Record<string, boolean> = {};
    results['alpha'] = await f.publish({ repo: repos['alpha'], init: true, push: true }, 'alpha');
    results['beta'] = await f.publish({ repo: repos['alpha'], push: true }, 'beta');
    results['gamma'] = await f.publish({ repo: repos['gamma'], init: true, push: true }, 'gamma');
    expect(results).toEqual({ alpha: true, beta: false, gamma: true });
    expect(f.log.error.join('\n')).toContain('is published from connector alpha');
    expect(f.files(repos['gamma']!)).toContain('templates/order.json');
    expect(f.messages(repos['alpha']!)).toHaveLength(1);
  });
});
