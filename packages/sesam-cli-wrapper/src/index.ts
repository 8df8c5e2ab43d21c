/**
 * @sesam/sesam-cli-wrapper: a typed wrapper around sesam-py's `sesam` CLI, driven through execa.
 * See README.md.
 */
export {
  SesamCli,
  consoleLineHandler,
  type LineHandler,
  type SesamCliOptions,
  type SesamRunOptions,
  type SesamRunResult,
} from './sesam-cli';
export {
  COMMAND_OPTIONS,
  SESAM_COMMANDS,
  buildSesamArgs,
  isSesamCommand,
  type AuthenticateOptions,
  type DownloadOptions,
  type ExpandOptions,
  type FormatOptions,
  type RunCommandOptions,
  type SesamCommand,
  type SesamCommandOptions,
  type SesamFormatTarget,
  type StatusOptions,
  type TestOptions,
  type UpdateOptions,
  type UploadOptions,
  type ValidateOptions,
  type VerifyOptions,
  type WipeOptions,
} from './lib/commands';
export {
  SECRET_FLAGS,
  SECRET_OPTIONS,
  SESAM_FLAGS,
  type FlagSpec,
  type SesamFlagName,
  type SesamFlagValues,
  type SesamSecretOption,
  type SesamVerbosity,
} from './lib/flags';
export {
  SESAM_INSTALL_HELP,
  SesamCliError,
  SesamCliNotFoundError,
  SesamCliVersionError,
  SesamOptionError,
  SesamWrapperError,
  type SesamFailureReason,
} from './lib/errors';
export { findOnPath, resolveSesamBinary, type ResolveBinaryInput, type ResolvedBinary } from './lib/resolve-binary';
export { MIN_SESAM_VERSION, compareVersions, parseSesamVersion, type SesamVersion } from './lib/version';
export { REDACTED, createRedactor, secretsInArgs, type Redactor } from './lib/redact';
export { AUTH_CONFIG_FILE, SYNC_CONFIG_FILE, findUpwards, knownSecrets } from './lib/credentials';
export { commandWordOf, flagValueOf } from './lib/raw-args';
export { formatCommandLine } from './lib/command-line';
export { execaRunner } from './runner/execa-runner';
export type { OutputStream, ProcessOutcome, ProcessRequest, ProcessRunner } from './runner/process-runner';
