import { SesamCli, SesamOptionError, buildSesamArgs, type SesamRunResult } from '../src';
import { installFakeSesam, type FakeSesam } from './support/fake-sesam';

// Every command, with every option it takes, through the fake binary: the recorded argv must be
// exactly sesam-py's spelling. The expected fragments are written out by hand from sesam-py's
// argparse definitions (2.11.13), not derived from the flag table.
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZXYifQ.c2lnbmF0dXJlLXZhbHVl';
const SERVICE_JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdmMifQ.b3RoZXItc2lnbmF0dXJl';

const general = {
  node: 'https://datahub-123.sesam.cloud/api',
  jwt: JWT,
  syncConfigFile: '../.syncconfig',
  skipTlsVerification: true,
  verbosity: 2,
  logformat: 'log',
  sesamconfigFile: 'sesamconfig.json',
  profile: 'prod',
} as const;
// prettier-ignore
const G = [
  '-node', 'https://datahub-123.sesam.cloud/api',
  '-jwt', JWT,
  '-sync-config-file', '../.syncconfig',
  '-skip-tls-verification',
  '-vv',
  '-logformat', 'log',
  '-sesamconfig-file', 'sesamconfig.json',
  '-profile', 'prod',
];
const connector = { systemPlaceholder: 'shop', connectorDir: '.', expandedDir: '.out' } as const;
const C = ['--system-placeholder', 'shop', '-d', '.', '-e', '.out'];
const auth = {
  clientId: 'cid',
  clientSecret: 'csecret-value',
  accountId: 'acme',
  apiKey: 'apikey-value',
  serviceUrl: 'https://svc.example/api',
  serviceJwt: SERVICE_JWT,
  consumerToken: 'ctoken-value',
  employeeToken: 'etoken-value',
  baseUrl: 'https://api.example',
  days: 30,
  ignoreRefreshToken: true,
  useClientSecret: true,
} as const;
// prettier-ignore
const A = [
  '--client_id', 'cid',
  '--client_secret', 'csecret-value',
  '--account_id', 'acme',
  '--api_key', 'apikey-value',
  '--service_url', 'https://svc.example/api',
  '--service_jwt', SERVICE_JWT,
  '--consumer_token', 'ctoken-value',
  '--employee_token', 'etoken-value',
  '--base_url', 'https://api.example',
  '--days', '30',
  '--ignore-refresh-token',
  '--use-client-secret',
];
const nodePipes = { enableUserPipes: true, enableEagerMs: true, disableCppExtensions: true } as const;
const N = ['-enable-user-pipes', '-enable-eager-ms', '-disable-cpp-extensions'];
const upload = {
  skipAuth: true,
  ...nodePipes,
  uploadDeleteSinkDatasets: true,
  singleThreadUpload: true,
  uploadWorkers: 4,
  uploadRate: 2.5,
  doFloatAsDecimal: true,
} as const;
// prettier-ignore
const U = [
  '-skip-auth',
  ...N,
  '-upload-delete-sink-datasets',
  '-single-thread-upload',
  '--upload-workers', '4',
  '--upload-rate', '2.5',
  '--do-float-as-decimal',
];
const scheduler = {
  runs: 3,
  schedulerMode: 'poll',
  schedulerRequestMode: 'async',
  schedulerZeroRuns: 2,
  schedulerMaxRuns: 50,
  schedulerMaxRunTime: 600,
  schedulerPollFrequency: 1000,
  schedulerCheckInputPipes: true,
  schedulerDontResetPipesOrDeleteSinkDatasets: true,
  printSchedulerLog: true,
  outputRunStatistics: true,
  compactExecutionDatasets: true,
  runPytest: 'pytests',
  pytestArgs: '-x -q',
} as const;
// prettier-ignore
const S = [
  '-runs', '3',
  '-scheduler-mode', 'poll',
  '-scheduler-request-mode', 'async',
  '-scheduler-zero-runs', '2',
  '-scheduler-max-runs', '50',
  '-scheduler-max-run-time', '600',
  '-scheduler-poll-frequency', '1000',
  '-scheduler-check-input-pipes',
  '-scheduler-dont-reset-pipes-or-delete-sink-datasets',
  '-print-scheduler-log',
  '-output-run-statistics',
  '-compact-execution-datasets',
  '-run-pytest', 'pytests',
  '-pytest-args', '-x -q',
];
const expected = { single: 'order-collect', unicodeEncoding: true, disableJsonHtmlEscape: true } as const;
const E = ['-single', 'order-collect', '-unicode-encoding', '-disable-json-html-escape'];

