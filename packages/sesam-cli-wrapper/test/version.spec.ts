import {
  MIN_SESAM_VERSION,
  SesamCli,
  SesamCliVersionError,
  compareVersions,
  parseSesamVersion,
  type ProcessRunner,
} from '../src';
import { installFakeSesam, type FakeSesam } from './support/fake-sesam';

describe('parseSesamVersion', () => {
  it('reads the output of `sesam -version`', () => {
    expect(parseSesamVersion('sesam version 2.11.13\n')).toEqual({
      major: 2,
      minor: 11,
      patch: 13,
      text: '2.11.13',
    });
    expect(parseSesamVersion('Using /x as base directory\nsesam version 3.0\n')).toEqual({
      major: 3,
      minor: 0,
      patch: 0,
      text: '3.0',
    });
    expect(parseSesamVersion('Python 3.11.4')).toBeUndefined();
  });

  it('orders versions numerically, not as text', () => {
    const v = (text: string) => parseSesamVersion(`sesam version ${text}`)!;
    expect(compareVersions(v('2.11.0'), v('2.9.9'))).toBeGreaterThan(0);
    expect(compareVersions(v('2.11.13'), v('2.11.13'))).toBe(0);
    expect(compareVersions(v('1.18.2'), v('2.0.0'))).toBeLessThan(0);
  });
});

describe('the version check', () => {
  let fake: FakeSesam;
  const client = (extra: ConstructorParameters<typeof SesamCli>[0] = {}) =>
    new SesamCli({ env: fake.env, cwd: fake.workDir, onLine: () => undefined, ...extra });
  beforeEach(() => {
    fake = installFakeSesam();
  });
  afterEach(() => fake.cleanup());

  it('version() returns what `sesam -version` prints', async () => {
    fake.setScript({ version: '2.11.13' });
    await expect(client().version()).resolves.toEqual({ major: 2, minor: 11, patch: 13, text: '2.11.13' });
    expect(fake.records().map((r) => r.argv)).toEqual([['-version']]);
  });

  it('runs `sesam -version` once per client, before the first command', async () => {
    const cli = client();
    await cli.validate();
    await cli.expand();
    await cli.version();
    expect(fake.records().map((r) => r.argv)).toEqual([['-version'], ['validate'], ['expand']]);
  });

  it('refuses a sesam older than the minimum with a message saying what to do, and runs nothing', async () => {
    fake.setScript({ version: '2.5.19' });
    const cli = client();
    const error = (await cli.upload().catch((e: unknown) => e)) as SesamCliVersionError;
    expect(error).toBeInstanceOf(SesamCliVersionError);
    expect(error).toMatchObject({ binary: fake.binary, found: '2.5.19', minimum: MIN_SESAM_VERSION });
    expect(error.message).toContain(
      `sesam 2.5.19 at ${fake.binary} is too old: the workspace needs sesam-py ${MIN_SESAM_VERSION} or newer`,
    );
    expect(error.message).toContain('https://github.com/sesam-community/sesam-py/releases');
    // Checked once: a second call fails the same way without asking sesam again.
    await expect(cli.validate()).rejects.toThrow(SesamCliVersionError);
    expect(fake.records().map((r) => r.argv)).toEqual([['-version']]);
  });

  it('honours a custom minimum and can be switched off', async () => {
    fake.setScript({ version: '2.11.13' });
    await expect(client({ minimumVersion: '3.0.0' }).validate()).rejects.toThrow(
      /sesam 2\.11\.13 .* is too old: the workspace needs sesam-py 3\.0\.0/,
    );
    await client({ checkVersion: false }).validate();
    expect(fake.records().map((r) => r.argv)).toEqual([['-version'], ['validate']]);
  });

  it('reports a binary that prints no version, quoting its output', async () => {
    const runner: ProcessRunner = {
      run: async (request) => ({
        exitCode: 0,
        signal: undefined,
        stdout: 'usage: something-else [-h]',
        stderr: '',
        timedOut: false,
        aborted: false,
        pid: 1,
        ...(request.args[0] === '-version' ? {} : { stdout: 'ran' }),
      }),
    };
    const error = await client({ runner, binary: fake.binary })
      .validate()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SesamCliVersionError);
    expect((error as Error).message).toMatch(
      /^Could not read a version from `.*sesam -version` \(it printed: usage: something-else \[-h\]\)\. Is .* sesam-py's sesam\?/,
    );
  });
});
