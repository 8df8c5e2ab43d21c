import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addWorktree } from '../../shared/src/git';
import { isBuildOutput } from '../../shared/src/connectors';
import type { ChangeRecord, ConnectorReport, ReviewReport } from '../src/compare/types';
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

/** The report's changes of one connector, as `name change` lines (`alpha · order · all changed`). */
const changesOf = (report: ReviewReport, system?: string): string[] =>
  report.changes
    .filter((c) => system === undefined || c.connector === system)
    .map((c) => `${c.name} ${c.change}`);

const changeNamed = (report: ReviewReport, name: string, source = 'template'): ChangeRecord => {
  const found = report.changes.find((c) => c.name === name && c.source === source);
  if (!found) throw new Error(`${name} is not in the report: ${JSON.stringify(changesOf(report))}`);
  return found;
};

/** Each group as its records' names, with the index of the group it differs from. */
const groupsOf = (report: ReviewReport) =>
  report.groups.map((g) => ({
    role: g.role,
    change: g.change,
    names: g.changes.map((i) => report.changes[i].name),
    ...(g.differsFrom === undefined ? {} : { differsFrom: g.differsFrom }),
  }));

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
      expect(c.systems).toEqual({ added: 0, removed: 0, changed: 0 });
      expect(c.datatypes).toEqual({ added: [], removed: [], changed: ['customer'] });
      expect(c.files.map((f) => f.path)).toEqual(['templates/customer.json']);
    }
    expect(changesOf(report)).toEqual([
      'alpha · customer · collect changed',
      'beta · customer · collect changed',
    ]);
    const change = changeNamed(report, 'beta · customer · collect');
    expect(change).toMatchObject({
      connector: 'beta',
      datatype: 'customer',
      role: 'collect',
      kind: 'pipe',
      path: 'templates/customer.json',
      id: '{{@ system @}}-{{@ datatype @}}-collect',
    });
    expect(change.diff).toContain('+  "batch_size": 10,');
    expect(JSON.parse(change.after ?? '')).toMatchObject({ batch_size: 10 });
    expect(JSON.parse(change.before ?? '')).not.toHaveProperty('batch_size');
    expect(report.totals.pipes).toEqual({ added: 0, removed: 0, changed: 2 });
    // Nothing is left behind: no worktree registered, no temporary folder.
    expect(worktrees(repo)).toHaveLength(1);
    expect(readdirSync(repo.tmpRoot)).toEqual([]);
  });

  it('shows a pack template change across several connectors once, with each pipe it touches, and the odd one out on its own', async () => {
    repo.write('packages/connectors/delta/connector.json', {
      datatypes: { customer: { pattern: 'collect' }, invoice: { pattern: 'collect' } },
    });
    repo.write('packages/connectors/epsilon/connector.json', {
      datatypes: { invoice: { pattern: 'collect', options: { schedule: '60' } } },
    });
    const before = repo.commit('delta and epsilon');
    const collect = structuredClone(PATTERNS.collect);
    (collect[0] as { pump: { cron: string } }).pump.cron = 'every %schedule|300% seconds';
    repo.write('packages/template-pack/patterns/collect.json', collect);
    const head = repo.commit('collect: seconds');

    const report = await reviewJson(repo, ['--base', before, '--head', head]);

    expect(groupsOf(report)).toEqual([
      {
        role: 'all',
        change: 'changed',
        names: [
          'alpha · customer · all',
          'beta · customer · all',
          'delta · customer · all',
          'delta · invoice · all',
        ],
      },
      { role: 'all', change: 'changed', names: ['epsilon · invoice · all'], differsFrom: 0 },
    ]);
    expect(report.groups[0].diff).toContain('-    "cron": "every 300 s"\n+    "cron": "every 300 seconds"');
    expect(report.groups[1].diff).toContain('+    "cron": "every 60 seconds"');
    expect(report.totals).toMatchObject({
      connectors: 4,
      datatypes: { added: 0, removed: 0, changed: 5 },
      pipes: { added: 0, removed: 0, changed: 5 },
      systems: { added: 0, removed: 0, changed: 0 },
    });

    const text = await review(repo, ['--base', before, '--head', head]);
    expect(text.stdout).toContain(
      '~ pipe · all — the same change in 4 pipes of 3 connectors: alpha customer; beta customer; delta customer, invoice\n',
    );
    expect(text.stdout).toContain(
      '~ epsilon · invoice · all — the odd one out, differs from the common form\n',
    );
    expect(text.stdout.split('+    "cron": "every 300 seconds"')).toHaveLength(2);
    const markdown = await review(repo, ['--base', before, '--head', head, '--format', 'markdown']);
    expect(markdown.stdout).toContain(
      '**~ pipe · all — the same change in 4 pipes of 3 connectors:** alpha customer; beta customer; delta customer, invoice',
    );
    expect(markdown.stdout.split('+    "cron": "every 300 seconds"')).toHaveLength(2);
    expect(markdown.stdout).toContain(
      '**~ epsilon · invoice · all — the odd one out, differs from the common form**',
    );
  });

  it('reports a renamed datatype as a datatype and template file removed and added, and the system and manifest apart', async () => {
    repo.edit<{ datatypes: Record<string, unknown> }>('packages/connectors/beta/connector.json', (config) => {
      config.datatypes = { client: { pattern: 'collect' } };
    });
    const head = repo.commit('beta: customer -> client');

    const report = await reviewJson(repo, ['--base', base, '--head', head]);

    expect(report.connectors.map((c) => c.system)).toEqual(['beta']);
    const beta = connector(report, 'beta');
    expect(beta.datatypes).toEqual({ added: ['client'], removed: ['customer'], changed: [] });
    expect(file(beta, 'templates/customer.json')).toEqual({
      path: 'templates/customer.json',
      change: 'removed',
      renamedTo: 'templates/client.json',
    });
    expect(file(beta, 'templates/client.json')).toMatchObject({
      change: 'added',
      renamedFrom: 'templates/customer.json',
    });
    expect(changesOf(report)).toEqual([
      'beta · manifest changed',
      'beta · client · all added',
      'beta · client · collect added',
      'beta · customer · all removed',
      'beta · customer · collect removed',
      'beta · system changed',
    ]);
    const system = changeNamed(report, 'beta · system');
    expect(system).toMatchObject({ kind: 'system', role: 'system', path: 'templates/system.json' });
    expect(system.diff).toMatch(/^-    "customer-list": \{$/m);
    expect(system.diff).toMatch(/^\+    "client-list": \{$/m);
    expect(changeNamed(report, 'beta · manifest').diff).toContain('+    "client": {');
    expect(beta.pipes).toEqual({ added: 2, removed: 2, changed: 0 });
    expect(beta.systems).toEqual({ added: 0, removed: 0, changed: 1 });
    expect(beta.manifest).toBe('changed');
    expect(report.totals).toMatchObject({
      datatypes: { added: 1, removed: 1, changed: 0 },
      pipes: { added: 2, removed: 2, changed: 0 },
      systems: { added: 0, removed: 0, changed: 1 },
      manifests: { added: 0, removed: 0, changed: 1 },
    });

    const text = await review(repo, ['--base', base, '--head', head]);
    expect(text.stdout).toContain(
      [
        'connector  datatypes  pipes  systems  manifest  note',
        'beta       +1 -1      +2 -2  ~1       changed   datatypes +client -customer',
      ].join('\n'),
    );
    expect(text.stdout).toContain(
      '1 connector with changes, 2 unchanged; datatypes: 1 added, 1 removed; pipes: 2 added, 2 removed; systems: 1 changed; manifests: 1 changed.',
    );
    expect(text.stdout).toContain('templates/customer.json: removed (renamed to templates/client.json)');
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
    expect(connector(report, 'gamma').pipes).toEqual({ added: 0, removed: 3, changed: 0 });
    expect(connector(report, 'gamma').systems).toEqual({ added: 0, removed: 1, changed: 0 });
    expect(connector(report, 'gamma').manifest).toBe('removed');
    expect(connector(report, 'gamma').datatypes).toEqual({ added: [], removed: ['ticket'], changed: [] });
    expect(connector(report, 'delta').pipes).toEqual({ added: 2, removed: 0, changed: 0 });
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
    expect(changeNamed(report, 'gamma · system').diff).toContain(
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
      expect(report.totals.pipes).toEqual({ added: 3 + 2 + 2 + 3, removed: 0, changed: 0 });
      expect(report.totals.systems).toEqual({ added: 3, removed: 0, changed: 0 });
      expect(report.totals.manifests).toEqual({ added: 3, removed: 0, changed: 0 });
    } finally {
      fresh.dispose();
    }
  });

  it('compares the expanded config with --expanded, naming its pipes as the templates are named', async () => {
    const webhook = structuredClone(PATTERNS.webhook);
    (webhook[2] as Record<string, unknown>).permissions = [];
    repo.write('packages/template-pack/patterns/webhook.json', webhook);
    const head = repo.commit('event pipe permissions');

    const report = await reviewJson(repo, ['--base', base, '--head', head, '--expanded']);

    expect(report.connectors.map((c) => c.system)).toEqual(['alpha', 'gamma']);
    expect(changesOf(report, 'alpha')).toEqual([
      'alpha · order · event changed',
      'alpha · order · event changed',
    ]);
    const expanded = changeNamed(report, 'alpha · order · event', 'expanded');
    expect(expanded).toMatchObject({
      datatype: 'order',
      role: 'event',
      kind: 'pipe',
      path: 'pipes/xxxxxx-order-event.conf.json',
    });
    expect(expanded.diff).toContain('+  "permissions": [],');
    expect(connector(report, 'alpha').expanded).toEqual({
      pipes: { added: 0, removed: 0, changed: 1 },
      systems: { added: 0, removed: 0, changed: 0 },
    });
    expect(report.totals.expanded?.pipes).toEqual({ added: 0, removed: 0, changed: 2 });
    // One group per source: the same change in both connectors, with the names set aside.
    expect(groupsOf(report)).toEqual([
      { role: 'event', change: 'changed', names: ['alpha · order · event', 'gamma · ticket · event'] },
      { role: 'event', change: 'changed', names: ['alpha · order · event', 'gamma · ticket · event'] },
    ]);
    expect(report.groups[1].diff).toContain('"_id": "{{@ system @}}-{{@ datatype @}}-event"');

    const text = await review(repo, ['--base', base, '--head', head, '--expanded']);
    expect(text.stdout).toContain(
      'Changes to the expanded config:\n\n~ pipe · event — the same change in 2 pipes of 2 connectors: alpha order; gamma ticket\n',
    );
    expect(text.stdout).not.toContain('xxxxxx');
  });

  it('names a single changed pipe by connector, datatype and role, with and without --expanded', async () => {
    repo.edit<{ datatypes: Record<string, { options?: object }> }>(
      'packages/connectors/beta/connector.json',
      (config) => {
        config.datatypes.customer.options = { schedule: '60' };
      },
    );
    const head = repo.commit('beta: every minute');

    for (const args of [[], ['--expanded']]) {
      const run = await review(repo, ['--base', base, '--head', head, ...args]);
      expect(run.stdout).toContain('\n~ beta · customer · all\n    @@ ');
      expect(run.stdout).not.toMatch(/^[~+-] \{\{@/m);
      const markdown = await review(repo, ['--base', base, '--head', head, '--format', 'markdown', ...args]);
      expect(markdown.stdout).toContain('**~ beta · customer · all**');
    }
  });

  it('names both sides in the header: a branch and its commit, a commit id, the work tree', async () => {
    repo.edit<Record<string, unknown>>('packages/connectors/gamma/connector.json', (config) => {
      config.url = 'https://example.com/v2/%s';
    });
    const head = repo.commit('gamma v2');
    const short = (sha: string) => sha.slice(0, 7);

    const commits = await review(repo, ['--base', base, '--head', head]);
    expect(commits.stdout.split('\n')[0]).toBe(`Connector review: ${short(base)} -> main (${short(head)})`);
    const names = await review(repo, ['--base', 'main~1', '--head', 'HEAD']);
    expect(names.stdout.split('\n')[0]).toBe(
      `Connector review: main~1 (${short(base)}) -> HEAD (main ${short(head)})`,
    );
    const workTree = await review(repo, ['--base', 'main', '--format', 'markdown']);
    expect(workTree.stdout.split('\n')[0]).toBe(
      `### Connector review: \`main (${short(head)})\` → \`work tree\``,
    );
  });

  it('exits 0 with --exit-code when nothing changed and 1 when something did', async () => {
    const same = await review(repo, ['--base', base, '--head', base, '--exit-code']);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('0 connectors with changes, 3 unchanged');

    repo.edit<Record<string, unknown>>('packages/connectors/beta/connector.json', (config) => {
      config.url = 'https://beta.example.com/%s';
    });
    const changed = await review(repo, ['--base', base, '--exit-code']);
    expect(changed.code).toBe(1);
    const lines = changed.stdout.split('\n');
    const header = lines.find((line) => line.startsWith('connector '));
    const row = lines.find((line) => line.startsWith('beta '));
    expect(row?.trimEnd().endsWith('~1')).toBe(true);
    expect(row?.indexOf('~1')).toBe(header?.indexOf('systems'));
  });

  it('exits 2 with a clear message for a revision that does not exist', async () => {
    const run = await review(repo, ['--base', 'no-such-branch']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown revision 'no-such-branch'");
    expect(run.stdout).toBe('');
  });

  it('renders a markdown comment with the summary table first, then the changes', async () => {
    repo.edit<Record<string, unknown>>('packages/connectors/gamma/connector.json', (config) => {
      config.url = 'https://example.com/v2/%s';
    });
    const head = repo.commit('gamma v2');

    const run = await review(repo, ['--base', base, '--head', head, '--format', 'markdown']);

    expect(run.code).toBe(0);
    const tableAt = run.stdout.indexOf('| connector | datatypes | pipes | systems | manifest | note |');
    const changesAt = run.stdout.indexOf('#### Changes');
    expect(tableAt).toBeGreaterThan(0);
    expect(changesAt).toBeGreaterThan(tableAt);
    expect(run.stdout).toContain('| gamma |  |  | ~1 |  |  |');
    expect(run.stdout).toContain('**~ gamma · system**\n\n```diff\n@@ ');
  });
});

describe('checking a revision out', () => {
  it('leaves the committed build outputs out and writes every other file', () => {
    const repo = new FixtureRepo();
    try {
      seedWorkspace(repo);
      repo.write('packages/connectors/beta/connector/templates/stale.json', '[]');
      repo.write('packages/connectors/beta/connector.md', 'not an output');
      const commit = repo.commit('with an output');
      const dir = join(repo.tmpRoot, 'checkout');

      addWorktree(repo.dir, dir, commit, isBuildOutput);

      expect(existsSync(join(dir, 'packages/connectors/beta/connector'))).toBe(false);
      expect(readFileSync(join(dir, 'packages/connectors/beta/connector.md'), 'utf8')).toBe('not an output');
      expect(existsSync(join(dir, 'packages/connectors/beta/connector.json'))).toBe(true);
      expect(existsSync(join(dir, 'fake-build.mjs'))).toBe(true);
      expect(isBuildOutput('packages/connectors/beta/connector/manifest.json')).toBe(true);
      expect(isBuildOutput('packages/connectors/beta/connector.json')).toBe(false);
      expect(isBuildOutput('packages/template-pack/connector/x.json')).toBe(false);
    } finally {
      repo.dispose();
    }
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
    expect(changeNamed(report, 'beta · system').diff).toContain('v3');
    expect(repo.git('status', '--porcelain', '--untracked-files=all')).toBe(statusBefore);
    expect(repo.git('diff', '--cached')).toBe(stagedBefore);
    expect(repo.read('packages/connectors/beta/connector.json')).toBe(betaBefore);
    expect(worktrees(repo)).toHaveLength(1);
    expect(readdirSync(repo.tmpRoot)).toEqual([]);
  });
});
