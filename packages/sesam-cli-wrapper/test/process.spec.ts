import { join } from 'node:path';
import { SesamCli, SesamCliError, SesamWrapperError } from '../src';
import { installFakeSesam, lineCollector, processExists, type FakeSesam } from './support/fake-sesam';

describe('running sesam (fake binary, execa stand-in)', () => {
  let fake: FakeSesam;
  const client = (extra: ConstructorParameters<typeof SesamCli>[0] = {}) =>
    new SesamCli({ env: fake.env, cwd: fake.workDir, killGraceMs: 300, onLine: () => undefined, ...extra });
  beforeEach(() => {
    fake = installFakeSesam(['NODE', 'JWT', 'EXTRA']);
  });
  afterEach(() => fake.cleanup());

  it('streams lines in the order sesam wrote them, across stdout and stderr', async () => {
    fake.setScript({
      steps: [
        { out: 'Using /x as base directory' },
        { sleep: 80 },
        { err: 'warning: one' },
        { sleep: 80 },
        { out: 'expanding' },
        { out: 'validated' },
        { sleep: 80 },
        { err: 'done' },
      ],
    });
    const { lines, onLine } = lineCollector();
    const result = await client({ onLine }).validate();
    expect(lines).toEqual([
      { stream: 'stdout', line: 'Using /x as base directory' },
      { stream: 'stderr', line: 'warning: one' },
      { stream: 'stdout', line: 'expanding' },
      { stream: 'stdout', line: 'validated' },
      { stream: 'stderr', line: 'done' },
    ]);
    expect(result).toMatchObject({
      exitCode: 0,
      stdout: 'Using /x as base directory\nexpanding\nvalidated',
      stderr: 'warning: one\ndone',
      cwd: fake.workDir,
    });
    expect(typeof result.durationMs).toBe('number');
  });

  it('joins a line written in pieces and strips CRLF line ends', async () => {
    fake.setScript({
      steps: [
        { write: 'part' },
        { sleep: 50 },
        { write: 'ial line\r\nnext\n' },
        { write: 'no newline at end' },
      ],
    });
    const { lines, onLine } = lineCollector();
    await client({ onLine }).validate();
    expect(lines.map((l) => l.line)).toEqual(['partial line', 'next', 'no newline at end']);
  });

  it('prefixes lines with [sesam] on the console by default', async () => {
    fake.setScript({ steps: [{ out: 'to stdout' }, { sleep: 50 }, { err: 'to stderr' }] });
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await new SesamCli({ env: fake.env, cwd: fake.workDir }).validate();
      expect(log).toHaveBeenCalledWith('[sesam] to stdout');
      expect(error).toHaveBeenCalledWith('[sesam] to stderr');
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  });

  it('runs in the given working directory and passes the environment through, per-call env winning', async () => {
    const cli = client({ env: { ...fake.env, NODE: 'https://from-client/api', JWT: 'client-jwt' } });
    await cli.validate({}, { cwd: join(fake.workDir, '..') });
    await cli.validate({}, { env: { NODE: 'https://per-call/api', EXTRA: 'x' } });
    const [first, second] = fake.commandRecords();
    expect(first).toMatchObject({
      cwd: join(fake.workDir, '..'),
      env: { NODE: 'https://from-client/api', JWT: 'client-jwt', EXTRA: null },
    });
    expect(second).toMatchObject({
      cwd: fake.workDir,
      env: { NODE: 'https://per-call/api', JWT: 'client-jwt', EXTRA: 'x' },
    });
  });

  it('passes arguments with spaces, quotes and shell characters unchanged (no shell)', async () => {
    const tricky = [`it's "quoted"`, 'two  spaces', '$HOME', '`whoami`', 'a;b|c&&d', '*.json', '', 'ø ü 😀'];
    const cli = client();
    await cli.exec(['validate', ...tricky]);
    await cli.validate({ profile: `profiles/my "prod" it's` });
    const [raw, typed] = fake.commandRecords();
    expect(raw!.argv).toEqual(['validate', ...tricky]);
    expect(typed!.argv).toEqual(['validate', '-profile', `profiles/my "prod" it's`]);
  });

  it('throws SesamCliError with the exit code, command line and the last stderr lines on a non-zero exit', async () => {
    fake.setScript({
      steps: [
        { out: 'progress' },
        ...Array.from({ length: 25 }, (_, i) => ({ err: `stderr line ${i + 1}` })),
      ],
      exitCode: 3,
    });
    const error = await client({ stderrTailLines: 5 })
      .validate({ profile: 'my profile' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SesamCliError);
    const e = error as SesamCliError;
    expect(e).toMatchObject({ reason: 'exit', exitCode: 3, signal: undefined });
    expect(e.commandLine).toBe(`${fake.binary} validate -profile 'my profile'`);
    expect(e.stderrTail).toEqual([
      'stderr line 21',
      'stderr line 22',
      'stderr line 23',
      'stderr line 24',
      'stderr line 25',
    ]);
    expect(e.message).toBe(
      [
        'sesam validate failed with exit code 3.',
        `  command: ${fake.binary} validate -profile 'my profile'`,
        `  in: ${fake.workDir}`,
        '  last stderr lines:',
        '    stderr line 21',
        '    stderr line 22',
        '    stderr line 23',
        '    stderr line 24',
        '    stderr line 25',
      ].join('\n'),
    );
    expect(e.stdout).toBe('progress');
  });

  it('adds a hint when sesam found no node and JWT', async () => {
    fake.setScript({
      steps: [{ err: 'jwt and node must be specified either as parameter, os env or in syncconfig file' }],
      exitCode: 1,
    });
    await expect(client().upload()).rejects.toThrow(
      /hint: sesam found no node URL and JWT\. Put NODE=.*\.syncconfig/,
    );
  });

  it('stops sesam when the timeout expires and leaves no process behind', async () => {
    fake.setScript({ steps: [{ out: 'working' }], hang: true });
    // The timeout leaves the fake time to start and record itself even on a loaded machine.
    const error = (await client({ timeoutMs: 2500 })
      .test()
      .catch((e: unknown) => e)) as SesamCliError;
    expect(error).toBeInstanceOf(SesamCliError);
    expect(error.reason).toBe('timeout');
    expect(error.message).toMatch(/^sesam test timed out after 2500 ms and was stopped\./);
    const [record] = fake.commandRecords();
    expect(processExists(record!.pid)).toBe(false);
  });

  it('stops sesam when the AbortSignal fires and leaves no process behind', async () => {
    fake.setScript({ steps: [{ out: 'started' }], hang: true });
    const controller = new AbortController();
    const onLine = (line: string) => line === 'started' && controller.abort();
    const error = (await client({ onLine })
      .run({}, { signal: controller.signal })
      .catch((e: unknown) => e)) as SesamCliError;
    expect(error).toBeInstanceOf(SesamCliError);
    expect(error.reason).toBe('aborted');
    expect(error.message).toMatch(/^sesam run was cancelled and stopped\./);
    expect(processExists(fake.commandRecords()[0]!.pid)).toBe(false);
  });

  it('kills a sesam that ignores SIGTERM with SIGKILL after the grace period', async () => {
    fake.setScript({ steps: [{ out: 'started' }], hang: true, ignoreSigterm: true });
    const controller = new AbortController();
    const { lines, onLine } = lineCollector();
    const error = (await client({
      onLine: (line, stream) => {
        onLine(line, stream);
        if (line === 'started') controller.abort();
      },
    })
      .run({}, { signal: controller.signal })
      .catch((e: unknown) => e)) as SesamCliError;
    expect(error.reason).toBe('aborted');
    expect(error.signal).toBe('SIGKILL');
    expect(lines.map((l) => l.line)).toContain('ignoring SIGTERM');
    expect(processExists(fake.commandRecords()[0]!.pid)).toBe(false);
  });

  it('does not start sesam in a folder that does not exist', async () => {
    const missing = join(fake.workDir, 'not-built');
    await expect(client().validate({}, { cwd: missing })).rejects.toThrow(
      new SesamWrapperError(`Cannot run sesam in ${missing}: the folder does not exist.`),
    );
    expect(fake.commandRecords()).toHaveLength(0);
  });
});
