import { SesamOptionError } from './errors';
import { SESAM_FLAGS, type FlagSpec, type SesamFlagName, type SesamFlagValues } from './flags';

/** The `sesam` commands the wrapper has a typed method for. */
export const SESAM_COMMANDS = [
  'validate',
  'expand',
  'upload',
  'download',
  'status',
  'verify',
  'test',
  'run',
  'update',
  'authenticate',
  'format',
  'wipe',
] as const;
export type SesamCommand = (typeof SESAM_COMMANDS)[number];

const GENERAL = [
  'node',
  'jwt',
  'syncConfigFile',
  'skipTlsVerification',
  'verbosity',
  'logformat',
  'sesamconfigFile',
  'profile',
] as const;
const CONNECTOR = ['systemPlaceholder', 'connectorDir', 'expandedDir'] as const;
const AUTH = [
  'clientId',
  'clientSecret',
  'accountId',
  'apiKey',
  'serviceUrl',
  'serviceJwt',
  'consumerToken',
  'employeeToken',
  'baseUrl',
  'days',
  'ignoreRefreshToken',
  'useClientSecret',
] as const;
const UPLOAD = [
  'whitelistFile',
  'force',
  'skipAuth',
  'enableUserPipes',
  'enableEagerMs',
  'disableCppExtensions',
  'uploadDeleteSinkDatasets',
  'singleThreadUpload',
  'uploadWorkers',
  'uploadRate',
  'doFloatAsDecimal',
] as const;
const SCHEDULER = [
  'runs',
  'schedulerMode',
  'schedulerRequestMode',
  'schedulerZeroRuns',
  'schedulerMaxRuns',
  'schedulerMaxRunTime',
  'schedulerPollFrequency',
  'schedulerCheckInputPipes',
  'schedulerDontResetPipesOrDeleteSinkDatasets',
  'printSchedulerLog',
  'outputRunStatistics',
  'compactExecutionDatasets',
  'runPytest',
  'pytestArgs',
] as const;
const EXPECTED = ['single', 'unicodeEncoding', 'disableJsonHtmlEscape'] as const;

/**
 * Which options each command accepts. The lists follow what sesam-py reads for that command;
 * passing an option a command ignores is a compile error (typed methods) or a SesamOptionError.
 */
export const COMMAND_OPTIONS = {
  validate: [...GENERAL, ...CONNECTOR],
  expand: [...GENERAL, ...CONNECTOR],
  upload: [...GENERAL, ...CONNECTOR, ...AUTH, ...UPLOAD],
  download: [...GENERAL, ...CONNECTOR, 'whitelistFile', 'force', 'dump'],
  status: [...GENERAL, ...CONNECTOR, 'whitelistFile', 'diff', 'dump'],
  verify: [...GENERAL, ...EXPECTED, 'whitelistFile'],
  test: [...GENERAL, ...UPLOAD, ...SCHEDULER, ...EXPECTED],
  run: [...GENERAL, ...SCHEDULER, 'enableUserPipes', 'enableEagerMs', 'disableCppExtensions'],
  update: [...GENERAL, ...EXPECTED],
  authenticate: [...GENERAL, ...CONNECTOR, ...AUTH],
  format: ['verbosity', 'sesamconfigFile', 'unicodeEncoding', 'disableJsonHtmlEscape'],
  wipe: [...GENERAL],
} as const satisfies Record<SesamCommand, readonly SesamFlagName[]>;

/** What `sesam format` formats: a folder kind, or one JSON file. */
export type SesamFormatTarget = 'all' | 'pipes' | 'systems' | 'testdata' | 'expected' | `${string}.json`;

type OptionsOf<C extends SesamCommand> = Pick<SesamFlagValues, (typeof COMMAND_OPTIONS)[C][number]>;

