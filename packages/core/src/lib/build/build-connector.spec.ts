import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  minimalConnector,
  tempDir,
  thrownBy,
  verbatimConnector,
  verbatimFiles,
  WORKSPACE_ROOT,
  writeConnectorPackage,
} from '../../../test/connector-fixtures';
import { ConnectorConfigError } from '../config/problems';
import { listFiles } from '../fs';
import { parseJson, toCanonicalJson } from '../json';
import { RawFileError } from '../config';
import { TemplateRenderError } from '../render';
import { buildConnector } from './build-connector';
import { ConnectorValidationError } from './errors';
import { folderValidationStore, validationKey, validatorFingerprint } from './validation-store';

const SHOPIFY = join(WORKSPACE_ROOT, 'packages', 'connectors', 'shopify');

/** Every file under `dir` (relative paths, sorted) with its bytes. */
const snapshot = (dir: string): Map<string, Buffer> =>
  new Map(listFiles(dir).map((path) => [path, readFileSync(join(dir, path))]));

/** A temporary copy of the Shopify package (its sources, not its output). */
function shopifyCopy(): string {
  const dir = join(tempDir(), 'shopify');
  mkdirSync(dir);
  cpSync(join(SHOPIFY, 'connector.json'), join(dir, 'connector.json'));
  if (existsSync(join(SHOPIFY, 'raw'))) cpSync(join(SHOPIFY, 'raw'), join(dir, 'raw'), { recursive: true });
  return dir;
}

const outputOf = (pkg: string) => snapshot(join(pkg, 'connector'));

describe('buildConnector: Shopify end to end', () => {
  it('builds a copy of the Shopify package byte for byte like the committed connector/', async () => {
    const pkg = shopifyCopy();
    const result = buildConnector(pkg);
    const committed = snapshot(join(SHOPIFY, 'connector'));
    for (const path of [...committed.keys()]) if (path.startsWith('.expanded/')) committed.delete(path);
    expect(result.files).toEqual([
      'manifest.json',
      'templates/system.json',
      'templates/order.json',
      'templates/customer.json',
      'templates/product.json',
      'templates/webhook.json',
    ]);
    expect([...outputOf(pkg).keys()]).toEqual([...committed.keys()]);
    for (const [path, bytes] of outputOf(pkg))
      expect([path, bytes.toString('utf8')]).toEqual([path, committed.get(path)!.toString('utf8')]);
  });

  it('is byte-stable: a second build writes identical files', async () => {
    const pkg = shopifyCopy();
    buildConnector(pkg);
    const first = outputOf(pkg);
    buildConnector(pkg);
    expect(outputOf(pkg)).toEqual(first);
  });

  it('writes every file in the canonical format (toCanonicalJson(parseJson(file)) is the file)', async () => {
    const pkg = shopifyCopy();
    buildConnector(pkg);
    const files = outputOf(pkg);
    expect(files.size).toBe(6);
    for (const [path, bytes] of files) {
      const text = bytes.toString('utf8');
      expect([path, toCanonicalJson(parseJson(text, path))]).toEqual([path, text]);
    }
  });
});

