import { logger, type ExecutorContext, type Task, type TaskGraph } from '@nx/devkit';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { minimalConnector, tempDir, writeConnectorPackage } from '../../../test/connector-fixtures';
import { listFiles } from '../../lib/fs';
import buildBatch from './batch';
import buildExecutor from './executor';
import type { BuildExecutorSchema } from './schema';

/** Project roots whose build throws an unexpected (non-user) error: a bug in the engine, simulated. */
const mockCrashingRoots = new Set<string>();
jest.mock('./build-task', () => {
  const actual = jest.requireActual('./build-task');
  return {
    ...actual,
    runBuildTask: (projectRoot: string, ...rest: unknown[]) => {
      if (mockCrashingRoots.has(projectRoot)) throw new Error('unexpected: disk on fire');
      return actual.runBuildTask(projectRoot, ...rest);
    },
  };
});

/** A collect connector that shares, with oauth2 in a header and extra system properties. */
const betaConnector = {
  system: 'beta',
  label: 'Beta',
  auth: {
    type: 'oauth2',
    loginUrl: 'https://beta.test/oauth/authorize',
    tokenUrl: 'https://beta.test/oauth/token',
    scopes: ['read', 'write'],
    accessTokenHeader: 'X-Beta-Token',
  },
  restSystem: { urlPattern: 'https://api.beta.test/v2/%s', properties: { rate_limiting_retries: 3 } },
  datatypes: {
    customer: {
      pattern: 'collect',
      label: 'Customer',
      options: {
        supportsSince: true,
        scheduleInterval: 600,
        primaryKey: ['id', 'version'],
        lastModified: { property: 'updated_at', format: '%Y-%m-%dT%H:%M:%S%z' },
        share: true,
        sharePayloadKey: '{{@ datatype @}}',
      },
      operations: { list: { url: 'customers?since={{since}}', payload_property: 'customers' } },
    },
    contact: { pattern: 'collect', reuse: 'customer' },
  },
};

/** Webhooks with share and explicit topics, basic auth. */
const gammaConnector = {
  system: 'gamma',
  label: 'Gamma',
  auth: { type: 'api_key', apiKeyStyle: 'basic', username: '{{@ email @}}/token' },
  manifest: { additional_parameters: { service_url: {}, email: {} }, use_webhook_secret: true },
  restSystem: { urlPattern: 'https://gamma.test/api/%s', verifySsl: false },
  datatypes: {
    order: {
      pattern: 'webhook',
      options: { share: true, topics: ['orders/create', { topic: 'orders/delete', id: 'order-gone' }] },
      operations: { lookup: { url: 'orders/{{ entity.id }}.json', payload_property: 'order' } },
    },
    product: { pattern: 'collect' },
    webhook: { pattern: 'webhook-registry', options: { wipeMatch: '{{@ service_url @}}*' } },
  },
};

const CONNECTORS: Record<string, unknown> = {
  acme: minimalConnector('acme'),
  beta: betaConnector,
  gamma: gammaConnector,
};

/** A temporary workspace with the given connector packages and the Nx context a batch gets. */
function workspaceWith(connectors: Record<string, unknown>) {
  const root = tempDir();
  const projects: Record<string, { root: string }> = {};
  for (const [system, connector] of Object.entries(connectors)) {
    writeConnectorPackage(join(root, 'packages', 'connectors'), system, connector);
    projects[`${system}-connector`] = { root: `packages/connectors/${system}` };
  }
  const context = {
    root,
    cwd: root,
    isVerbose: false,
    projectsConfigurations: { version: 2, projects },
  } as unknown as ExecutorContext;
  return { root, context, projects };
}

const task = (system: string, withRoot = true): Task =>
  ({
    id: `${system}-connector:build`,
    target: { project: `${system}-connector`, target: 'build' },
    overrides: {},
    outputs: [],
    parallelism: true,
    ...(withRoot ? { projectRoot: `packages/connectors/${system}` } : {}),
  }) as unknown as Task;