export type ValidateOptions = OptionsOf<'validate'>;
export type ExpandOptions = OptionsOf<'expand'>;
export type UploadOptions = OptionsOf<'upload'>;
export type DownloadOptions = OptionsOf<'download'>;
export type StatusOptions = OptionsOf<'status'>;
export type VerifyOptions = OptionsOf<'verify'>;
export type TestOptions = OptionsOf<'test'>;
export type RunCommandOptions = OptionsOf<'run'>;
export type UpdateOptions = OptionsOf<'update'>;
export type AuthenticateOptions = OptionsOf<'authenticate'>;
export type FormatOptions = OptionsOf<'format'> & { target?: SesamFormatTarget };
export type WipeOptions = OptionsOf<'wipe'>;

export interface SesamCommandOptions {
  validate: ValidateOptions;
  expand: ExpandOptions;
  upload: UploadOptions;
  download: DownloadOptions;
  status: StatusOptions;
  verify: VerifyOptions;
  test: TestOptions;
  run: RunCommandOptions;
  update: UpdateOptions;
  authenticate: AuthenticateOptions;
  format: FormatOptions;
  wipe: WipeOptions;
}

/** Options that are positional arguments rather than flags. */
const POSITIONAL_OPTIONS: Partial<Record<SesamCommand, readonly string[]>> = { format: ['target'] };

export const isSesamCommand = (value: unknown): value is SesamCommand =>
  typeof value === 'string' && (SESAM_COMMANDS as readonly string[]).includes(value);

/**
 * The argv (without the binary) for one command: the command word, its positional arguments, then
 * the flags in the order of SESAM_FLAGS. Positionals come before any flag because sesam-py's
 * `command` is a `nargs='*'` positional that argparse will not resume after an option.
 * Unset, `undefined` and `false` options emit nothing. Throws SesamOptionError for a key the
 * command does not take or a value of the wrong type (for callers without the compile-time types).
 */
export const buildSesamArgs = <C extends SesamCommand>(
  command: C,
  options: SesamCommandOptions[C] = {},
): string[] => {
  if (!isSesamCommand(command)) {
    throw new SesamOptionError(
      `Unknown sesam command '${String(command)}'. Known commands: ${SESAM_COMMANDS.join(', ')}.`,
    );
  }
  const allowed: readonly string[] = COMMAND_OPTIONS[command];
  const positional: readonly string[] = POSITIONAL_OPTIONS[command] ?? [];
  const values = options as Record<string, unknown>;
  for (const key of Object.keys(values)) {
    if (!allowed.includes(key) && !positional.includes(key)) {
      throw new SesamOptionError(
        `Option '${key}' is not an option of 'sesam ${command}'. Options of ${command}: ${[...positional, ...allowed].join(', ')}.`,
      );
    }
  }
  const args: string[] = [command];
  for (const key of positional) {
    const value = values[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '') {
      throw new SesamOptionError(
        `Option '${key}' of 'sesam ${command}' must be a non-empty string, got ${JSON.stringify(value)}.`,
      );
    }
    args.push(value);
  }
  for (const [key, spec] of Object.entries(SESAM_FLAGS) as [SesamFlagName, FlagSpec][]) {
    if (!allowed.includes(key)) continue;
    args.push(...flagArgs(command, key, spec, values[key]));
  }
  return args;
};

const flagArgs = (command: SesamCommand, key: string, spec: FlagSpec, value: unknown): string[] => {
  if (value === undefined) return [];
  const wrongType = (expected: string) =>
    new SesamOptionError(
      `Option '${key}' of 'sesam ${command}' must be ${expected}, got ${JSON.stringify(value)}.`,
    );
  switch (spec.type) {
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongType('true or false');
      return value ? [spec.flag] : [];
    case 'verbosity':
      if (value !== 1 && value !== 2 && value !== 3) throw wrongType('1, 2 or 3 (-v, -vv, -vvv)');
      return [`-${'v'.repeat(value)}`];
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType('a number');
      return [spec.flag, String(value)];
    case 'string':
      if (typeof value !== 'string') throw wrongType('a string');
      return [spec.flag, value];
  }
};
