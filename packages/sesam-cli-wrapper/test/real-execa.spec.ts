import { drive as driveWith } from './support/drive';
import { installFakeSesam, processExists, type FakeSesam } from './support/fake-sesam';

// The other suites run the default runner against a child_process stand-in for execa (Jest
// cannot load ESM-only execa 9). This suite runs it against the REAL execa, in a plain Node child
// process (test/support/real-execa-driver.ts), with the same fake sesam.
describe('the default runner with the real execa 9', () => {
  let fake: FakeSesam;
  beforeEach(() => {
    fake = installFakeSesam();
  });
  afterEach(() => fake.cleanup());

  const drive = (scenario: string) =>
    driveWith(scenario, { ...fake.env, DRIVER_BINARY: fake.binary, DRIVER_CWD: fake.workDir });

  it('loads execa 9 from the package, streams lines and passes arguments unchanged', () => {
    fake.setScript({
      steps: [{ out: 'one' }, { sleep: 80 }, { err: 'two' }, { sleep: 80 }, { out: 'three' }],
    });
    const out = drive('stream');
    expect(out.execa).toMatch(/sesam-cli-wrapper[\\/]node_modules[\\/]execa[\\/]/);
    expect(out.lines).toEqual([
      ['stdout', 'one'],
      ['stderr', 'two'],
      ['stdout', 'three'],
    ]);
    expect(out.result).toMatchObject({ exitCode: 0, stdout: 'one\nthree', stderr: 'two' });
    expect(fake.commandRecords().map((r) => [r.argv, r.cwd])).toEqual([
      [['validate', '-profile', `my "prod" it's`], fake.workDir],
    ]);
  });

  it('maps a non-zero exit to SesamCliError with the secret redacted', () => {
    fake.setScript({ steps: [{ err: 'got {argv}' }], exitCode: 4 });
    const out = drive('fail');
    expect(out.error).toMatchObject({ reason: 'exit', exitCode: 4 });
    expect(out.error!.message).toContain(`command: ${fake.binary} upload -jwt ***`);
    expect(out.error!.message).toContain('got ["upload","-jwt","***"]');
    expect(JSON.stringify(out)).not.toContain('c2lnbmF0dXJl');
  });

  it('kills sesam on timeout, leaving no process behind', () => {
    fake.setScript({ steps: [{ out: 'working' }], hang: true });
    const out = drive('timeout');
    expect(out.error).toMatchObject({ reason: 'timeout' });
    expect(processExists(fake.commandRecords()[0]!.pid)).toBe(false);
  });

  it('kills sesam on abort, escalating to SIGKILL when SIGTERM is ignored', () => {
    fake.setScript({ steps: [{ out: 'started' }], hang: true, ignoreSigterm: true });
    const out = drive('abort');
    expect(out.error).toMatchObject({ reason: 'aborted', signal: 'SIGKILL' });
    expect(out.lines).toContainEqual(['stdout', 'ignoring SIGTERM']);
    expect(processExists(fake.commandRecords()[0]!.pid)).toBe(false);
  });
});
