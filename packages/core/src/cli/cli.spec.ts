import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

// The real bin, spawned in connector folders under the OS temp folder (outside the workspace).
const BIN = path.resolve(__dirname, '../../bin/sesam-connectors.js');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment without the colour switches (Jest's workers may set FORCE_COLOR). */
const plainEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
  const env = { ...process.env, ...extra };
  for (const key of ['FORCE_COLOR', 'NO_COLOR'] as const) if (!(key in extra)) delete env[key];
  return env;
};

const run = (cwd: string, ...args: string[]): Run => {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: plainEnv() });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a connector: objects as JSON. */
function connector(folder: string, files: Record<string, string | object>): string {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(folder, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return folder;
}

const shop = (extra: Record<string, string | object> = {}) => ({
  'manifest.json': {
    'system-template': 'templates/system.json',
    datatypes: { order: { template: 'templates/order.json' } },
  },
  'templates/system.json': { _id: '{{@ system @}}', type: 'system:rest', operations: { 'order-list': {} } },
  'templates/order.json': [
    {
      _id: '{{@ system @}}-{{@ datatype @}}-all',
      type: 'pipe',
      source: { type: 'rest', system: '{{@ system @}}', operation: '{{@ datatype @}}-list' },
    },
    {
      _id: '{{@ system @}}-{{@ datatype @}}-collect',
      type: 'pipe',
      source: { type: 'dataset', dataset: '{{@ system @}}-{{@ datatype @}}-all' },
    },
  ],
  ...extra,
});

const tree = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();

describe('sesam-connectors', () => {
  it('prints help (exit 0) and rejects wrong usage (exit 2)', () => {
    expect(run(dir, '--help')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Usage: sesam-connectors <command>'),
    });
    expect(run(dir, 'expand', '--help')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('--system-placeholder <id>'),
    });
    expect(run(dir, 'help', 'validate')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('--format text|json'),
    });
    expect(run(dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('Commands:') });
    expect(run(dir, 'collapse')).toMatchObject({
      code: 2,
      stderr:
        'sesam-connectors: unknown command collapse (commands: expand, validate, diagram, drift; see sesam-connectors --help)\n',
    });
    expect(run(dir, 'expand', '--bogus')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown option --bogus for expand'),
    });
    expect(run(dir, 'expand', 'nowhere')).toMatchObject({
      code: 2,
      stderr: 'sesam-connectors: no such folder: nowhere\n',
    });
    expect(run(dir, 'validate', '--format', 'xml')).toMatchObject({ code: 2 });
    expect(run(dir, 'expand', '--profile', 'a/b')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--profile may not contain /'),
    });
  });

  describe('expand', () => {
    it('expands the current folder into .expanded with sesam expand defaults, ignoring a tsconfig.json there', () => {
      connector(dir, { ...shop(), 'tsconfig.json': '{ this is not json' });
      const result = run(dir, 'expand');
      expect(result).toMatchObject({
        code: 0,
        stdout: 'expanded 3 pipes, 1 system into .expanded\n',
        stderr: '',
      });
      expect(tree(path.join(dir, '.expanded'))).toEqual([
        '.sesam-connectors-expand', // the mark that lets the next expand replace the folder
        'node-metadata.conf.json',
        'pipes/xxxxxx-order-all.conf.json',
        'pipes/xxxxxx-order-collect.conf.json',
        'pipes/xxxxxx-order-transform.conf.json',
        'systems/xxxxxx.conf.json',
        'test-env.json',
      ]);
      expect(readFileSync(path.join(dir, '.expanded/systems/xxxxxx.conf.json'), 'utf8')).toBe(
        '{\n  "_id": "xxxxxx",\n  "operations": {\n    "order-list": {}\n  },\n  "type": "system:rest"\n}',
      );
    });

    it('takes a connector folder, -e, --system-placeholder and --profile (and sesam-py spellings)', () => {
      connector(path.join(dir, 'shop-connector'), shop());
      expect(
        run(
          dir,
          'expand',
          'shop-connector',
          '-e',
          'out',
          '--system-placeholder',
          'shop',
          '--profile',
          'prod',
        ),
      ).toMatchObject({
        code: 0,
        stdout: `expanded 3 pipes, 1 system into ${path.join('shop-connector', 'out')}\n`,
      });
      expect(tree(path.join(dir, 'shop-connector/out'))).toContain('systems/shop.conf.json');
      expect(tree(path.join(dir, 'shop-connector/out'))).toContain('prod-env.json');
      expect(
        run(dir, 'expand', '-d', 'shop-connector', '-profile', 'dev', '--system-placeholder=s2'),
      ).toMatchObject({ code: 0 });
      expect(tree(path.join(dir, 'shop-connector/.expanded'))).toEqual(
        expect.arrayContaining(['dev-env.json', 'systems/s2.conf.json']),
      );
    });

    it('refuses undefined variables by default (nothing written) and renders them as "" with --compat', () => {
      const files = shop();
      (files['templates/system.json'] as Record<string, unknown>).url_pattern =
        'https://{{@ account_id @}}.example.com/%s';
      connector(dir, files);
      const strict = run(dir, 'expand');
      expect(strict.code).toBe(1);
      expect(strict.stderr).toContain(
        "templates/system.json:url_pattern  error  strict/undefined-variable  'account_id' is undefined",
      );
      expect(strict.stderr).toContain('nothing written: would expand 3 pipes, 1 system into .expanded');
      expect(existsSync(path.join(dir, '.expanded'))).toBe(false);

      const compat = run(dir, 'expand', '--compat');
      expect(compat).toMatchObject({ code: 0, stdout: 'expanded 3 pipes, 1 system into .expanded\n' });
      expect(compat.stderr).toContain('warning  strict/undefined-variable');
      expect(
        JSON.parse(readFileSync(path.join(dir, '.expanded/systems/xxxxxx.conf.json'), 'utf8')).url_pattern,
      ).toBe('https://.example.com/%s');
    });

    it('reports an expansion error clearly (exit 1) and leaves the previous output untouched', () => {
      connector(dir, shop());
      expect(run(dir, 'expand').code).toBe(0);
      const before = tree(path.join(dir, '.expanded'));
      connector(dir, { 'manifest.json': { datatypes: { order: { template: 'templates/orders.json' } } } });
      const result = run(dir, 'expand');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^error: 'templates\/orders.json' not found \(referenced by manifest.json datatypes.order.template; no such file in the connector folder\)\nhint: /,
      );
      expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
      expect(tree(path.join(dir, '.expanded'))).toEqual(before);
    });

    it('names the connector folder in errors when it is not the working folder', () => {
      connector(path.join(dir, 'c'), { 'manifest.json': '{"datatypes": [}' });
      expect(run(dir, 'expand', 'c')).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(
          /^error: c: manifest.json:1:16: invalid JSON: Expecting value: line 1 column 16 \(char 15\)/,
        ),
      });
    });

    it('writes nothing on --dry-run', () => {
      connector(dir, shop());
      expect(run(dir, 'expand', '--dry-run')).toMatchObject({
        code: 0,
        stdout: 'would expand 3 pipes, 1 system into .expanded (dry run: nothing written)\n',
      });
      expect(existsSync(path.join(dir, '.expanded'))).toBe(false);
    });

    it('refuses to replace the connector folder itself', () => {
      connector(dir, shop());
      expect(run(dir, 'expand', '-e', '.')).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('would contain the connector folder'),
      });
      expect(existsSync(path.join(dir, 'manifest.json'))).toBe(true);
    });
  });

  describe('validate', () => {
    it('exits 0 on a clean connector', () => {
      connector(dir, shop());
      expect(run(dir, 'validate')).toMatchObject({ code: 0, stdout: '.: valid (0 errors, 0 warnings)\n' });
    });

    it('prints one line per finding and exits 1 on errors', () => {
      const files = shop();
      (files['templates/order.json'] as Record<string, unknown>[])[0].source = {
        type: 'rest',
        system: '{{@ system @}}',
        operation: 'order-lst',
      };
      connector(path.join(dir, 'c'), files);
      const result = run(dir, 'validate', 'c');
      expect(result.code).toBe(1);
      expect(result.stdout.split('\n')).toEqual([
        'templates/order.json:[0].source.operation  error  strict/unknown-operation  pipe xxxxxx-order-all uses operation \'order-lst\', which system xxxxxx does not define (add operations["order-lst"] to templates/system.json, or fix the name (defined: order-list))',
        'c: invalid (1 error, 0 warnings)',
        '',
      ]);
    });

    it('prints JSON with --format json', () => {
      connector(dir, {
        ...shop(),
        'manifest.json': { datatypes: { order: { template: 'templates/missing.json' } } },
      });
      const result = run(dir, 'validate', '--format', 'json');
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report).toMatchObject({ connector: '.', ok: false, errorCount: 1, warningCount: 0 });
      expect(report.findings[0]).toMatchObject({
        rule: 'sesam/expand',
        severity: 'error',
        file: 'manifest.json',
        jsonPath: 'datatypes.order.template',
      });
    });
  });

  describe('colour', () => {
    const ESC = '\u001b[';
    /** An invalid connector: its report has an error line and the "invalid" summary. */
    const invalid = () => connector(dir, shop({ 'templates/order.json': '[{"_id": "x", "type": "pipe"}' }));

    /** The bin under a pseudo-terminal (`script`): stdout and stderr are both a TTY there. */
    const onTerminal = (cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): string => {
      const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
      const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, env, encoding: 'utf8' });
      return result.stdout;
    };

    it('piped: plain text, also in CI, unless FORCE_COLOR asks for colour', () => {
      invalid();
      const piped = spawnSync(process.execPath, [BIN, 'validate'], {
        cwd: dir,
        encoding: 'utf8',
        env: plainEnv({ CI: 'true' }),
      });
      expect(piped.status).toBe(1);
      expect(piped.stdout).toContain('invalid (');
      expect(piped.stdout).not.toContain(ESC);

      for (const off of ['0', 'false']) {
        const forcedOff = spawnSync(process.execPath, [BIN, 'validate'], {
          cwd: dir,
          encoding: 'utf8',
          env: plainEnv({ FORCE_COLOR: off }),
        });
        expect(forcedOff.stdout).not.toContain(ESC);
      }

      const forced = spawnSync(process.execPath, [BIN, 'validate'], {
        cwd: dir,
        encoding: 'utf8',
        env: plainEnv({ FORCE_COLOR: '1', NO_COLOR: '1' }),
      });
      expect(forced.stdout).toContain(`${ESC}31minvalid${ESC}39m`);
      expect(stripVTControlCharacters(forced.stdout)).toBe(piped.stdout);
    });

    it('on a terminal: coloured, unless NO_COLOR or TERM=dumb', () => {
      invalid();
      const coloured = onTerminal(dir, plainEnv({ TERM: 'xterm' }), 'validate');
      expect(coloured).toContain(`${ESC}31merror${ESC}39m`);
      expect(coloured).toContain(`${ESC}31minvalid${ESC}39m`);

      for (const env of [plainEnv({ NO_COLOR: '1', TERM: 'xterm' }), plainEnv({ TERM: 'dumb' })]) {
        const plain = onTerminal(dir, env, 'validate');
        expect(plain).toContain('invalid (');
        expect(plain).not.toContain(ESC);
      }
    });
  });

  describe('diagram', () => {
    it('prints the overview of a connector folder outside the workspace, and one datatype with --datatype', () => {
      connector(path.join(dir, 'c'), shop());
      const overview = run(dir, 'diagram', 'c', '--system-placeholder', 'shop');
      expect(overview).toMatchObject({ code: 0, stderr: '' });
      expect(overview.stdout.split('\n')).toEqual([
        'flowchart LR',
        '  subgraph dt_order["order"]',
        '    p_order_all["all"]',
        '    p_order_collect["collect"]',
        '  end',
        '  sys_shop{{"shop"}}',
        '  ds_order_collect[("order-collect")]',
        '  sys_shop -->|"order-list"| p_order_all',
        '  p_order_all --> p_order_collect',
        '  p_order_collect --> ds_order_collect',
        '',
      ]);
      expect(run(path.join(dir, 'c'), 'diagram', '--datatype', 'order').stdout).toContain(
        '  sys_xxxxxx -->|"order-list"| p_order_all\n',
      );
      expect(run(dir, 'diagram', '--help').stdout).toContain('--datatype <name>');
    });

    it('refuses an unknown datatype (exit 2) and reports a connector that does not expand (exit 1)', () => {
      connector(dir, shop());
      expect(run(dir, 'diagram', '--datatype', 'invoice')).toMatchObject({
        code: 2,
        stdout: '',
        stderr: "sesam-connectors: no datatype invoice in the connector's manifest.json (datatypes: order)\n",
      });
      connector(dir, { 'manifest.json': { datatypes: { order: { template: 'templates/orders.json' } } } });
      expect(run(dir, 'diagram')).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/^error: 'templates\/orders.json' not found/),
      });
      // Run from elsewhere, the message names the connector folder.
      expect(run(path.dirname(dir), 'diagram', path.basename(dir))).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(
          new RegExp(`^error: ${path.basename(dir)}: 'templates/orders.json' not found`),
        ),
      });
    });
  });

  describe('drift', () => {
    it('reports what import would do for each folder given, writing nothing', () => {
      connector(path.join(dir, 'shop'), shop());
      connector(path.join(dir, 'broken'), { 'manifest.json': '{' });
      const before = tree(dir);
      const result = run(dir, 'drift', 'shop', 'broken', '--format', 'markdown');
      expect(result.code).toBe(1); // the import refuses broken/
      expect(result.stdout).toContain('### shop\n');
      expect(result.stdout).toMatch(/\| `order` \| \w[\w-]* \|/);
      expect(result.stdout).toContain('### broken\n\nThe import refuses it: ');
      expect(tree(dir)).toEqual(before);
      expect(run(dir, 'drift', 'shop', '--format', 'json')).toMatchObject({ code: 0 });
    });

    it('rejects wrong usage (exit 2)', () => {
      expect(run(dir, 'drift', 'nowhere')).toMatchObject({
        code: 2,
        stderr: 'sesam-connectors: no such folder: nowhere\n',
      });
      expect(run(dir, 'drift', '--format', 'xml')).toMatchObject({
        code: 2,
        stderr: 'sesam-connectors: --format must be text, markdown or json, not xml\n',
      });
      expect(run(dir, 'help', 'drift')).toMatchObject({
        code: 0,
        stdout: expect.stringContaining('--figures'),
      });
    });
  });
});