const graphOf = (tasks: Task[]): TaskGraph => ({
  roots: tasks.map((t) => t.id),
  tasks: Object.fromEntries(tasks.map((t) => [t.id, t])),
  dependencies: Object.fromEntries(tasks.map((t) => [t.id, []])),
  continuousDependencies: Object.fromEntries(tasks.map((t) => [t.id, []])),
});

/** Runs the batch and collects what it yields (in the order the builds finished). */
async function runBatch(
  context: ExecutorContext,
  tasks: Task[],
  options: Record<string, BuildExecutorSchema> = {},
) {
  const inputs = Object.fromEntries(tasks.map((t) => [t.id, options[t.id] ?? {}]));
  const results = [];
  for await (const result of await buildBatch(graphOf(tasks), inputs, {}, context)) results.push(result);
  return results;
}

const byTask = (results: Awaited<ReturnType<typeof runBatch>>) =>
  Object.fromEntries(results.map((r) => [r.task, r.result]));

/** Every file under `dir` with its bytes, keyed by relative path. */
const snapshot = (dir: string): Map<string, Buffer> =>
  new Map(listFiles(dir).map((path) => [path, readFileSync(join(dir, path))]));

describe('build batch executor', () => {
  beforeEach(() => {
    for (const level of ['info', 'warn', 'error'] as const)
      jest.spyOn(logger, level).mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('builds byte-identical output to one-by-one builds of the same connectors', async () => {
    const single = workspaceWith(CONNECTORS);
    for (const system of Object.keys(CONNECTORS)) {
      const context = { ...single.context, projectName: `${system}-connector` };
      await expect(buildExecutor({}, context)).resolves.toEqual({ success: true });
    }
    const batch = workspaceWith(CONNECTORS);
    const results = await runBatch(
      batch.context,
      Object.keys(CONNECTORS).map((system) => task(system)),
    );
    expect(results.map((r) => [r.task, r.result.success]).sort()).toEqual([
      ['acme-connector:build', true],
      ['beta-connector:build', true],
      ['gamma-connector:build', true],
    ]);
    const out = (root: string) => snapshot(join(root, 'packages', 'connectors'));
    const expected = out(single.root);
    expect([...expected.keys()]).toEqual(
      expect.arrayContaining([
        join('beta', 'connector', 'templates', 'customer.json'),
        join('gamma', 'connector', 'templates', 'webhook.json'),
      ]),
    );
    expect(out(batch.root)).toEqual(expected);
  });

  it('fails a broken connector alone, with its own message, and builds the others', async () => {
    const broken = minimalConnector('broken');
    broken['datatypes']['order']['pattern'] = 'stream';
    const { root, context } = workspaceWith({ acme: CONNECTORS['acme'], broken, gamma: CONNECTORS['gamma'] });
    const results = byTask(await runBatch(context, [task('acme'), task('broken'), task('gamma')]));
    expect(Object.keys(results).sort()).toEqual([
      'acme-connector:build',
      'broken-connector:build',
      'gamma-connector:build',
    ]);
    expect(results['broken-connector:build']).toMatchObject({ success: false, status: 'failure' });
    expect(results['broken-connector:build']!.terminalOutput).toBe(
      'packages/connectors/broken/connector.json: datatypes.order.pattern: must be one of collect, webhook, webhook-registry, share, raw\n',
    );
    expect(results['acme-connector:build']).toMatchObject({
      success: true,
      status: 'success',
      terminalOutput: 'acme: packages/connectors/acme/connector/ holds the 4 rendered files\n',
    });
    expect(results['gamma-connector:build']).toMatchObject({ success: true, status: 'success' });
    expect(results['gamma-connector:build']!.terminalOutput).toMatch(
      /^gamma: packages\/connectors\/gamma\/connector\/ holds the \d+ rendered files\n$/,
    );
    expect(existsSync(join(root, 'packages/connectors/broken/connector'))).toBe(false);
    expect(existsSync(join(root, 'packages/connectors/gamma/connector/manifest.json'))).toBe(true);
  });

  it('reports an unexpected error (a bug, not a user mistake) on its own task, with the stack, and goes on', async () => {
    const { root, context } = workspaceWith({ acme: CONNECTORS['acme'], boom: minimalConnector('boom') });
    mockCrashingRoots.add('packages/connectors/boom');
    const results = byTask(await runBatch(context, [task('boom'), task('acme')]));
    mockCrashingRoots.clear();
    expect(results['boom-connector:build']).toMatchObject({ success: false, status: 'failure' });
    expect(results['boom-connector:build']!.terminalOutput).toMatch(
      /^Error: unexpected: disk on fire\n\s+at /,
    );
    expect(results['acme-connector:build']).toMatchObject({ success: true, status: 'success' });
    expect(existsSync(join(root, 'packages/connectors/acme/connector/manifest.json'))).toBe(true);
  });

  it('yields every task once, with its own times, also for many tasks', async () => {
    const systems = Array.from({ length: 6 }, (_, i) => `sys${i}`);
    const { root, context } = workspaceWith(
      Object.fromEntries(systems.map((system) => [system, minimalConnector(system)])),
    );
    const before = Date.now();
    const results = await runBatch(
      context,
      systems.map((system) => task(system)),
    );
    const after = Date.now();
    expect(results.map((r) => r.task).sort()).toEqual(
      systems.map((system) => `${system}-connector:build`).sort(),
    );
    for (const { result } of results) {
      expect(result.success).toBe(true);
      expect(result.startTime).toBeGreaterThanOrEqual(before);
      expect(result.endTime).toBeGreaterThanOrEqual(result.startTime!);
      expect(result.endTime).toBeLessThanOrEqual(after);
    }
    for (const system of systems) {
      expect(existsSync(join(root, `packages/connectors/${system}/connector/manifest.json`))).toBe(true);
    }
  });

  it('finds the project root in the project configurations when the task has none', async () => {
    const { root, context } = workspaceWith({ acme: CONNECTORS['acme'] });
    const results = await runBatch(context, [task('acme', false), task('ghost', false)]);
    expect(results.map((r) => [r.task, r.result.success, r.result.terminalOutput]).sort()).toEqual([
      [
        'acme-connector:build',
        true,
        'acme: packages/connectors/acme/connector/ holds the 4 rendered files\n',
      ],
      ['ghost-connector:build', false, 'build: no project configuration for ghost-connector\n'],
    ]);
    expect(existsSync(join(root, 'packages/connectors/acme/connector/manifest.json'))).toBe(true);
  });

  it('reports a pack that cannot be read on each task that uses it, and builds the tasks on the default pack', async () => {
    const { context } = workspaceWith({ acme: CONNECTORS['acme'], beta: CONNECTORS['beta'] });
    const results = byTask(
      await runBatch(context, [task('acme'), task('beta')], {
        'acme-connector:build': { packDir: 'no/such/pack' },
      }),
    );
    expect(results['acme-connector:build']!.success).toBe(false);
    expect(results['acme-connector:build']!.terminalOutput).toMatch(
      /^template pack at .*no\/such\/pack: cannot read patterns\/collect\/all\.json\.ejs \(ENOENT\)\n$/,
    );
    expect(results['beta-connector:build']).toMatchObject({ success: true, status: 'success' });
  });

  it('is the build executor’s batch implementation, preferred by default', () => {
    const packageRoot = resolve(__dirname, '../../..');
    const executors = JSON.parse(readFileSync(join(packageRoot, 'executors.json'), 'utf8'));
    const entry = executors.executors.build;
    expect(entry.preferBatch).toBe(true);
    expect(require.resolve(join(packageRoot, entry.batchImplementation))).toBe(
      join(dirname(__filename), 'batch.ts'),
    );
    expect(require(join(packageRoot, entry.batchImplementation)).default).toBe(buildBatch);
  });
});