describe('buildConnector: bad input changes nothing on disk', () => {
  const cases: [string, (c: Record<string, any>) => void, string][] = [
    ['a missing field', (c) => delete c['restSystem'], 'restSystem: required field is missing'],
    ['a wrong type', (c) => (c['label'] = ['Acme']), 'label: must be a string (found an array)'],
    [
      'an unknown pattern',
      (c) => (c['datatypes']['order']['pattern'] = 'stream'),
      'datatypes.order.pattern: must be one of collect, webhook, webhook-registry, share, raw',
    ],
    [
      "a datatype name with '-'",
      (c) => (c['datatypes']['order-line'] = { pattern: 'collect' }),
      `datatypes["order-line"]: datatype name "order-line" contains '-'`,
    ],
    [
      "a datatype name with '/'",
      (c) => (c['datatypes']['a/b'] = { pattern: 'collect' }),
      `datatypes["a/b"]: datatype name "a/b" contains a path separator`,
    ],
    [
      "a datatype name '..'",
      (c) => (c['datatypes']['..'] = { pattern: 'collect' }),
      `datatypes[".."]: datatype name ".." contains '.'`,
    ],
    [
      'an upper-case datatype name',
      (c) => (c['datatypes']['Order'] = { pattern: 'collect' }),
      'datatypes.Order: datatype name "Order" has upper-case letters',
    ],
    [
      'a datatype name with a space',
      (c) => (c['datatypes']['sales order'] = { pattern: 'collect' }),
      `datatypes["sales order"]: datatype name "sales order" contains whitespace`,
    ],
  ];

  it.each(cases)('%s: a clear error, and no connector/ is created', async (_, change, reason) => {
    const connector = minimalConnector();
    change(connector);
    const parent = tempDir();
    const pkg = writeConnectorPackage(parent, 'acme', connector);
    const error = thrownBy(() => buildConnector(pkg, { displayRoot: parent }));
    expect(error).toBeInstanceOf(ConnectorConfigError);
    expect((error as Error).message).toContain(`acme/connector.json: ${reason}`);
    expect(readdirSync(pkg)).toEqual(['connector.json']);
  });

  it.each(cases)('%s: the previous output stays exactly as it was', async (_, change) => {
    const pkg = writeConnectorPackage(tempDir(), 'acme', minimalConnector());
    buildConnector(pkg);
    const before = outputOf(pkg);
    const connector = minimalConnector();
    change(connector);
    writeConnectorPackage(join(pkg, '..'), 'acme', connector);
    expect(() => buildConnector(pkg)).toThrow(ConnectorConfigError);
    expect(outputOf(pkg)).toEqual(before);
    expect(readdirSync(pkg).sort()).toEqual(['connector', 'connector.json']);
  });

  it('a pack template that renders invalid JSON: the error names the pattern file and line, the output is untouched', async () => {
    const pack = join(tempDir(), 'pack');
    cpSync(join(WORKSPACE_ROOT, 'packages', 'template-pack', 'patterns'), join(pack, 'patterns'), {
      recursive: true,
    });
    const wipe = join(pack, 'patterns', 'webhook-registry', 'wipe.json.ejs');
    writeFileSync(wipe, readFileSync(wipe, 'utf8').replace('"type": "dataset",', '"type": "dataset"'));
    const pkg = writeConnectorPackage(tempDir(), 'acme', minimalConnector());
    buildConnector(pkg);
    const before = outputOf(pkg);

    const error = thrownBy(() => buildConnector(pkg, { packDir: pack, displayRoot: pack }));
    expect(error).toBeInstanceOf(TemplateRenderError);
    expect((error as Error).message).toMatch(
      /^patterns\/webhook-registry\/wipe\.json\.ejs: rendered invalid JSON for connector acme, datatype webhook: Expecting ',' delimiter: line 13 column 5 \(char \d+\)\n  rendered line 13: "dataset": "\{\{@ system @\}\}-\{\{@ datatype @\}\}-collect"$/,
    );
    // Values go in on one line each, so a rendered line number is the template's line number.
    expect(readFileSync(wipe, 'utf8').split('\n')[12]!.trim()).toBe(
      '"dataset": "{{@ system @}}-{{@ datatype @}}-collect"',
    );
    expect(outputOf(pkg)).toEqual(before);
    expect(readdirSync(pkg).sort()).toEqual(['connector', 'connector.json']);
  });

  it('output the validator rejects is not swapped in: the error lists its findings, the output is untouched', async () => {
    const pkg = writeConnectorPackage(tempDir(), 'acme', minimalConnector());
    buildConnector(pkg);
    const before = outputOf(pkg);
    // {{@ service_url @}} no longer declared (set additional_parameters are not derived from the templates)
    const undeclared = { ...minimalConnector(), manifest: { additional_parameters: {} } };
    writeConnectorPackage(join(pkg, '..'), 'acme', undeclared);
    const error = thrownBy(() => buildConnector(pkg));
    expect(error).toBeInstanceOf(ConnectorValidationError);
    expect((error as Error).message).toContain(
      'acme: the rendered connector does not validate (previous output kept):\n',
    );
    expect((error as Error).message).toContain(
      "templates/order.json:[4].source.entities[0].properties.webhook.address  error  strict/undefined-variable  'service_url' is undefined",
    );
    expect(outputOf(pkg)).toEqual(before);
    expect(readdirSync(pkg).sort()).toEqual(['connector', 'connector.json']);
  });

  it('accepts the errors of the rules it is told to (acceptedRules) as warnings, and still fails on the others', async () => {
    const pkg = writeConnectorPackage(tempDir(), 'acme', minimalConnector());
    // {{@ service_url @}} no longer declared (set additional_parameters are not derived from the templates)
    const undeclared = { ...minimalConnector(), manifest: { additional_parameters: {} } };
    writeConnectorPackage(join(pkg, '..'), 'acme', undeclared);
    const error = thrownBy(() => buildConnector(pkg, { acceptedRules: ['sesam/collect-template'] }));
    expect(error).toBeInstanceOf(ConnectorValidationError);
    expect(readdirSync(pkg).sort()).toEqual(['connector.json']);

    const result = buildConnector(pkg, { acceptedRules: ['strict/undefined-variable'] });
    expect(result.written).toBe(true);
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^accepted \(acceptedRules in project\.json\): templates\/order\.json:\[4\]\.source\.entities\[0\]\.properties\.webhook\.address {2}error {2}strict\/undefined-variable {2}'service_url' is undefined/,
      ),
    ]);
    expect(readdirSync(join(pkg, 'connector')).sort()).toEqual(['manifest.json', 'templates']);
  });

  it('a raw file that is not UTF-8 is refused before anything is written', async () => {
    const connector = minimalConnector();
    connector['datatypes']['country'] = { pattern: 'raw', template: 'templates/country.json' };
    const pkg = writeConnectorPackage(tempDir(), 'acme', connector, {
      'raw/templates/country.json': Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]),
    });
    expect(() => buildConnector(pkg, { displayRoot: pkg })).toThrow(
      new RawFileError(
        'raw/templates/country.json: not valid UTF-8 (byte 0xff at offset 2); save the file as UTF-8',
      ),
    );
    expect(existsSync(join(pkg, 'connector'))).toBe(false);
  });
});

