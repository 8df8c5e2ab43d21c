/**
 * Every command-line flag of sesam-py's `sesam` that the wrapper can emit, keyed by the camelCase
 * option name callers use. The spellings follow sesam-py 2.11's argparse definitions exactly: most
 * flags have ONE leading dash (`-node`, `-sync-config-file`), the connector ones have two and use
 * underscores (`--client_secret`), and `-d`/`-e` are single letters.
 *
 * `secret: true` marks values that are credentials: they are redacted from every log line, error
 * and recorded command line.
 */
export type FlagType = 'string' | 'number' | 'boolean' | 'verbosity';

export interface FlagSpec {
  readonly flag: string;
  readonly type: FlagType;
  readonly secret?: boolean;
  readonly description: string;
}

export const SESAM_FLAGS = {
  // Connection and general behaviour.
  node: { flag: '-node', type: 'string', description: 'Node URL (else NODE or .syncconfig).' },
  jwt: { flag: '-jwt', type: 'string', secret: true, description: 'Node JWT (else JWT or .syncconfig).' },
  syncConfigFile: {
    flag: '-sync-config-file',
    type: 'string',
    description: 'Sync config file instead of .syncconfig.',
  },
  skipTlsVerification: {
    flag: '-skip-tls-verification',
    type: 'boolean',
    description: "Don't verify the node's TLS certificate.",
  },
  verbosity: { flag: '-v', type: 'verbosity', description: '1 → -v, 2 → -vv, 3 → -vvv.' },
  logformat: { flag: '-logformat', type: 'string', description: 'Output format: short, log or azure.' },
  sesamconfigFile: {
    flag: '-sesamconfig-file',
    type: 'string',
    description: 'sesamconfig file instead of .sesamconfig.json.',
  },
  profile: {
    flag: '-profile',
    type: 'string',
    description: 'Env profile: uses <profile>-env.json (default test).',
  },
  whitelistFile: { flag: '-whitelist-file', type: 'string', description: 'Only these pipes/systems.' },
  force: {
    flag: '-force',
    type: 'boolean',
    description: 'Allow upload/download on a non-developer subscription.',
  },
  dump: { flag: '-dump', type: 'boolean', description: 'Also dump the config zip to disk.' },
  diff: { flag: '-diff', type: 'boolean', description: 'status: show the diff of differing files.' },

  // Connector layout.
  systemPlaceholder: {
    flag: '--system-placeholder',
    type: 'string',
    description: 'System _id placeholder (default xxxxxx).',
  },
  connectorDir: { flag: '-d', type: 'string', description: 'Connector folder (default .).' },
  expandedDir: { flag: '-e', type: 'string', description: 'Expanded folder (default .expanded).' },

  // Connector authentication (authenticate, and upload unless skipAuth).
  clientId: { flag: '--client_id', type: 'string', description: 'OAuth2 client id.' },
  clientSecret: {
    flag: '--client_secret',
    type: 'string',
    secret: true,
    description: 'OAuth2 client secret.',
  },
  accountId: { flag: '--account_id', type: 'string', description: 'OAuth2 account_id override.' },
  apiKey: { flag: '--api_key', type: 'string', secret: true, description: 'api_key secret.' },
  serviceUrl: { flag: '--service_url', type: 'string', description: 'Service API URL (including /api).' },
  serviceJwt: {
    flag: '--service_jwt',
    type: 'string',
    secret: true,
    description: 'JWT for the service API.',
  },
  consumerToken: {
    flag: '--consumer_token',
    type: 'string',
    secret: true,
    description: 'Tripletex consumer token.',
  },
  employeeToken: {
    flag: '--employee_token',
    type: 'string',
    secret: true,
    description: 'Tripletex employee token.',
  },
  baseUrl: { flag: '--base_url', type: 'string', description: 'Base URL override.' },
  days: { flag: '--days', type: 'number', description: 'Days until the Tripletex token expires.' },
  ignoreRefreshToken: {
    flag: '--ignore-refresh-token',
    type: 'boolean',
    description: 'For systems without refresh tokens (Shopify).',
  },
  useClientSecret: {
    flag: '--use-client-secret',
    type: 'boolean',
    description: 'Send client_secret to the /authorize URL.',
  },

  // Upload.
  skipAuth: {
    flag: '-skip-auth',
    type: 'boolean',
    description: 'Skip the authentication step after upload.',
  },
  enableUserPipes: {
    flag: '-enable-user-pipes',
    type: 'boolean',
    description: 'Turn on user pipe scheduling.',
  },
  enableEagerMs: { flag: '-enable-eager-ms', type: 'boolean', description: 'Run all microservices.' },
  disableCppExtensions: {
    flag: '-disable-cpp-extensions',
    type: 'boolean',
    description: 'Turn off DTL cpp extensions.',
  },
  uploadDeleteSinkDatasets: {
    flag: '-upload-delete-sink-datasets',
    type: 'boolean',
    description: 'Delete sink datasets before uploading.',
  },
  singleThreadUpload: {
    flag: '-single-thread-upload',
    type: 'boolean',
    description: 'Upload testdata on one thread.',
  },
  uploadWorkers: {
    flag: '--upload-workers',
    type: 'number',
    description: 'Concurrent testdata upload workers.',
  },
  uploadRate: {
    flag: '--upload-rate',
    type: 'number',
    description: 'Testdata upload requests per second (0 = unlimited).',
  },
  doFloatAsDecimal: {
    flag: '--do-float-as-decimal',
    type: 'boolean',
    description: 'Keep full decimal precision.',
  },

  // Scheduler (run, test).
  runs: { flag: '-runs', type: 'number', description: 'Test cycles to check for stability.' },
  schedulerMode: { flag: '-scheduler-mode', type: 'string', description: "'active' or 'poll'." },
  schedulerRequestMode: {
    flag: '-scheduler-request-mode',
    type: 'string',
    description: "'sync' or 'async'.",
  },
  schedulerZeroRuns: {
    flag: '-scheduler-zero-runs',
    type: 'number',
    description: 'Runs with zero changes needed to finish.',
  },
  schedulerMaxRuns: { flag: '-scheduler-max-runs', type: 'number', description: 'Maximum scheduler runs.' },
  schedulerMaxRunTime: {
    flag: '-scheduler-max-run-time',
    type: 'number',
    description: 'Maximum scheduler time in seconds.',
  },
  schedulerPollFrequency: {
    flag: '-scheduler-poll-frequency',
    type: 'number',
    description: 'Milliseconds between polls.',
  },
  schedulerCheckInputPipes: {
    flag: '-scheduler-check-input-pipes',
    type: 'boolean',
    description: 'Failing input pipes fail the run.',
  },
  schedulerDontResetPipesOrDeleteSinkDatasets: {
    flag: '-scheduler-dont-reset-pipes-or-delete-sink-datasets',
    type: 'boolean',
    description: 'Keep pipes and sink datasets between runs.',
  },
  printSchedulerLog: {
    flag: '-print-scheduler-log',
    type: 'boolean',
    description: 'Print the scheduler log.',
  },
  outputRunStatistics: {
    flag: '-output-run-statistics',
    type: 'boolean',
    description: 'Print pipe run statistics.',
  },
  compactExecutionDatasets: {
    flag: '-compact-execution-datasets',
    type: 'boolean',
    description: 'Compact execution datasets.',
  },
  runPytest: {
    flag: '-run-pytest',
    type: 'string',
    description: 'Folder of pytest tests to run afterwards.',
  },
  pytestArgs: { flag: '-pytest-args', type: 'string', description: 'Arguments for pytest.' },

  // Expected output (verify, update, test, format).
  single: { flag: '-single', type: 'string', description: 'Only this pipe.' },
  unicodeEncoding: {
    flag: '-unicode-encoding',
    type: 'boolean',
    description: 'Store expected output with \\uXXXX escapes.',
  },
  disableJsonHtmlEscape: {
    flag: '-disable-json-html-escape',
    type: 'boolean',
    description: "Don't escape <, > and & in expected output.",
  },
} as const satisfies Record<string, FlagSpec>;

