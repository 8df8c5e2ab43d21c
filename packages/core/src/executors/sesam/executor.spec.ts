import type { ExecutorContext } from '@nx/devkit';
import type { ProcessOutcome, ProcessRequest, ProcessRunner } from '@sesam/sesam-cli-wrapper';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runSesamExecutor } from './executor';
import type { SesamExecutorOptions } from './schema';

// The executor with the real wrapper and an in-memory process runner: each "process" is a
// function of the request that may print lines, touch files in its cwd and pick an exit code.
type FakeProcess = (request: ProcessRequest) => {
  lines?: ['stdout' | 'stderr', string][];
  exitCode?: number;
};

const scriptedRunner = (behave: FakeProcess) => {
  const requests: ProcessRequest[] = [];
  const runner: ProcessRunner = {
    run: async (request): Promise<ProcessOutcome> => {
      requests.push(request);
      const { lines = [], exitCode = 0 } =
        request.args[0] === '-version'
          ? { lines: [['stdout', 'sesam version 2.11.13']] as ['stdout', string][] }
          : behave(request);
      lines.forEach(([stream, line]) => request.onLine(stream, line));
      const text = (s: string) =>
        lines
          .filter(([stream]) => stream === s)
          .map(([, l]) => l)
          .join('\n');
      return {
        exitCode,
        signal: undefined,
        stdout: text('stdout'),
        stderr: text('stderr'),
        timedOut: false,
        aborted: false,
        pid: 1,
      };
    },
  };
  return { runner, commands: () => requests.filter((r) => r.args[0] !== '-version') };
};

const write = (file: string, content: string) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
};

