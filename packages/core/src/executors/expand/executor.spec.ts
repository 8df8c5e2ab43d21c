import type { ExecutorContext } from '@nx/devkit';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import validateExecutor from '../validate/executor';
import type { Log } from '../../lib/log';
import expandExecutor from './executor';

/** A temporary workspace with one built connector `packages/connectors/acme/connector`. */
function workspace(files: Record<string, object> | undefined) {
  const root = mkdtempSync(join(tmpdir(), 'expand-executor-'));
  const connector = join(root, 'packages/connectors/acme/connector');
  for (const [name, content] of Object.entries(files ?? {})) {
    mkdirSync(join(connector, name, '..'), { recursive: true });
    writeFileSync(join(connector, name), JSON.stringify(content));
  }
  const context = {
    root,
    cwd: root,
    isVerbose: false,
    projectName: 'acme-connector',
    projectsConfigurations: {
      version: 2,
      projects: { 'acme-connector': { root: 'packages/connectors/acme' } },
    },
  } as unknown as ExecutorContext;
  return { root, connector, context };
}

const acme = (url = 'https://acme.example/%s') => ({
  'manifest.json': {
    'system-template': 'templates/system.json',
    datatypes: { order: { template: 'templates/order.json' } },
  },
  'templates/system.json': { _id: '{{@ system @}}', type: 'system:rest', url_pattern: url },
  'templates/order.json': {
    _id: '{{@ system @}}-{{@ datatype @}}-collect',
    type: 'pipe',
    source: { type: 'embedded', entities: [] },
  },
});

function recorder(): Log & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
}

let roots: string[] = [];
afterEach(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  roots = [];
});
const setup = (files: Record<string, object> | undefined) => {
  const made = workspace(files);
  roots.push(made.root);
  return made;
};

describe('expand executor', () => {
  it('writes connector/.expanded and reports a one-line summary', async () => {
    const { connector, context } = setup(acme());
    const log = recorder();
    await expect(
      expandExecutor({ systemPlaceholder: 'acme', profile: 'prod' }, context, log),
    ).resolves.toEqual({ success: true });
    expect(log.lines).toEqual([
      'info expanded 2 pipes, 1 system into packages/connectors/acme/connector/.expanded',
    ]);
    expect(readdirSync(join(connector, '.expanded/systems'))).toEqual(['acme.conf.json']);
    expect(existsSync(join(connector, '.expanded/prod-env.json'))).toBe(true);
  });

  it('fails with a clear message when the connector has not been built', async () => {
    const { context } = setup(undefined);
    const log = recorder();
    await expect(expandExecutor({}, context, log)).resolves.toEqual({ success: false });
    expect(log.lines).toEqual([
      'error expand: packages/connectors/acme/connector/manifest.json does not exist: run `nx run acme-connector:build` first (this target depends on it; --exclude-task-dependencies skips it)',
    ]);
  });

  it('fails on undefined variables unless compat is set', async () => {
    const { connector, context } = setup(acme('https://{{@ shop @}}.example/%s'));
    const log = recorder();
    await expect(expandExecutor({}, context, log)).resolves.toEqual({ success: false });
    expect(log.lines[0]).toMatch(
      /^error packages\/connectors\/acme\/connector\/templates\/system.json:url_pattern {2}error {2}strict\/undefined-variable {2}'shop' is undefined/,
    );
    expect(existsSync(join(connector, '.expanded'))).toBe(false);
    await expect(expandExecutor({ compat: true }, context, recorder())).resolves.toEqual({ success: true });
    expect(existsSync(join(connector, '.expanded'))).toBe(true);
  });

  it('reports an expansion error with its location and fails', async () => {
    const { context } = setup({
      'manifest.json': { datatypes: { order: { template: 'templates/nope.json' } } },
    });
    const log = recorder();
    await expect(expandExecutor({}, context, log)).resolves.toEqual({ success: false });
    expect(log.lines).toEqual([
      "error expand: packages/connectors/acme/connector: 'templates/nope.json' not found (referenced by manifest.json datatypes.order.template; no such file in the connector folder)",
    ]);
  });
});

describe('validate executor', () => {
  it('passes a clean connector', async () => {
    const { context } = setup(acme());
    const log = recorder();
    await expect(validateExecutor({}, context, log)).resolves.toEqual({ success: true });
    expect(log.lines).toEqual(['info packages/connectors/acme/connector: valid (0 errors, 0 warnings)']);
  });

  it('fails on errors and prints the findings', async () => {
    const files = acme();
    (files['templates/order.json'] as Record<string, unknown>).source = {
      type: 'dataset',
      dataset: 'nowhere',
    };
    const { context } = setup(files);
    const log = recorder();
    await expect(validateExecutor({ format: 'json' }, context, log)).resolves.toEqual({ success: false });
    expect(
      JSON.parse(log.lines[0].slice('error '.length)).findings.map((f: { rule: string }) => f.rule),
    ).toEqual(['strict/unknown-dataset']);
  });
});