export type SesamFlagName = keyof typeof SESAM_FLAGS;

/** Options whose values are credentials (`jwt`, `clientSecret`, …). */
export type SesamSecretOption = {
  [K in SesamFlagName]: (typeof SESAM_FLAGS)[K] extends { secret: true } ? K : never;
}[SesamFlagName];

/** The names of the options whose values are credentials. */
export const SECRET_OPTIONS: readonly SesamSecretOption[] = (
  Object.keys(SESAM_FLAGS) as SesamFlagName[]
).filter((key): key is SesamSecretOption => (SESAM_FLAGS[key] as FlagSpec).secret === true);

/** The verbosity levels sesam-py knows: `-v`, `-vv`, `-vvv`. */
export type SesamVerbosity = 1 | 2 | 3;

type ValueOf<S extends FlagSpec> = S['type'] extends 'boolean'
  ? boolean
  : S['type'] extends 'number'
    ? number
    : S['type'] extends 'verbosity'
      ? SesamVerbosity
      : string;

/** The typed value of every flag option. */
export type SesamFlagValues = { [K in SesamFlagName]?: ValueOf<(typeof SESAM_FLAGS)[K]> };

/** Flags (the dash-prefixed spelling) whose following argument is a credential. */
export const SECRET_FLAGS: ReadonlySet<string> = new Set(
  Object.values(SESAM_FLAGS as Record<string, FlagSpec>)
    .filter((spec) => spec.secret)
    .map((spec) => spec.flag),
);

/**
 * Flags of sesam-py that take a value (so that, scanning raw arguments, the token after them is a
 * value, not a command). Includes the flags the wrapper has no option for.
 */
export const VALUE_FLAGS: ReadonlySet<string> = new Set([
  ...Object.values(SESAM_FLAGS as Record<string, FlagSpec>)
    .filter((spec) => spec.type === 'string' || spec.type === 'number')
    .map((spec) => spec.flag),
  '-scheduler-node',
  '-scheduler-id',
  '-scheduler-image-tag',
  '-restart-timeout',
  '--auth',
  '--datatype',
]);
