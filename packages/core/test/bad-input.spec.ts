/**
 * Bad input, one row each: what goes in, the error that must come out, and that nothing was
 * written. The next defect of this kind gets a row here (build: a package folder; expand: the
 * `sesam-connectors expand` command in a connector folder; import: the import generator).
 */
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { logger } from '@nx/devkit';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { main } from '../src/cli/main';
import { importGenerator } from '../src/generators/import/generator';
import { expectUserError } from '../src/generators/testing/expect-user-error';
import { buildConnector, isUserError } from '../src/lib/build';
import { minimalConnector, tempDir, verbatimConnector, verbatimFiles } from './connector-fixtures';

/** Outside the package/connector folder: what a link must not lead to, and must never be quoted. */
const OUTSIDE_TEXT = 'root:x:0:0:root:/root:/bin/bash';

type Files = Record<string, string | Buffer | { link: string }>;

function writeFiles(root: string, files: Files): void {
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    if (typeof content === 'object' && 'link' in content) symlinkSync(join(root, content.link), file);
    else writeFileSync(file, content);
  }
}

/** Every entry below `root` with its bytes (files) or target (links): equal only if nothing changed. */
function snapshot(root: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) entries.set(prefix + name, `-> ${readlinkSync(path)}`);
      else if (stat.isDirectory()) {
        entries.set(`${prefix}${name}/`, '');
        walk(path, `${prefix}${name}/`);
      } else entries.set(prefix + name, readFileSync(path).toString('base64'));
    }
  };
  walk(root, '');
  return entries;
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** connector.json of a buildable package, changed by `edit`. */
const connectorWith = (edit: (c: Record<string, any>) => void): string => {
  const connector = minimalConnector();
  connector['datatypes']['customer'] = { pattern: 'collect', operations: { list: { url: 'customers' } } };
  edit(connector);
  return json(connector);
};
const customer = (c: Record<string, any>) => c['datatypes']['customer'];

// --- build: packages/connectors/<system>/ ------------------------------------------------------

const BUILD_CASES: [string, Files, string][] = [
  [
    'a datatype name of 250 characters (its pipe files would pass 255 bytes)',
    {
      'acme/connector.json': connectorWith((c) => (c['datatypes']['d'.repeat(250)] = { pattern: 'collect' })),
    },
    'datatype name is 250 bytes long: with system "acme" it may have at most 222',
  ],
  [
    'a datatype name of 10,000 characters',
    {
      'acme/connector.json': connectorWith(
        (c) => (c['datatypes']['d'.repeat(10_000)] = { pattern: 'collect' }),
      ),
    },
    'datatype name is 10000 bytes long',
  ],
  [
    'connector.json starting with the bytes \\xff\\xfe',
    {
      'acme/connector.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(connectorWith(() => {}))]),
    },
    'connector.json: not valid UTF-8 (byte 0xff at offset 0)',
  ],
  [
    'a raw template linked to a file outside the package',
    {
      'acme/connector.json': json(verbatimConnector()),
      ...Object.fromEntries(Object.entries(verbatimFiles()).map(([p, t]) => [`acme/${p}`, t])),
      'outside/passwd.json': OUTSIDE_TEXT,
      'acme/raw/templates/order.json': { link: 'outside/passwd.json' },
    },
    'raw/templates/order.json: is a symbolic link to a file outside',
  ],
  [
    'page_size 1e400 (would be written as Infinity)',
    {
      'acme/connector.json': connectorWith(() => {}).replace(
        '"url": "customers"',
        '"url": "customers", "page_size": 1e400',
      ),
    },
    '1e400 is beyond the range of a float (it would be Infinity)',
  ],
  [
    'page_size NaN',
    {
      'acme/connector.json': connectorWith(() => {}).replace(
        '"url": "customers"',
        '"url": "customers", "page_size": NaN',
      ),
    },
    'NaN is not a number Sesam accepts',
  ],
  [
    'page_size "x"',
    { 'acme/connector.json': connectorWith((c) => (customer(c).operations.list.page_size = 'x')) },
    'datatypes.customer.operations.list.page_size: must be an integer (found the string "x")',
  ],
  [
    'page_size 1.0',
    {
      'acme/connector.json': connectorWith(() => {}).replace(
        '"url": "customers"',
        '"url": "customers", "page_size": 1.0',
      ),
    },
    'page_size: must be an integer (found the number 1.0)',
  ],
  [
    'page_size 2^64',
    {
      'acme/connector.json': connectorWith(() => {}).replace(
        '"url": "customers"',
        '"url": "customers", "page_size": 18446744073709551616',
      ),
    },
    'page_size: must be at most 1000000',
  ],
  [
    'a duplicate key',
    {
      'acme/connector.json': connectorWith(() => {}).replace(
        '"url": "customers"',
        '"url": "customers", "url": "people"',
      ),
    },
    'Duplicate key "url" (first at line',
  ],
  [
    "sharePayloadKey {{@ 'a' * 999999999 @}} (expand-time Jinja exhausting memory)",
    {
      'acme/connector.json': connectorWith((c) => {
        customer(c).options = { share: true, sharePayloadKey: "{{@ 'a' * 999999999 @}}" };
      }),
    },
    'exceeds the limit of 10,000,000 (RENDER_LIMITS.valueLength)',
  ],
  [
    'an operation url looping over range(99999999) (expand-time Jinja hanging)',
    {
      'acme/connector.json': connectorWith((c) => {
        customer(c).operations.list.url = 'customers{{% for i in range(99999999) %}}x{{% endfor %}}';
      }),
    },
    'the range (99,999,999) exceeds the limit of 1,000,000 (RENDER_LIMITS.rangeLength)',
  ],
];