describe('buildConnector: output folder', () => {
  it('replaces stale files, keeps connector/.expanded, and removes what a killed build left behind', async () => {
    const pkg = writeConnectorPackage(tempDir(), 'acme', minimalConnector());
    buildConnector(pkg);
    writeFileSync(join(pkg, 'connector', 'templates', 'stale.json'), '{}');
    mkdirSync(join(pkg, 'connector', '.expanded', 'pipes'), { recursive: true });
    writeFileSync(join(pkg, 'connector', '.expanded', 'pipes', 'x.conf.json'), '{"kept": true}');
    mkdirSync(join(pkg, '.connector.staging-leftover'));

    buildConnector(pkg);
    const files = outputOf(pkg);
    expect([...files.keys()]).toEqual([
      '.expanded/pipes/x.conf.json',
      'manifest.json',
      'templates/order.json',
      'templates/system.json',
      'templates/webhook.json',
    ]);
    expect(files.get('.expanded/pipes/x.conf.json')!.toString()).toBe('{"kept": true}');
    expect(readdirSync(pkg).sort()).toEqual(['connector', 'connector.json']);
  });

  it('copies raw templates and the manifestFile byte for byte', async () => {
    const raw =
      '[\n  {"_id": "{{@ system @}}-{{@ datatype @}}-collect", "type": "pipe", "comment": "Grüße 😀",\n' +
      '   "source": {"type": "embedded", "entities": []}}\n]\n';
    const { manifest: _, ...connector }: Record<string, any> = {
      ...minimalConnector(),
      manifestFile: 'raw/manifest.json',
    };
    connector['datatypes']['country'] = { pattern: 'raw', template: 'templates/country.json' };
    const manifest =
      '{"additional_parameters": {"service_url": {}}, "auth": "api_key",\n' +
      ' "datatypes": {"order": {"template": "templates/order.json"}, "webhook": {"template": "templates/webhook.json"},\n' +
      ' "country": {"template": "templates/country.json", "label": "Land"}}, "system-template": "templates/system.json"}';
    const pkg = writeConnectorPackage(tempDir(), 'acme', connector, {
      'raw/templates/country.json': raw,
      'raw/manifest.json': manifest,
    });
    buildConnector(pkg);
    expect(readFileSync(join(pkg, 'connector', 'templates', 'country.json'))).toEqual(
      Buffer.from(raw, 'utf8'),
    );
    expect(readFileSync(join(pkg, 'connector', 'manifest.json'))).toEqual(Buffer.from(manifest, 'utf8'));
  });
});