describe('the sesam executor', () => {
  let root: string;
  let tmpRoot: string;
  let connectorDir: string;
  let binary: string;
  let logged: { info: string[]; warn: string[]; error: string[] };
  let streamed: string[];
  const PROJECT = 'demo-connector';

  const context = (targetName = 'sesam-validate'): ExecutorContext =>
    ({
      root,
      cwd: root,
      isVerbose: false,
      projectName: PROJECT,
      targetName,
      projectsConfigurations: { version: 2, projects: { [PROJECT]: { root: 'packages/connectors/demo' } } },
      nxJsonConfiguration: {},
      projectGraph: { nodes: {}, dependencies: {} },
    }) as ExecutorContext;

  const execute = (
    options: Partial<SesamExecutorOptions> & Record<string, unknown>,
    behave: FakeProcess = () => ({}),
    targetName?: string,
  ) => {
    const fake = scriptedRunner(behave);
    const result = runSesamExecutor(
      { cwd: 'connector', ...options } as SesamExecutorOptions,
      context(targetName),
      {
        runner: fake.runner,
        env: { SESAM_CLI: binary, PATH: '' },
        onLine: (line) => streamed.push(line),
        log: {
          info: (m) => logged.info.push(m),
          warn: (m) => logged.warn.push(m),
          error: (m) => logged.error.push(m),
        },
        tmpRoot,
      },
    );
    return { result, commands: fake.commands };
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'sesam-executor-'));
    tmpRoot = join(root, 'tmp-downloads');
    mkdirSync(tmpRoot);
    connectorDir = join(root, 'packages/connectors/demo/connector');
    write(join(connectorDir, 'manifest.json'), '{\n  "datatypes": {\n    "order": {}\n  }\n}');
    write(
      join(connectorDir, 'templates/order.json'),
      '[\n  {\n    "_id": "{{@ system @}}-order-collect",\n    "type": "pipe"\n  }\n]',
    );
    write(join(connectorDir, 'templates/system.json'), '{\n  "_id": "{{@ system @}}"\n}');
    binary = join(root, 'bin/sesam');
    write(binary, '#!/bin/sh\nexit 0\n');
    chmodSync(binary, 0o755);
    logged = { info: [], warn: [], error: [] };
    streamed = [];
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('runs a typed command in the built connector folder with its options mapped to flags', async () => {
    const run = execute(
      { command: 'validate', profile: 'prod', verbosity: 2, args: ['--profile=prod'] },
      () => ({
        lines: [['stderr', 'validated']],
      }),
    );
    await expect(run.result).resolves.toEqual({ success: true });
    const [request] = run.commands();
    expect(request!.args).toEqual(['validate', '-vv', '-profile', 'prod']);
    expect(request!.cwd).toBe(connectorDir);
    expect(request!.file).toBe(binary);
    expect(streamed).toEqual(['validated']);
  });

  it('passes the raw arguments of the generic target unchanged and ignores what Nx parsed from them', async () => {
    const args = ['-vv', 'status', '-profile', 'my prod', `it's "quoted"`];
    const run = execute(
      { command: 'exec', args, _: ['status', 'my prod'], v: [true, true], profile: 'ignored' },
      undefined,
      'sesam',
    );
    await expect(run.result).resolves.toEqual({ success: true });
    expect(run.commands().map((r) => [r.args, r.cwd])).toEqual([[args, connectorDir]]);
  });

  it('asks for arguments when the generic target gets none', async () => {
    const run = execute({ command: 'exec', args: [] }, undefined, 'sesam');
    await expect(run.result).resolves.toEqual({ success: false });
    expect(logged.error).toEqual([
      `${PROJECT}:sesam: give sesam's arguments after --, e.g. nx run <project>:sesam -- validate -vv`,
    ]);
    expect(run.commands()).toHaveLength(0);
  });

  it('rejects an option the command does not take, listing the ones it does', async () => {
    const run = execute({ command: 'validate', skipAuth: true });
    await expect(run.result).resolves.toEqual({ success: false });
    expect(logged.error[0]).toMatch(
      /^demo-connector:sesam-validate: 'skipAuth' is not an option of sesam validate\. Options: node, syncConfigFile,/,
    );
    expect(logged.error[0]).not.toMatch(/\bjwt\b/);
    expect(logged.error[0]).toContain(
      'Raw sesam flags go through the sesam target: nx run <project>:sesam -- validate <flags>',
    );
    expect(run.commands()).toHaveLength(0);
  });

  it('refuses credentials as target options and says where they belong', async () => {
    const run = execute(
      { command: 'upload', jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJ4IjoxfQ.c2ln' } as never,
      undefined,
      'upload',
    );
    await expect(run.result).resolves.toEqual({ success: false });
    expect(logged.error[0]).toContain("'jwt' is a credential and is not accepted as a target option");
    expect(logged.error[0]).toContain('.syncconfig');
    expect(logged.error[0]).not.toContain('eyJhbGciOiJIUzI1NiJ9');
  });

  it('says to build first when the connector folder has no manifest.json', async () => {
    rmSync(join(connectorDir, 'manifest.json'));
    const run = execute({ command: 'validate' });
    await expect(run.result).resolves.toEqual({ success: false });
    expect(logged.error[0]).toBe(
      'demo-connector:sesam-validate: packages/connectors/demo/connector/manifest.json does not exist: ' +
        'run `nx run demo-connector:build` first (this target depends on it; --exclude-task-dependencies skips it)',
    );
    expect(run.commands()).toHaveLength(0);
  });

  it('fails the target with sesam’s error, secrets redacted', async () => {
    const run = execute({ command: 'exec', args: ['upload', '-jwt', 'opaque-secret-token'] }, () => ({
      lines: [['stderr', 'Sesam client failed!']],
      exitCode: 1,
    }));
    await expect(run.result).resolves.toEqual({ success: false });
    expect(logged.error[0]).toMatch(
      /^sesam upload failed with exit code 1\.\n {2}command: .*\/bin\/sesam upload -jwt \*\*\*\n/,
    );
    expect(logged.error[0]).toContain(
      'hint: sesam hides the underlying exception: run again with verbosity 2 (-vv) to see it.',
    );
    expect(logged.error[0]).not.toContain('opaque-secret-token');
  });

  describe('download', () => {
    const committedBytes = () =>
      ['manifest.json', 'templates/order.json', 'templates/system.json'].map((f) =>
        readFileSync(join(connectorDir, f), 'utf8'),
      );

    // What `sesam download` does to a connector: writes .expanded, then collapses into templates/.
    const collapse: FakeProcess = (request) => {
      write(join(request.cwd, '.expanded/pipes/demo-order-collect.conf.json'), '{}');
      write(
        join(request.cwd, 'templates/order.json'),
        '[\n  {\n    "_id": "{{@ system @}}-order-collect",\n    "type": "pipe",\n    "description": "edited in the portal"\n  }\n]',
      );
      write(join(request.cwd, 'templates/refund.json'), '[]');
      rmSync(join(request.cwd, 'templates/system.json'));
      return { lines: [['stdout', 'Replaced local config successfully']] };
    };

    it('downloads into a temporary copy, reports the differences and leaves the committed output alone', async () => {
      write(
        join(root, 'packages/connectors/demo/.syncconfig'),
        'NODE="https://n/api"\nJWT="opaque-jwt-value"\n',
      );
      write(join(connectorDir, '.authconfig'), '{"client_secret": "authconfig-secret"}');
      const before = committedBytes();
      const run = execute({ command: 'download', profile: 'test' }, collapse, 'download');
      await expect(run.result).resolves.toEqual({ success: true });

      const [request] = run.commands();
      expect(request!.cwd.startsWith(join(tmpRoot, 'sesam-download-demo-connector-'))).toBe(true);
      expect(request!.args).toEqual([
        'download',
        '-profile',
        'test',
        '-sync-config-file',
        join(root, 'packages/connectors/demo/.syncconfig'),
      ]);
      expect(existsSync(join(request!.cwd, '.authconfig'))).toBe(false);
      expect(committedBytes()).toEqual(before);
      expect(existsSync(join(connectorDir, 'templates/refund.json'))).toBe(false);
      expect(existsSync(join(connectorDir, '.expanded'))).toBe(false);

      expect(logged.info).toEqual([
        [
          'sesam download: the node differs from the committed build output in packages/connectors/demo/connector (3 of 4 files):',
          '  changed  templates/order.json (at [0].description)',
          '  added    templates/refund.json',
          '  removed  templates/system.json',
          `Nothing in packages/connectors/demo was changed. The downloaded connector is in ${request!.cwd}.`,
          'packages/connectors/demo/connector is the output of `nx run demo-connector:build`, rendered from packages/connectors/demo/connector.json and the template pack:',
          'copying downloaded files into it would be undone by the next build. To keep a change, make it in connector.json (or the',
          'template pack) and rebuild.',
        ].join('\n'),
      ]);
    });

    it('says so when the node matches the committed output', async () => {
      const run = execute({ command: 'download' }, () => ({}), 'download');
      await expect(run.result).resolves.toEqual({ success: true });
      expect(logged.info[0]).toMatch(
        /^sesam download: the node matches the committed build output in packages\/connectors\/demo\/connector \(3 files compared\)\./,
      );
    });

    it('treats `sesam -- download` like the download target, making a relative -sync-config-file absolute', async () => {
      const run = execute(
        { command: 'exec', args: ['-vv', 'download', '-sync-config-file', '../node.conf'] },
        collapse,
        'sesam',
      );
      await expect(run.result).resolves.toEqual({ success: true });
      const [request] = run.commands();
      expect(request!.cwd).not.toBe(connectorDir);
      expect(request!.args).toEqual([
        '-vv',
        'download',
        '-sync-config-file',
        join(root, 'packages/connectors/demo/node.conf'),
      ]);
      expect(existsSync(join(connectorDir, 'templates/system.json'))).toBe(true);
    });

    it('changes nothing when sesam download fails', async () => {
      const before = committedBytes();
      const run = execute(
        { command: 'download' },
        (request) => ({ ...collapse(request), exitCode: 1 }),
        'download',
      );
      await expect(run.result).resolves.toEqual({ success: false });
      expect(logged.error[0]).toMatch(/^sesam download failed with exit code 1\./);
      expect(committedBytes()).toEqual(before);
      expect(logged.info).toEqual([]);
    });
  });
});