describe('bad input to the build: a clear error, nothing written', () => {
  it.each(BUILD_CASES)('%s', (_, files, message) => {
    const root = tempDir();
    writeFiles(root, files);
    const before = snapshot(root);
    let error: unknown;
    try {
      buildConnector(join(root, 'acme'), { displayRoot: join(root, 'acme') });
    } catch (caught) {
      error = caught;
    }
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain(OUTSIDE_TEXT);
    expect(snapshot(root)).toEqual(before);
  });
});

// --- expand: sesam-connectors expand, in a connector folder (conn/) -----------------------------

const MANIFEST = json({
  'system-template': 'templates/system.json',
  datatypes: { order: { template: 'templates/order.json' } },
});
const SYSTEM = json({ _id: '{{@ system @}}', type: 'system:rest', operations: { 'order-list': {} } });
const orderTemplate = (extra = ''): string =>
  `[{"_id": "{{@ system @}}-{{@ datatype @}}-collect", "type": "pipe"${extra},\n "source": {"type": "embedded", "entities": []}}]`;
const CONNECTOR: Files = {
  'conn/manifest.json': MANIFEST,
  'conn/templates/system.json': SYSTEM,
  'conn/templates/order.json': orderTemplate(),
};

const EXPAND_CASES: [string, Files, string[], number, string][] = [
  [
    "-e templates (the connector's own templates)",
    CONNECTOR,
    ['-e', 'templates'],
    1,
    "templates: the output folder holds the connector's templates/system.json",
  ],
  [
    '-e templates/new (inside the templates)',
    CONNECTOR,
    ['-e', 'templates/new'],
    1,
    "is inside the folder of the connector's templates/system.json",
  ],
  ['-e .. (a parent of the connector)', CONNECTOR, ['-e', '..'], 1, 'would contain the connector folder'],
  [
    '-e a folder of the user that expand did not write',
    { ...CONNECTOR, 'notes/todo.txt': 'mine' },
    ['-e', '../notes'],
    1,
    'is not empty and was not written by expand',
  ],
  [
    "a template printing 'a' * 999999999",
    { ...CONNECTOR, 'conn/templates/order.json': orderTemplate(`, "x": "{{@ 'a' * 999999999 @}}"`) },
    [],
    1,
    'templates/order.json:1: a repeated string or list (999,999,999) exceeds the limit of 10,000,000',
  ],
  [
    'a template looping over range(99999999)',
    {
      ...CONNECTOR,
      'conn/templates/order.json': orderTemplate(`, "x": "{{% for i in range(99999999) %}}x{{% endfor %}}"`),
    },
    [],
    1,
    'templates/order.json:1: the range (99,999,999) exceeds the limit of 1,000,000 (RENDER_LIMITS.rangeLength)',
  ],
  [
    'a template that is not UTF-8',
    {
      ...CONNECTOR,
      'conn/templates/order.json': Buffer.concat([
        Buffer.from(orderTemplate().slice(0, 20)),
        Buffer.from([0xc3, 0x28]),
      ]),
    },
    [],
    1,
    'templates/order.json: not valid UTF-8 (byte 0xc3 at offset 20)',
  ],
  [
    'a template linked to a file outside the connector',
    { ...CONNECTOR, 'outside/passwd': OUTSIDE_TEXT, 'conn/templates/order.json': { link: 'outside/passwd' } },
    [],
    1,
    'templates/order.json: is a symbolic link to a file outside',
  ],
  ['--profile ..', CONNECTOR, ['--profile', '..'], 2, '--profile may not be ..'],
  ['--profile ""', CONNECTOR, ['--profile', ''], 2, '--profile may not be empty'],
  [
    '--profile with a control character',
    CONNECTOR,
    ['--profile', 'a\u001b[2Jb'],
    2,
    '--profile may not contain control characters',
  ],
];

