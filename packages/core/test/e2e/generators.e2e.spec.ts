import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { WORKSPACE_ROOT } from '../connector-fixtures';
import { corpusPath } from '../corpus';
import { childNxEnv, copyWorkspace } from '../workspace-copy';

/**
 * The generators as a user runs them: the real `nx g` and `nx build` / `nx run …:validate` in a
 * temporary copy of the workspace (its git files, node_modules symlinked), with no daemon and a
 * private cache so nothing is replayed.
 */
const REPO = WORKSPACE_ROOT;
/** A corpus connector the import reproduces (see import-corpus.spec.ts). */
const IMPORT_SOURCE = 'asana@main';
/** One whose templates break sesam validate's rules (its import turns the build's validation off). */
const INVALID_IMPORT_SOURCE = 'keap@IS-15629';

interface Run {
  status: number | null;
  output: string;
}

describe('generators end to end (nx g, nx build, nx validate)', () => {
  let workspace: string;
  let cacheDir: string;
  let env: NodeJS.ProcessEnv;

  const nx = (...args: string[]): Run => {
    const result = spawnSync('npx', ['nx', ...args], { cwd: workspace, env, encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  const file = (path: string) => readFileSync(join(workspace, path), 'utf8');
  const json = (path: string) => JSON.parse(file(path)) as Record<string, unknown>;
  const expectSuccess = (run: Run) =>
    expect({ status: run.status, output: run.output }).toMatchObject({ status: 0 });

  beforeAll(() => {
    workspace = mkdtempSync(join(tmpdir(), 'sesam-e2e-'));
    cacheDir = mkdtempSync(join(tmpdir(), 'sesam-e2e-cache-'));
    copyWorkspace(REPO, workspace);
    // A child nx must see this copy as its workspace, not the one running the tests.
    env = childNxEnv(cacheDir);
  });

  afterAll(() => {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  const CONNECTOR = [
    'g',
    '@sesam-connectors/core:connector',
    'demo',
    '--datatypes',
    'a,b:webhook',
    '--webhooks',
    '--no-interactive',
  ];

  it('an interactive nx g (a terminal, NX_INTERACTIVE unset, not CI) asks nothing and leaves git status clean', () => {
    // Nx asks "Share usage data with the Nx team?" on a terminal unless nx.json decides `analytics`, and
    // the answer rewrites (and reformats) nx.json. `script` gives nx a pseudo-terminal; the Enter on its
    // input would answer that question, and every generator option is given, so no other prompt waits.
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.test', ...args], {
        cwd: workspace,
        encoding: 'utf8',
      });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'copy');
    const terminalEnv = { ...env, CI: undefined, FORCE_COLOR: undefined, NO_COLOR: undefined };
    const command =
      'npx nx g @sesam-connectors/core:connector acme --label Acme --auth api_key ' +
      '--baseUrl https://api.acme.test --datatypes a --dry-run';
    const run = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: workspace,
      env: terminalEnv,
      input: '\r',
      encoding: 'utf8',
      timeout: 60_000,
    });
    const output = stripVTControlCharacters(run.stdout);
    expect({ status: run.status, output }).toMatchObject({ status: 0 });
    expect(output).toContain('CREATE packages/connectors/acme/connector.json');
    expect(output).not.toContain('Share usage data');
    expect(git('status', '--porcelain')).toBe('');
    rmSync(join(workspace, '.git'), { recursive: true, force: true });
  });

  it('--dry-run lists the files and writes nothing', () => {
    const run = nx(...CONNECTOR, '--dry-run');
    expectSuccess(run);
    expect(run.output).toContain('CREATE packages/connectors/demo/connector.json');
    expect(run.output).toContain('CREATE packages/connectors/demo/README.md');
    expect(run.output).toContain('NOTE: The "dryRun" flag means no changes were made.');
    expect(existsSync(join(workspace, 'packages/connectors/demo'))).toBe(false);
  });

  it('nx g connector writes a package that builds and validates right away', () => {
    expectSuccess(nx(...CONNECTOR));
    expect(json('packages/connectors/demo/connector.json')['datatypes']).toEqual({
      a: { pattern: 'collect', label: 'A' },
      b: { pattern: 'webhook', label: 'B' },
      webhook: { pattern: 'webhook-registry', label: 'Webhook' },
    });

    const validate = nx('run', 'demo-connector:validate', '--output-style=static');
    expectSuccess(validate);
    const manifest = json('packages/connectors/demo/connector/manifest.json');
    expect(manifest['datatypes']).toEqual({
      a: { label: 'A', template: 'templates/a.json' },
      b: { label: 'B', template: 'templates/b.json' },
      webhook: { label: 'Webhook', template: 'templates/webhook.json' },
    });
    expect(manifest).toMatchObject({ use_webhook_secret: true, requires_service_api_access: true });
    const system = json('packages/connectors/demo/connector/templates/system.json');
    expect(Object.keys(system['operations'] as object)).toEqual(
      expect.arrayContaining([
        'a-list',
        'a-lookup',
        'b-list',
        'b-lookup',
        'webhook-insert',
        'webhook-lookup',
      ]),
    );
    const b = JSON.parse(file('packages/connectors/demo/connector/templates/b.json')) as { _id: string }[];
    expect(b.map((pipe) => pipe._id)).toEqual(
      expect.arrayContaining([
        '{{@ system @}}-{{@ datatype @}}-event',
        '{{@ system @}}-{{@ datatype @}}-registerwebhook',
      ]),
    );
  });

  it("nx show project --json carries each target's description (what Nx Console and --web show)", () => {
    const run = spawnSync('npx', ['nx', 'show', 'project', 'shopify-connector', '--json'], {
      cwd: workspace,
      env,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const targets = (
      JSON.parse(run.stdout) as { targets: Record<string, { metadata?: { description?: string } }> }
    ).targets;
    expect(targets['build']?.metadata?.description).toContain(
      'writes connector/manifest.json and connector/templates',
    );
    expect(targets['expand']?.metadata?.description).toContain('writes connector/.expanded');
    expect(targets['validate']?.metadata?.description).toContain('writes nothing');
  });

  it('a build replayed from the cache does not claim it wrote files, and names the task once', () => {
    // The validate run above built demo-connector; this build is a cache hit.
    const run = nx('build', 'demo-connector', '--output-style=static');
    expectSuccess(run);
    expect(run.output).toContain('[local cache]');
    expect(run.output).toContain('demo: packages/connectors/demo/connector/ holds the');
    expect(run.output).not.toMatch(/\bwrote\b/);
    expect(run.output.match(/> nx run demo-connector:build/g)).toHaveLength(1);
  });

  it('a second run stops with a one-line reason, no stack trace, and changes nothing', () => {
    const before = file('packages/connectors/demo/connector.json');
    const run = nx(...CONNECTOR);
    expect(run.status).toBe(1);
    expect(run.output).toContain(
      'packages/connectors/demo already exists; the connector generator never overwrites a package.',
    );
    expect(run.output).not.toMatch(/^\s+at /m);
    expect(file('packages/connectors/demo/connector.json')).toBe(before);
  });

  it('a bad name is explained, naming the option', () => {
    const run = nx(
      'g',
      '@sesam-connectors/core:connector',
      'my-shop',
      '--datatypes',
      'a',
      '--no-interactive',
    );
    expect(run.status).toBe(1);
    // The schema's `pattern` (which also makes the prompt ask again) is checked by Nx before the generator runs.
    expect(run.output).toContain(
      `Property 'system' does not match the schema. 'my-shop' should match the pattern '^[a-z][a-z0-9]*$'.`,
    );
    expect(run.output).not.toMatch(/^\s+at /m);
  });

  it('nx g datatype adds a datatype that builds and validates', () => {
    expectSuccess(
      nx('g', '@sesam-connectors/core:datatype', 'c', '--connector', 'demo', '--share', '--no-interactive'),
    );
    expect(json('packages/connectors/demo/connector.json')['datatypes']).toMatchObject({
      c: { pattern: 'collect', options: { share: true } },
    });
    expectSuccess(nx('run', 'demo-connector:validate', '--output-style=static'));
    const system = json('packages/connectors/demo/connector/templates/system.json');
    expect(Object.keys(system['operations'] as object)).toEqual(
      expect.arrayContaining(['c-insert', 'c-update', 'c-delete']),
    );
  });

  /** nx build of an imported package writes the source's manifest and templates byte for byte. */
  const expectReproduced = (system: string, source: string) => {
    const manifest = readFileSync(join(source, 'manifest.json'), 'utf8');
    expect(file(`packages/connectors/${system}/connector/manifest.json`)).toBe(manifest);
    const templates = Object.values(
      JSON.parse(manifest).datatypes as Record<string, { template: string }>,
    ).map((d) => d.template);
    for (const path of new Set(['templates/system.json', ...templates])) {
      expect([path, file(`packages/connectors/${system}/connector/${path}`)]).toEqual([
        path,
        readFileSync(join(source, path), 'utf8'),
      ]);
    }
  };

  it('nx g import adopts the datatypes; nx expand gives byte for byte the node config sesam expand gives for the source', () => {
    const source = corpusPath(IMPORT_SOURCE);
    expectSuccess(nx('g', '@sesam-connectors/core:import', '--source', source, '--no-interactive'));
    const config = JSON.parse(file('packages/connectors/asana/connector.json'));
    expect(Object.values(config.datatypes).map((d: any) => d.pattern)).not.toContain('raw');
    expectSuccess(nx('run', 'asana-connector:validate', '--output-style=static'));
    expectSuccess(nx('run', 'asana-connector:expand', '--output-style=static'));
    const expected = join(source, 'expected-expanded');
    const files = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
        .sort();
    const expanded = join(workspace, 'packages/connectors/asana/connector/.expanded');
    // The expanded folder also holds expand's own mark (EXPAND_MARK), which sesam expand does not write.
    expect(files(expanded).filter((path) => path !== '.sesam-connectors-expand')).toEqual(files(expected));
    for (const path of files(expected))
      expect([path, readFileSync(join(expanded, path), 'utf8')]).toEqual([
        path,
        readFileSync(join(expected, path), 'utf8'),
      ]);
  });

  it('nx g import --verbatim gives a package whose build reproduces the source byte for byte', () => {
    rmSync(join(workspace, 'packages/connectors/asana'), { recursive: true, force: true });
    const source = corpusPath(IMPORT_SOURCE);
    expectSuccess(
      nx('g', '@sesam-connectors/core:import', '--source', source, '--verbatim', '--no-interactive'),
    );
    expectSuccess(nx('run', 'asana-connector:validate', '--output-style=static'));
    expectReproduced('asana', source);
  });

  it('an imported source that breaks validation rules still builds byte for byte; validate reports it', () => {
    const source = corpusPath(INVALID_IMPORT_SOURCE);
    const run = nx(
      'g',
      '@sesam-connectors/core:import',
      '--source',
      source,
      '--verbatim',
      '--no-interactive',
    );
    expectSuccess(run);
    expect(run.output).toContain('CREATE packages/connectors/keap/project.json');
    expectSuccess(nx('build', 'keap-connector', '--output-style=static'));
    expectReproduced('keap', source);
    const validate = nx('run', 'keap-connector:validate', '--output-style=static');
    expect(validate.status).toBe(1);
    expect(validate.output).toContain('sesam/collect-template');
  });
});
