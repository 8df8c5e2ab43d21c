import { readdirSync } from 'node:fs';
import type { ConnectorReport, ReviewReport } from '../src/compare/types';
import { FixtureRepo, PATTERNS, review, reviewJson, seedWorkspace } from './fixture-repo';

const connector = (report: ReviewReport, system: string): ConnectorReport => {
  const found = report.connectors.find((c) => c.system === system);
  if (!found)
    throw new Error(
      `${system} is not in the report: ${JSON.stringify(report.connectors.map((c) => c.system))}`,
    );
  return found;
};

const file = (c: ConnectorReport, path: string) => {
  const found = c.files.find((f) => f.path === path);
  if (!found)
    throw new Error(`${path} is not in ${c.system}'s report: ${JSON.stringify(c.files.map((f) => f.path))}`);
  return found;
};

const worktrees = (repo: FixtureRepo): string[] =>
  repo
    .git('worktree', 'list', '--porcelain')
    .split('\n')
    .filter((line) => line.startsWith('worktree '));

describe('review between two commits of a fixture repository', () => {
  let repo: FixtureRepo;
  let base: string;

  beforeEach(() => {
    repo = new FixtureRepo();
    seedWorkspace(repo);
    base = repo.commit('workspace');
  });

  afterEach(() => repo.dispose());

  it('reports every connector and pipe a pack template change affects, and nothing else', async () => {
    const collect = structuredClone(PATTERNS.collect);
    (collect[1] as Record<string, unknown>).batch_size = 10;
    repo.write('packages/template-pack/patterns/collect.json', collect);
    const head = repo.commit('collect: batch size 10');

    const report = await reviewJson(repo, ['--base', base, '--head', head]);

    expect(report.connectors.map((c) => c.system)).toEqual(['alpha', 'beta']);
    expect(report.unchanged).toEqual(['gamma']);
    for (const system of ['alpha', 'beta']) {
      const c = connector(report, system);
      expect(c.status).toBe('changed');
      expect(c.pipes).toEqual({ added: 0, removed: 0, changed: 1 });
      expect(c.files.map((f) => f.path)).toEqual(['templates/customer.json']);
      const [entity] = file(c, 'templates/customer.json').entities;
      expect(entity).toMatchObject({ id: '{{@ system @}}-{{@ datatype @}}-collect', change: 'changed' });
      expect(entity.diff).toContain('+  "batch_size": 10,');
    }
    expect(report.totals.pipes).toEqual({ added: 0, removed: 0, changed: 2 });
    // Nothing is left behind: no worktree registered, no temporary folder.
    expect(worktrees(repo)).toHaveLength(1);
    expect(readdirSync(repo.tmpRoot)).toEqual([]);
  });

  it('reports a renamed datatype as a datatype and template file removed and added, and the system change', async () => {
    repo.edit<{ datatypes: Record<string, unknown> }>('packages/connectors/beta/connector.json', (config) => {
      config.datatypes = { client: { pattern: 'collect' } };
    });
    const head = repo.commit('beta: customer -> client');

    const report = await reviewJson(repo, ['--base', base, '--head', head]);

    expect(report.connectors.map((c) => c.system)).toEqual(['beta']);
    const beta = connector(report, 'beta');
    expect(beta.datatypes).toEqual({ added: ['client'], removed: ['customer'] });
    expect(file(beta, 'templates/customer.json')).toMatchObject({
      change: 'removed',
      renamedTo: 'templates/client.json',
    });
    expect(file(beta, 'templates/client.json')).toMatchObject({
      change: 'added',
      renamedFrom: 'templates/customer.json',
    });
    expect(file(beta, 'templates/client.json').entities.map((e) => e.change)).toEqual(['added', 'added']);
    const system = file(beta, 'templates/system.json');
    expect(system.entities).toHaveLength(1);
    expect(system.entities[0].diff).toMatch(/^-    "customer-list": \{$/m);
    expect(system.entities[0].diff).toMatch(/^\+    "client-list": \{$/m);
    expect(file(beta, 'manifest.json').diff).toContain('+    "client": {');
    expect(beta.pipes).toEqual({ added: 2, removed: 2, changed: 1 });
  });

  it('reports a deleted connector with all its pipes removed, and a new one with all added', async () => {
    repo.remove('packages/connectors/gamma');
    repo.write('packages/connectors/delta/connector.json', {
      datatypes: { invoice: { pattern: 'collect' } },
    });
    const head = repo.commit('gamma out, delta in');

    const report = await reviewJson(repo, ['--base', base, '--head', head]);

    expect(report.connectors.map((c) => [c.system, c.status])).toEqual([
      ['delta', 'added'],
      ['gamma', 'removed'],
    ]);
    expect(connector(report, 'gamma').pipes).toEqual({ added: 0, removed: 4, changed: 0 });
    expect(connector(report, 'gamma').datatypes).toEqual({ added: [], removed: ['ticket'] });
    expect(connector(report, 'delta').pipes).toEqual({ added: 3, removed: 0, changed: 0 });
    expect(report.unchanged).toEqual(['alpha', 'beta']);
  });

  it('reports a build failure at one side with its error and still compares the other connectors', async () => {
    repo.edit<Record<string, unknown>>('packages/connectors/alpha/connector.json', (config) => {
      config.fail = 'datatypes.order.pattern: must be one of collect, webhook';
    });
    repo.edit<Record<string, unknown>>('packages/connectors/gamma/connector.json', (config) => {
      config.url = 'https://example.com/v2/%s';
    });
    const head = repo.commit('alpha broken, gamma v2');

    const report = await reviewJson(repo, ['--base', base, '--head', head]);

    const alpha = connector(report, 'alpha');
    expect(alpha.status).toBe('failed');
    expect(alpha.errors).toEqual([
      {
        side: 'head',
        stage: 'build',
        message:
          'packages/connectors/alpha/connector.json: datatypes.order.pattern: must be one of collect, webhook',
      },
    ]);
    expect(alpha.files).toEqual([]);
    const gamma = connector(report, 'gamma');
    expect(gamma.status).toBe('changed');
    expect(file(gamma, 'templates/system.json').entities[0].diff).toContain(
      '+  "url_pattern": "https://example.com/v2/%s"',
    );
    expect(report.unchanged).toEqual(['beta']);
  });

  it('treats a base from before the workspace existed as every connector added', async () => {
    const fresh = new FixtureRepo();
    try {
      fresh.write('README.md', '# nothing here yet\n');
      const empty = fresh.commit('initial');
      seedWorkspace(fresh);
      const head = fresh.commit('workspace');

      const report = await reviewJson(fresh, ['--base', empty, '--head', head]);

      expect(report.connectors.map((c) => [c.system, c.status])).toEqual([
        ['alpha', 'added'],
        ['beta', 'added'],
        ['gamma', 'added'],
      ]);
      expect(connector(report, 'alpha').datatypes.added).toEqual(['customer', 'order']);
      expect(report.totals.pipes).toEqual({ added: 3 + 2 + 1 + 2 + 1 + 3 + 1, removed: 0, changed: 0 });
    } finally {
      fresh.dispose();
    }
  });

  it('compares the expanded config with --expanded', async () => {
    const webhook = structuredClone(PATTERNS.webhook);
    (webhook[2] as Record<string, unknown>).permissions = [];
    repo.write('packages/template-pack/patterns/webhook.json', webhook);
    const head = repo.commit('event pipe permissions');

    const report = await reviewJson(repo, ['--base', base, '--head', head, '--expanded']);

    expect(report.connectors.map((c) => c.system)).toEqual(['alpha', 'gamma']);
    const alpha = connector(report, 'alpha');
    expect(alpha.expanded?.files.map((f) => [f.path, f.change])).toEqual([
      ['pipes/xxxxxx-order-event.conf.json', 'changed'],
    ]);
    expect(alpha.expanded?.files[0].diff).toContain('+  "permissions": [],');
    expect(connector(report, 'gamma').expanded?.counts).toEqual({ added: 0, removed: 0, changed: 1 });
    expect(report.totals.expanded).toEqual({ added: 0, removed: 0, changed: 2 });
  });

  it('exits 0 with --exit-code when nothing changed and 1 when something did', async () => {
    const same = await review(repo, ['--base', base, '--head', base, '--exit-code']);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('0 connectors with changes; 3 unchanged');

    repo.edit<Record<string, unknown>>('packages/connectors/beta/connector.json', (config) => {
      config.url = 'https://beta.example.com/%s';
    });
    const changed = await review(repo, ['--base', base, '--exit-code']);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/^beta\s+0\s+0\s+1$/m);
  });

  it('exits 2 with a clear message for a revision that does not exist', async () => {
    const run = await review(repo, ['--base', 'no-such-branch']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown revision 'no-such-branch'");
    expect(run.stdout).toBe('');
  });

  it('renders a markdown comment with the summary table first and a collapsible section per connector', async () => {
    repo.edit<Record<string, unknown>>('packages/connectors/gamma/connector.json', (config) => {
      config.url = 'https://example.com/v2/%s';
    });
    const head = repo.commit('gamma v2');

    const run = await review(repo, ['--base', base, '--head', head, '--format', 'markdown']);

    expect(run.code).toBe(0);
    const tableAt = run.stdout.indexOf('| connector | pipes added | removed | changed | note |');
    const detailsAt = run.stdout.indexOf('<details>');
    expect(tableAt).toBeGreaterThan(0);
    expect(detailsAt).toBeGreaterThan(tableAt);
    expect(run.stdout).toContain('| gamma | 0 | 0 | 1 |');
    expect(run.stdout).toContain('<summary><b>gamma</b>');
    expect(run.stdout).toContain('```diff\n@@ ');
  });
});

describe('review of the work tree', () => {
  let repo: FixtureRepo;

  beforeEach(() => {
    repo = new FixtureRepo();
    seedWorkspace(repo);
    repo.commit('workspace');
  });

  afterEach(() => repo.dispose());

  it('includes uncommitted and untracked changes and leaves the work tree and index as they were', async () => {
    repo.write('packages/connectors/delta/connector.json', {
      datatypes: { invoice: { pattern: 'collect' } },
    });
    repo.edit<Record<string, unknown>>('packages/connectors/beta/connector.json', (config) => {
      config.url = 'https://beta.example.com/%s';
    });
    repo.git('add', 'packages/connectors/beta/connector.json'); // staged, then changed again in the work tree
    repo.edit<Record<string, unknown>>('packages/connectors/beta/connector.json', (config) => {
      config.url = 'https://beta.example.com/v3/%s';
    });
    const statusBefore = repo.git('status', '--porcelain', '--untracked-files=all');
    const stagedBefore = repo.git('diff', '--cached');
    const betaBefore = repo.read('packages/connectors/beta/connector.json');

    const report = await reviewJson(repo, ['--base', 'HEAD']);

    expect(report.head.ref).toBe('work tree');
    expect(report.connectors.map((c) => [c.system, c.status])).toEqual([
      ['beta', 'changed'],
      ['delta', 'added'],
    ]);
    expect(file(connector(report, 'beta'), 'templates/system.json').entities[0].diff).toContain('v3');
    expect(repo.git('status', '--porcelain', '--untracked-files=all')).toBe(statusBefore);
    expect(repo.git('diff', '--cached')).toBe(stagedBefore);
    expect(repo.read('packages/connectors/beta/connector.json')).toBe(betaBefore);
    expect(worktrees(repo)).toHaveLength(1);
    expect(readdirSync(repo.tmpRoot)).toEqual([]);
  });
});
