import { logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { toCanonicalJson } from '../../lib/json';
import { connectorGenerator } from '../connector/generator';
import { renderTreeConnector } from '../shared/render-package';
import { keysOf, readTreeJson } from '../testing/tree-json';
import { importGenerator } from './generator';
import type { ImportGeneratorSchema } from './schema';
import { changedPackagePaths, expectUserError as expectUserErrorIn } from '../testing/expect-user-error';

const SYSTEM_JSON = toCanonicalJson({
  _id: '{{@ system @}}',
  type: 'system:rest',
  url_pattern: 'https://{{@ subdomain @}}.example.com/api/%s',
  verify_ssl: true,
  headers: { Authorization: 'Bearer $SECRET(api_key)' },
  rate_limiting_retries: 3,
  operations: { 'order-list': { method: 'GET', url: 'orders' } },
});

const MANIFEST = {
  additional_parameters: { subdomain: {} },
  auth: 'api_key',
  datatypes: {
    order: { label: 'Order', template: 'templates/order.json' },
    refund: { parent: 'order', template: 'templates/order.json' },
  },
  'system-template': 'templates/system.json',
};

/** A template as people write them: 4-space indent, a trailing newline. */
const ORDER_JSON = `${JSON.stringify(
  [
    {
      _id: '{{@ system @}}-{{@ datatype @}}-collect',
      type: 'pipe',
      source: { type: 'embedded', entities: [] },
    },
  ],
  null,
  4,
)}\n`;

/** Every file below `dir` with its content and modification time (to prove the source is untouched). */
const snapshot = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .map((file) => `${relative(dir, file)} ${statSync(file).mtimeMs} ${readFileSync(file, 'utf8')}`)
    .sort();

describe('import generator', () => {
  let tree: Tree;
  let workDir: string;
  let sourceDir: string;

  const write = (path: string, text: string) => {
    const file = join(sourceDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  const writeSource = (files: Record<string, string>) =>
    Object.entries(files).forEach(([path, text]) => write(path, text));
  const run = (options: Partial<ImportGeneratorSchema> = {}) =>
    importGenerator(tree, { source: sourceDir, skipFormat: true, verbatim: true, ...options });
  const config = () => readTreeJson(tree, 'packages/connectors/shop/connector.json');

  /** The source's manifest and templates must come out of the build unchanged. */
  const expectRoundTrip = (system = 'shop') => {
    const rendered = renderTreeConnector(tree, system);
    for (const path of ['manifest.json', 'templates/system.json', 'templates/order.json']) {
      expect(rendered.get(path)).toBe(readFileSync(join(sourceDir, path), 'utf8'));
    }
  };

  const expectUserError = (options: Partial<ImportGeneratorSchema>, message: string | RegExp) =>
    expectUserErrorIn(tree, () => run(options), message);

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    workDir = mkdtempSync(join(tmpdir(), 'sesam-import-'));
    sourceDir = join(workDir, 'shop-connector@main');
    writeSource({
      'manifest.json': toCanonicalJson(MANIFEST),
      'templates/system.json': SYSTEM_JSON,
      'templates/order.json': ORDER_JSON,
    });
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    rmSync(workDir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  describe('a connector the engine can describe', () => {
    it('writes connector.json, the raw templates and a README, and nothing else', async () => {
      await run();
      expect(changedPackagePaths(tree)).toEqual([
        'packages/connectors/shop/README.md',
        'packages/connectors/shop/connector.json',
        'packages/connectors/shop/raw/templates/order.json',
      ]);
      expect(tree.read('packages/connectors/shop/raw/templates/order.json', 'utf-8')).toBe(ORDER_JSON);
    });

    it('describes every datatype as raw, sharing a file by naming the same template', async () => {
      await run();
      expect(config()['datatypes']).toEqual({
        order: { pattern: 'raw', label: 'Order', template: 'templates/order.json' },
        refund: { pattern: 'raw', template: 'templates/order.json', manifest: { parent: 'order' } },
      });
    });

    it('generates the manifest (no manifestFile) and the system from restSystem and auth', async () => {
      await run();
      expect(keysOf(config())).not.toContain('manifestFile');
      expect(config()['auth']).toEqual({ type: 'api_key' });
      // The build declares {{@ subdomain @}} (the one variable the templates read) itself.
      expect(keysOf(config())).not.toContain('manifest');
      // verify_ssl true is restSystem's default: not written
      expect(config()['restSystem']).toEqual({
        urlPattern: 'https://{{@ subdomain @}}.example.com/api/%s',
        headers: { Authorization: 'Bearer $SECRET(api_key)' },
        properties: { rate_limiting_retries: 3 },
        operations: { 'order-list': { method: 'GET', url: 'orders' } },
      });
    });

    it('keeps additional_parameters that differ from what the templates read', async () => {
      write(
        'manifest.json',
        toCanonicalJson({ ...MANIFEST, additional_parameters: { subdomain: {}, unused: {} } }),
      );
      await run();
      expect(config()['manifest']).toEqual({ additional_parameters: { subdomain: {}, unused: {} } });
      expectRoundTrip();
    });

    it('labels datatypes by name (datatypeLabels) when that is shorter, writing out the others', async () => {
      const datatypes = {
        invoice: { label: 'Invoice', template: 'templates/order.json' },
        order: { label: 'Order', template: 'templates/order.json' },
        orderline: { label: 'Order Line', template: 'templates/order.json' },
        payment: { label: 'Payment', template: 'templates/order.json' },
        refund: { template: 'templates/order.json' },
      };
      write('manifest.json', toCanonicalJson({ ...MANIFEST, datatypes }));
      await run();
      expect(config()['datatypeLabels']).toBe('name');
      expect(
        Object.fromEntries(
          Object.entries(config()['datatypes'] as Record<string, { label?: string | null }>).map(
            ([name, datatype]) => [name, datatype.label],
          ),
        ),
      ).toEqual({
        invoice: undefined,
        order: undefined,
        orderline: 'Order Line',
        payment: undefined,
        refund: null,
      });
      expectRoundTrip();
    });

    it('keeps each label when labelling by name would not be shorter', async () => {
      await run();
      expect(keysOf(config())).not.toContain('datatypeLabels');
      expect(config()['datatypes']).toMatchObject({ order: { label: 'Order' } });
    });

    it('builds back to the source byte for byte', async () => {
      await run();
      expectRoundTrip();
    });

    it('copies a manifest the engine would write differently verbatim, as manifestFile', async () => {
      const manifest = `${JSON.stringify(MANIFEST, null, 4)}\n`;
      write('manifest.json', manifest);
      await run();
      expect(config()['manifestFile']).toBe('raw/manifest.json');
      expect(tree.read('packages/connectors/shop/raw/manifest.json', 'utf-8')).toBe(manifest);
      // With a verbatim manifest, labels and manifest fields live in that file only.
      expect(config()['datatypes']).toEqual({
        order: { pattern: 'raw', template: 'templates/order.json' },
        refund: { pattern: 'raw', template: 'templates/order.json' },
      });
      expect(keysOf(config())).not.toContain('manifest');
      expectRoundTrip();
    });

    it('copies the manifest when its auth is not one connector.json knows', async () => {
      write('manifest.json', toCanonicalJson({ ...MANIFEST, auth: 'open' }));
      await run();
      expect(config()['manifestFile']).toBe('raw/manifest.json');
      expectRoundTrip();
    });

    it('recognises a standard oauth2 system block, with the manifest login URLs', async () => {
      const oauth2 = {
        login_url: 'https://x.example.com/authorize',
        token_url: 'https://x.example.com/token',
        scopes: ['read'],
      };
      write(
        'manifest.json',
        toCanonicalJson({
          ...MANIFEST,
          auth: 'oauth2',
          oauth2,
          additional_parameters: { subdomain: {}, token_url: {} },
        }),
      );
      write(
        'templates/system.json',
        toCanonicalJson({
          _id: '{{@ system @}}',
          type: 'system:rest',
          url_pattern: 'https://{{@ subdomain @}}.example.com/api/%s',
          verify_ssl: false,
          oauth2: {
            access_token: '$SECRET(oauth_access_token)',
            client_id: '$SECRET(oauth_client_id)',
            client_secret: '$SECRET(oauth_client_secret)',
            refresh_token: '$SECRET(oauth_refresh_token)',
            token_url: '{{@ token_url @}}',
          },
          operations: {},
        }),
      );
      await run();
      expect(config()['auth']).toEqual({
        type: 'oauth2',
        loginUrl: 'https://x.example.com/authorize',
        tokenUrl: 'https://x.example.com/token',
        scopes: ['read'],
      });
      expect(keysOf(config())).not.toContain('manifestFile');
      expectRoundTrip();
    });

    it('imports a connector this workspace built, with the manifest generated again', async () => {
      await connectorGenerator(tree, {
        system: 'demo',
        datatypes: 'order,invoice:webhook',
        auth: 'oauth2',
        skipFormat: true,
      });
      const built = renderTreeConnector(tree, 'demo');
      rmSync(sourceDir, { recursive: true });
      for (const [path, text] of built) write(path, text);
      await run({ system: 'again' });
      const config = readTreeJson(tree, 'packages/connectors/again/connector.json');
      expect(keysOf(config)).not.toContain('manifestFile');
      expect(config['auth']).toMatchObject({ type: 'oauth2' });
      expect(renderTreeConnector(tree, 'again')).toEqual(built);
    });

    it('keeps a source that breaks validation rules as it is: the build skips validation, the README lists the problems', async () => {
      const broken = '[{"_id": "{{@ system @}}-{{@ datatype @}}-collect", "type": "pipe"}]';
      write('templates/order.json', broken);
      await run();
      expect(tree.read('packages/connectors/shop/raw/templates/order.json', 'utf-8')).toBe(broken);
      expect(readTreeJson(tree, 'packages/connectors/shop/project.json')).toEqual({
        $schema: '../../../node_modules/nx/schemas/project-schema.json',
        name: 'shop-connector',
        targets: { build: { options: { validate: false } } },
      });
      const readme = tree.read('packages/connectors/shop/README.md', 'utf-8') ?? '';
      expect(readme).toContain('## Known problems');
      expect(readme).toContain(
        "templates/order.json:[0].source  error  sesam/expand  expansion fails: 'source' of a component",
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('breaks 1 validation rule(s), so the build would refuse it'),
      );
      expectRoundTrip();
    });

    it('never changes the source folder', async () => {
      write('templates/unused.json', '{}');
      const before = snapshot(sourceDir);
      await run();
      expect(snapshot(sourceDir)).toEqual(before);
    });

    it('leaves out files no datatype uses, and says so in the README', async () => {
      write('templates/old.json', '[]');
      await run();
      expect(tree.exists('packages/connectors/shop/raw/templates/old.json')).toBe(false);
      expect(tree.read('packages/connectors/shop/README.md', 'utf-8')).toContain('## Not imported');
      expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('templates/old.json'));
    });

    it('does not import <profile>-env.json files, and says so', async () => {
      write('test-env.json', '{}');
      await run();
      expect(tree.exists('packages/connectors/shop/test-env.json')).toBe(false);
      expect(logger.info).toHaveBeenCalledWith(expect.stringContaining('Not imported: test-env.json'));
    });

    it('writes a README with the source and the datatypes table', async () => {
      await run();
      const readme = tree.read('packages/connectors/shop/README.md', 'utf-8') ?? '';
      expect(readme).toContain(`Imported from \`${sourceDir}\``);
      expect(readme).toContain(
        '| `refund` | refund | `raw` | `-collect` | verbatim template `raw/templates/order.json` |',
      );
      expect(readme).toContain('npx nx build shop-connector');
      expect(readme.replace(/\s+/g, ' ')).toContain('Every datatype uses the `raw` pattern');
    });

    it('adopting, says in the README how many datatypes the patterns render and how many stay raw', async () => {
      await run({ verbatim: false });
      const prose = (tree.read('packages/connectors/shop/README.md', 'utf-8') ?? '').replace(/\s+/g, ' ');
      const datatypes = Object.values(config()['datatypes'] as Record<string, { pattern: string }>);
      const adopted = datatypes.filter((datatype) => datatype.pattern !== 'raw').length;
      expect(adopted).toBeGreaterThan(0);
      expect(prose).toContain(
        `${adopted} of ${datatypes.length} datatypes are rendered from the pack's patterns`,
      );
      expect(prose).not.toContain('Every datatype uses the `raw` pattern');
      expect(prose).toContain('byte for byte the node config the source expands to');
    });

    it('adopting, leaves out pattern where it is the default one (collect), and builds back the same', async () => {
      await run({ verbatim: false });
      const datatypes = config()['datatypes'] as Record<string, Record<string, unknown>>;
      const unnamed = Object.keys(datatypes).filter((name) => !('pattern' in datatypes[name]!));
      expect(unnamed.length).toBeGreaterThan(0);
      for (const datatype of Object.values(datatypes)) expect(datatype['pattern']).not.toBe('collect');
      const rendered = renderTreeConnector(tree, 'shop');
      expect(unnamed).toContain('order');
      const path = 'templates/order.json';
      expect(JSON.parse(rendered.get(path)!)).toEqual(
        JSON.parse(readFileSync(join(sourceDir, path), 'utf8')),
      );
    });

    it("leaves out the connector's label when it is the default (the system name, first letter upper-cased)", async () => {
      await run({ verbatim: false });
      expect(keysOf(config())).not.toContain('label');
      expect(renderTreeConnector(tree, 'shop').size).toBeGreaterThan(0);
    });

    it('runs formatFiles without failing when skipFormat is false', async () => {
      jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      await run({ skipFormat: false });
      expectRoundTrip();
    });
  });

  describe('a source the engine cannot render: kept verbatim', () => {
    const readme = () => tree.read('packages/connectors/shop/README.md', 'utf-8') ?? '';
    /** The README's text with line breaks as spaces (its prose is wrapped). */
    const prose = () => readme().replace(/\s+/g, ' ');
    const because = (reason: string) =>
      `\`restSystem\` and \`auth\` cannot render the system template byte for byte, because ${reason}`;
    const expectSystemFile = () => {
      expect(config()['systemFile']).toBe('raw/templates/system.json');
      expect(config()['manifestFile']).toBe('raw/manifest.json');
      expect(keysOf(config())).not.toContain('auth');
      expect(keysOf(config())).not.toContain('restSystem');
      expect(tree.read('packages/connectors/shop/raw/templates/system.json', 'utf-8')).toBe(
        readFileSync(join(sourceDir, 'templates/system.json'), 'utf8'),
      );
      expectRoundTrip();
    };

    it('adopting, writes operations that repeat one shape per role once, as restSystem.operationDefaults', async () => {
      const list = (path: string) => ({
        id_expression: '{{ id }}',
        method: 'GET',
        next_page_link: `{{@ base_url @}}/v2/${path}?from={{ body.from + body.count }}`,
        payload_property: 'values',
        url: `${path}?fields=*,changes`,
      });
      const system = toCanonicalJson({
        ...JSON.parse(SYSTEM_JSON),
        operations: { 'order-list': list('order'), 'refund-list': list('sales/refund') },
      });
      write('templates/system.json', system);
      await run({ verbatim: false });
      const restSystem = config()['restSystem'] as Record<string, unknown>;
      expect(restSystem['operationDefaults']).toEqual({
        list: {
          id_expression: '{{ id }}',
          next_page_link: '{{@ base_url @}}/v2/${path}?from={{ body.from + body.count }}',
          payload_property: 'values',
          url: '${path}?fields=*,changes',
        },
      });
      expect(keysOf(restSystem)).not.toContain('operations');
      expect((config()['datatypes'] as Record<string, Record<string, unknown>>)['refund']).toMatchObject({
        path: 'sales/refund',
      });
      expect(renderTreeConnector(tree, 'shop').get('templates/system.json')).toBe(system);
    });

    it('adopts a system template that is not in the canonical layout: restSystem renders it, the node config is the same', async () => {
      const indented = `${JSON.stringify(JSON.parse(SYSTEM_JSON), null, 4)}\n`;
      write('templates/system.json', indented);
      await run({ verbatim: false });
      expect(keysOf(config())).not.toContain('systemFile');
      expect(keysOf(config())).not.toContain('manifestFile');
      expect(config()['restSystem']).toMatchObject({
        urlPattern: 'https://{{@ subdomain @}}.example.com/api/%s',
      });
      const built = renderTreeConnector(tree, 'shop').get('templates/system.json')!;
      expect(built).not.toBe(indented);
      expect(built).toBe(SYSTEM_JSON);
    });

    it('adopting, copies a system the pattern cannot render (systemFile) and still generates the manifest, its auth passed through', async () => {
      const bigquery = { _id: '{{@ system @}}', type: 'system:bigquery', project: '{{@ subdomain @}}' };
      write('templates/system.json', toCanonicalJson(bigquery));
      await run({ verbatim: false });
      expect(config()['systemFile']).toBe('raw/templates/system.json');
      expect(keysOf(config())).not.toContain('manifestFile');
      expect(keysOf(config())).not.toContain('auth');
      expect(config()['manifest']).toEqual({ auth: 'api_key' });
      expect(changedPackagePaths(tree)).not.toContain('packages/connectors/shop/raw/manifest.json');
      expect(prose()).toContain(because('it is not a "{{@ system @}}" system:rest system.'));
      const built = renderTreeConnector(tree, 'shop');
      expect(built.get('manifest.json')).toBe(toCanonicalJson(MANIFEST));
      expect(built.get('templates/system.json')).toBe(toCanonicalJson(bigquery));
    });

    it('--verbatim copies a system template that is not in the canonical layout (systemFile, with the manifest), saying why', async () => {
      write('templates/system.json', `${SYSTEM_JSON}\n`);
      await run();
      expectSystemFile();
      expect(prose()).toContain(
        because(
          'it is not in the canonical layout the build writes (keys sorted, 2-space indent, no final newline).',
        ),
      );
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringMatching(
          /templates\/system.json is copied verbatim \(systemFile\): restSystem and auth cannot render/,
        ),
      );
    });

    it('copies a system template that is not one system:rest object', async () => {
      write(
        'templates/system.json',
        toCanonicalJson([{ _id: '{{@ system @}}', type: 'system:microservice' }]),
      );
      await run();
      expectSystemFile();
      expect(prose()).toContain(because('it is not a single system object.'));
    });

    it('renders a system that sends no login as auth none, with its own basic authentication properties', async () => {
      const open = {
        _id: '{{@ system @}}',
        authentication: 'basic',
        operations: {},
        password: '',
        type: 'system:rest',
        url_pattern: 'https://x.example.com/%s',
        username: '$SECRET(api_key)',
        verify_ssl: true,
      };
      write('templates/system.json', toCanonicalJson(open));
      await run();
      expect(config()['auth']).toEqual({ type: 'none' });
      expect(config()['restSystem']).toMatchObject({
        properties: { authentication: 'basic', password: '', username: '$SECRET(api_key)' },
      });
      expect(keysOf(config())).not.toContain('systemFile');
      expectRoundTrip();
    });

    it('copies a system whose auth settings no auth type renders', async () => {
      write(
        'templates/system.json',
        toCanonicalJson({
          _id: '{{@ system @}}',
          headers: {},
          type: 'system:rest',
          url_pattern: 'https://x.example.com/%s',
          verify_ssl: true,
          operations: {},
        }),
      );
      await run();
      expectSystemFile();
      expect(prose()).toContain(because('no auth type of connector.json renders its auth settings exactly'));
    });

    it('copies a system template that is not valid JSON; the build skips the validation that fails on it', async () => {
      write('templates/system.json', SYSTEM_JSON.replace('",\n', '"\n'));
      await run();
      expectSystemFile();
      expect(readTreeJson(tree, 'packages/connectors/shop/project.json')['targets']).toEqual({
        build: { options: { validate: false } },
      });
      expect(readme()).toContain(
        'templates/system.json:$  error  sesam/expand  expansion fails: rendered text is not valid JSON',
      );
    });

    it('keeps a manifest that names a missing template: the README and a warning say so, the build writes the rest', async () => {
      write(
        'manifest.json',
        toCanonicalJson({
          ...MANIFEST,
          datatypes: { ...MANIFEST.datatypes, country: { template: 'templates/country.json' } },
        }),
      );
      await run();
      expect(config()['manifestFile']).toBe('raw/manifest.json');
      expect((config()['datatypes'] as Record<string, unknown>)['country']).toEqual({
        pattern: 'raw',
        template: 'templates/country.json',
      });
      expect(tree.exists('packages/connectors/shop/raw/templates/country.json')).toBe(false);
      expect(readme()).toContain('## Missing templates');
      expect(readme()).toContain('- `templates/country.json`');
      expect(readme()).toContain("expansion fails: 'templates/country.json' not found");
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('manifest.json names templates that do not exist: templates/country.json.'),
      );
      expect([...renderTreeConnector(tree, 'shop').keys()]).toEqual([
        'manifest.json',
        'templates/system.json',
        'templates/order.json',
      ]);
      expectRoundTrip();
    });

    it('keeps a legacy datatype name with the manifest verbatim (the build warns, validation reports it)', async () => {
      write(
        'manifest.json',
        toCanonicalJson({ ...MANIFEST, datatypes: { 'order-line': { template: 'templates/order.json' } } }),
      );
      await run();
      expect(config()['manifestFile']).toBe('raw/manifest.json');
      expect(config()['restSystem']).toBeDefined();
      expect(keysOf(config()['datatypes'])).toEqual(['order-line']);
      expect(readme()).toContain('strict/datatype-name  datatype name "order-line" contains');
      expectRoundTrip();
    });

    it('adopting, renders the system of a connector with a legacy datatype name and copies only its manifest', async () => {
      write(
        'manifest.json',
        toCanonicalJson({ ...MANIFEST, datatypes: { 'order-line': { template: 'templates/order.json' } } }),
      );
      await run({ verbatim: false });
      expect(config()['manifestFile']).toBe('raw/manifest.json');
      expect(keysOf(config())).not.toContain('systemFile');
      expect(config()['restSystem']).toBeDefined();
      expect(config()['datatypes']).toMatchObject({ 'order-line': { pattern: 'raw' } });
      expect(renderTreeConnector(tree, 'shop').get('templates/system.json')).toBe(SYSTEM_JSON);
    });

    it('imports a connector without datatypes', async () => {
      write('manifest.json', toCanonicalJson({ ...MANIFEST, datatypes: {} }));
      await run();
      expect(config()['datatypes']).toEqual({});
      expect(config()['manifestFile']).toBe('raw/manifest.json');
      const rendered = renderTreeConnector(tree, 'shop');
      expect(rendered.get('manifest.json')).toBe(readFileSync(join(sourceDir, 'manifest.json'), 'utf8'));
      expect(rendered.get('templates/system.json')).toBe(SYSTEM_JSON);
    });
  });

  describe('the system name', () => {
    it('comes from the folder name without -connector and @branch', async () => {
      await run();
      expect(config()['system']).toBe('shop');
    });

    it('is --system when given', async () => {
      await run({ system: 'myshop' });
      expect(readTreeJson(tree, 'packages/connectors/myshop/connector.json')['system']).toBe('myshop');
      expectRoundTrip('myshop');
    });

    it('must be given when the folder name is not a valid one', async () => {
      const other = join(workDir, 'training-tripletex@main');
      mkdirSync(other);
      await expectUserError(
        { source: other },
        /^--system: the source folder "training-tripletex@main" gives the system name "training-tripletex", which is not valid: system name "training-tripletex" contains '-'.*Pass --system <name>\.$/s,
      );
    });

    it('rejects an invalid --system', async () => {
      await expectUserError({ system: 'My Shop' }, /^--system: system name "My Shop" contains whitespace/);
    });

    it('never overwrites an existing package', async () => {
      tree.write('packages/connectors/shop/connector.json', '{}');
      await expectUserError(
        {},
        /^packages\/connectors\/shop already exists; the import generator never overwrites a package/,
      );
      expect(tree.read('packages/connectors/shop/connector.json', 'utf-8')).toBe('{}');
    });
  });

  describe('a source that cannot be imported (nothing is written)', () => {
    it('needs --source', async () => {
      await expectUserError({ source: ' ' }, /^--source: give the connector folder to import/);
    });

    it('names a folder that does not exist', async () => {
      await expectUserError(
        { source: join(workDir, 'nothere') },
        /--source: .*nothere does not exist; point --source at a connector folder/,
      );
    });

    it('names a folder without manifest.json', async () => {
      rmSync(join(sourceDir, 'manifest.json'));
      await expectUserError({}, /--source: .*shop-connector@main has no manifest.json/);
    });

    it('reports a malformed manifest with the file, line and column', async () => {
      write('manifest.json', '{\n  "auth": "api_key"\n  "datatypes": {}\n}');
      await expectUserError(
        {},
        /shop-connector@main\/manifest.json: Expecting ',' delimiter: line 3 column 3 \(char 24\)\. The source manifest must be valid JSON/,
      );
    });

    it('reports a manifest whose root is not an object', async () => {
      write('manifest.json', '[]');
      await expectUserError({}, /manifest.json: the root must be a JSON object\.$/);
    });

    it('reports datatypes that are not an object with the JSON path', async () => {
      write('manifest.json', toCanonicalJson({ ...MANIFEST, datatypes: [] }));
      await expectUserError({}, /manifest.json: datatypes: must be an object/);
    });

    it('reports a template that is not a string with the JSON path', async () => {
      write('manifest.json', toCanonicalJson({ ...MANIFEST, datatypes: { order: { template: 7 } } }));
      await expectUserError(
        {},
        /manifest.json: datatypes.order.template: must be a string, the template file's path/,
      );
    });

    it('reports a datatype key that is not an identifier with bracket notation', async () => {
      write('manifest.json', toCanonicalJson({ ...MANIFEST, datatypes: { 'order-line': 'x' } }));
      await expectUserError(
        {},
        /manifest.json: datatypes\["order-line"\]: must be an object with a "template"/,
      );
    });

    it('refuses template paths outside the folder', async () => {
      write('manifest.json', toCanonicalJson({ ...MANIFEST, 'system-template': '../system.json' }));
      await expectUserError(
        {},
        /manifest.json: system-template: "..\/system.json" must be a relative path inside the connector folder/,
      );
    });

    it('refuses a manifest whose system template does not exist', async () => {
      rmSync(join(sourceDir, 'templates/system.json'));
      await expectUserError(
        {},
        /Cannot import .* byte for byte:\n {2}- .*manifest.json refers to the system template templates\/system.json, which does not exist \(sesam expand fails on it as well\)/,
      );
    });

    it("refuses datatype names no package keeps, with the build's message", async () => {
      write(
        'manifest.json',
        toCanonicalJson({ ...MANIFEST, datatypes: { 'order/line': { template: 'templates/order.json' } } }),
      );
      await expectUserError(
        {},
        /connector.json: datatypes\["order\/line"\]: datatype name "order\/line" contains a path separator/,
      );
    });
  });
});