describe('buildConnector: an imported package that keeps its source verbatim', () => {
  /** A source with a legacy datatype name and a template its manifest names but never had. */
  const legacyPackage = (): string => {
    const connector = verbatimConnector();
    connector['datatypes'] = {
      'order-line': { pattern: 'raw', template: 'templates/order.json' },
      country: { pattern: 'raw', template: 'templates/country.json' },
    };
    const files = verbatimFiles({ 'order-line': 'templates/order.json', country: 'templates/country.json' });
    delete files['raw/templates/country.json'];
    return writeConnectorPackage(tempDir(), 'acme', connector, files);
  };

  it('copies the manifest, the system template and the templates that exist byte for byte, and warns about the rest', async () => {
    const pkg = legacyPackage();
    const result = buildConnector(pkg, { displayRoot: join(pkg, '..'), validate: false });
    expect(result.files).toEqual(['manifest.json', 'templates/system.json', 'templates/order.json']);
    for (const path of result.files) {
      expect([path, readFileSync(join(pkg, 'connector', path), 'utf8')]).toEqual([
        path,
        readFileSync(join(pkg, 'raw', path), 'utf8'),
      ]);
    }
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^acme\/connector.json: datatypes\["order-line"\]: datatype name "order-line" contains '-'.*Kept as imported/,
      ),
      expect.stringMatching(
        /^acme\/connector.json: datatypes.country.template: raw\/templates\/country.json does not exist, so the build writes no templates\/country.json/,
      ),
    ]);
  });

  it('with validation on, the validator refuses what sesam refuses, and nothing is written', async () => {
    const pkg = legacyPackage();
    const error = thrownBy(() => buildConnector(pkg));
    expect(error).toBeInstanceOf(ConnectorValidationError);
    const { problems } = error as ConnectorValidationError;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('strict/datatype-name'),
        expect.stringContaining("expansion fails: 'templates/country.json' not found"),
      ]),
    );
    expect(existsSync(join(pkg, 'connector'))).toBe(false);
  });
});

describe('buildConnector: a validation store', () => {
  const label = (pkg: string) => join(pkg, 'connector');

  it('remembers a validation that passed under the key of exactly the rendered files', async () => {
    const store = folderValidationStore(join(tempDir(), 'validated'));
    const pkg = writeConnectorPackage(tempDir(), 'acme', minimalConnector());
    const result = buildConnector(pkg, { validationStore: store, displayRoot: '/' });
    const files = new Map(
      result.files.map((file) => [file, readFileSync(join(pkg, 'connector', file), 'utf8')]),
    );
    expect(store.read(relative('/', label(pkg)))).toEqual({
      key: validationKey(validatorFingerprint(), relative('/', label(pkg)), files),
      warnings: [],
    });
  });

  it('does not validate the same rendered files again: the stored warnings come back instead', async () => {
    const store = folderValidationStore(join(tempDir(), 'validated'));
    const pkg = writeConnectorPackage(tempDir(), 'acme', minimalConnector());
    buildConnector(pkg, { validationStore: store });
    const slot = label(pkg);
    store.write(slot, { key: store.read(slot)!.key, warnings: ['planted: only the store says this'] });
    expect(buildConnector(pkg, { validationStore: store }).warnings).toEqual([
      'planted: only the store says this',
    ]);
    // Without the store the validator runs, and it has nothing to say.
    expect(buildConnector(pkg).warnings).toEqual([]);
  });

  it('validates again when the rendered files change, and replaces the entry', async () => {
    const store = folderValidationStore(join(tempDir(), 'validated'));
    const pkg = writeConnectorPackage(tempDir(), 'acme', minimalConnector());
    buildConnector(pkg, { validationStore: store });
    const slot = label(pkg);
    const first = store.read(slot)!.key;
    store.write(slot, { key: first, warnings: ['planted'] });
    const changed = minimalConnector();
    changed['restSystem']['urlPattern'] = 'https://api.acme.test/v2/%s';
    writeConnectorPackage(join(pkg, '..'), 'acme', changed);
    expect(buildConnector(pkg, { validationStore: store }).warnings).toEqual([]);
    const replaced = store.read(slot)!;
    expect(replaced.warnings).toEqual([]);
    expect(replaced.key).not.toBe(first);
  });

  it('never stores a validation with errors: the next build fails the same way', async () => {
    const store = folderValidationStore(join(tempDir(), 'validated'));
    // {{@ service_url @}} no longer declared (set additional_parameters are not derived from the templates)
    const undeclared = { ...minimalConnector(), manifest: { additional_parameters: {} } };
    const pkg = writeConnectorPackage(tempDir(), 'acme', undeclared);
    for (let run = 0; run < 2; run++) {
      expect(thrownBy(() => buildConnector(pkg, { validationStore: store }))).toBeInstanceOf(
        ConnectorValidationError,
      );
      expect(store.read(label(pkg))).toBeUndefined();
    }
    expect(existsSync(join(pkg, 'connector'))).toBe(false);
  });
});