describe('bad input to sesam-connectors expand: a clear error, nothing written', () => {
  it.each(EXPAND_CASES)('%s', async (_, files, argv, code, message) => {
    const root = tempDir();
    writeFiles(root, files);
    const before = snapshot(root);
    const out: string[] = [];
    const io = {
      cwd: join(root, 'conn'),
      stdout: (l: string) => out.push(l),
      stderr: (l: string) => out.push(l),
    };
    expect(await main(['expand', ...argv], io)).toBe(code);
    const printed = out.join('\n');
    expect(printed).toContain(message);
    expect(printed).not.toContain(OUTSIDE_TEXT);
    expect(printed).not.toMatch(/\n\s+at /); // no stack trace
    expect(snapshot(root)).toEqual(before);
  });
});

// --- import: nx g @sesam-connectors/core:import --source <folder> -------------------------------

const SOURCE: Files = {
  'src/manifest.json': MANIFEST,
  'src/templates/system.json': SYSTEM,
  'src/templates/order.json': orderTemplate(),
};

const IMPORT_CASES: [string, Files, string][] = [
  [
    'a manifest.json that is a folder',
    { 'src/manifest.json/x': 'x' },
    'src/manifest.json: is a folder, not a file',
  ],
  [
    'a template linked to a file outside the source',
    {
      ...SOURCE,
      'outside/order.json': orderTemplate(),
      'src/templates/order.json': { link: 'outside/order.json' },
    },
    'src/templates/order.json: is a symbolic link to a file outside',
  ],
  [
    'a template that is not UTF-8 (the import would not round-trip it)',
    { ...SOURCE, 'src/templates/order.json': Buffer.from([0x5b, 0x7b, 0x7d, 0xff, 0x5d]) },
    'src/templates/order.json: not valid UTF-8 (byte 0xff at offset 3)',
  ],
];

describe('bad input to the import generator: a clear error, nothing written', () => {
  beforeEach(() => {
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it.each(IMPORT_CASES)('%s', async (_, files, message) => {
    const root = tempDir();
    writeFiles(root, files);
    const before = snapshot(root);
    const tree = createTreeWithEmptyWorkspace();
    await expectUserError(
      tree,
      () => importGenerator(tree, { source: join(root, 'src'), skipFormat: true }),
      message,
    );
    expect(snapshot(root)).toEqual(before);
  });
});