describe('flag mapping of every command (through the fake sesam)', () => {
  let fake: FakeSesam;
  let cli: SesamCli;
  beforeAll(() => {
    fake = installFakeSesam();
    cli = new SesamCli({ env: fake.env, cwd: fake.workDir, onLine: () => undefined });
  });
  afterAll(() => fake.cleanup());

  const cases: [string, (cli: SesamCli) => Promise<SesamRunResult>, string[]][] = [
    ['validate', (c) => c.validate({ ...general, ...connector }), ['validate', ...G, ...C]],
    ['expand', (c) => c.expand({ ...general, ...connector }), ['expand', ...G, ...C]],
    [
      'upload',
      (c) => c.upload({ ...general, whitelistFile: 'wl.txt', force: true, ...connector, ...auth, ...upload }),
      ['upload', ...G, '-whitelist-file', 'wl.txt', '-force', ...C, ...A, ...U],
    ],
    [
      'download',
      (c) => c.download({ ...general, whitelistFile: 'wl.txt', force: true, dump: true, ...connector }),
      ['download', ...G, '-whitelist-file', 'wl.txt', '-force', '-dump', ...C],
    ],
    [
      'status',
      (c) => c.status({ ...general, whitelistFile: 'wl.txt', dump: true, diff: true, ...connector }),
      ['status', ...G, '-whitelist-file', 'wl.txt', '-dump', '-diff', ...C],
    ],
    [
      'verify',
      (c) => c.verify({ ...general, whitelistFile: 'wl.txt', ...expected }),
      ['verify', ...G, '-whitelist-file', 'wl.txt', ...E],
    ],
    [
      'test',
      (c) =>
        c.test({ ...general, whitelistFile: 'wl.txt', force: true, ...upload, ...scheduler, ...expected }),
      ['test', ...G, '-whitelist-file', 'wl.txt', '-force', ...U, ...S, ...E],
    ],
    ['run', (c) => c.run({ ...general, ...nodePipes, ...scheduler }), ['run', ...G, ...N, ...S]],
    ['update', (c) => c.update({ ...general, ...expected }), ['update', ...G, ...E]],
    [
      'authenticate',
      (c) => c.authenticate({ ...general, ...connector, ...auth }),
      ['authenticate', ...G, ...C, ...A],
    ],
    [
      'format',
      (c) =>
        c.format({
          target: 'pipes',
          verbosity: 3,
          sesamconfigFile: 'sesamconfig.json',
          unicodeEncoding: true,
          disableJsonHtmlEscape: true,
        }),
      [
        'format',
        'pipes',
        '-vvv',
        '-sesamconfig-file',
        'sesamconfig.json',
        '-unicode-encoding',
        '-disable-json-html-escape',
      ],
    ],
    ['wipe', (c) => c.wipe({ ...general }), ['wipe', ...G]],
  ];

  it.each(cases)('sesam %s', async (_name, call, argv) => {
    const before = fake.commandRecords().length;
    const result = await call(cli);
    expect(result.exitCode).toBe(0);
    const records = fake.commandRecords();
    expect(records).toHaveLength(before + 1);
    expect(records[before]!.argv).toEqual(argv);
  });

  it('emits nothing for unset options and false booleans, and the verbosity level as -v/-vv/-vvv', async () => {
    await cli.validate({ skipTlsVerification: false, profile: undefined });
    await cli.validate({ verbosity: 1 });
    await cli.format({ target: 'systems/foo.json' });
    await cli.format();
    expect(
      fake
        .commandRecords()
        .slice(-4)
        .map((r) => r.argv),
    ).toEqual([['validate'], ['validate', '-v'], ['format', 'systems/foo.json'], ['format']]);
  });
});

describe('buildSesamArgs rejects what sesam would misread', () => {
  it('rejects an option the command does not take, naming the options it does take', () => {
    const call = () => buildSesamArgs('validate', { clientSecret: 'x' } as never);
    expect(call).toThrow(SesamOptionError);
    expect(call).toThrow(
      /'clientSecret' is not an option of 'sesam validate'\. Options of validate: node, jwt,/,
    );
  });

  it('rejects values of the wrong type', () => {
    expect(() => buildSesamArgs('validate', { verbosity: 4 } as never)).toThrow(
      /'verbosity' .* must be 1, 2 or 3/,
    );
    expect(() => buildSesamArgs('upload', { days: '3' } as never)).toThrow(/'days' .* must be a number/);
    expect(() => buildSesamArgs('upload', { skipAuth: 'yes' } as never)).toThrow(
      /'skipAuth' .* must be true or false/,
    );
    expect(() => buildSesamArgs('upload', { profile: 7 } as never)).toThrow(/'profile' .* must be a string/);
    expect(() => buildSesamArgs('format', { target: '' } as never)).toThrow(/'target' .* non-empty string/);
  });

  it('rejects an unknown command', () => {
    expect(() => buildSesamArgs('deploy' as never)).toThrow(/Unknown sesam command 'deploy'/);
  });
});

// Compile-time checks (verified by `tsc -p packages/sesam-cli-wrapper`): each line must NOT
// compile, or tsc reports the @ts-expect-error as unused. The functions are never called.
export const typoChecks = (cli: SesamCli) => [
  // @ts-expect-error a typo in an option name
  () => cli.validate({ profle: 'prod' }),
  // @ts-expect-error an upload-only option on validate
  () => cli.validate({ skipAuth: true }),
  // @ts-expect-error there is no -vvvv
  () => cli.upload({ verbosity: 4 }),
  // @ts-expect-error numbers are numbers
  () => cli.authenticate({ days: '10' }),
  // @ts-expect-error not a format target
  () => cli.format({ target: 'pipez' }),
];
