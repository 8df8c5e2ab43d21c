/** Where to get sesam-py, shown whenever the binary is missing or too old. */
export const SESAM_INSTALL_HELP = [
  'Install sesam-py: download the `sesam` binary for your OS from https://github.com/sesam-community/sesam-py/releases,',
  'unpack it and put it on your PATH (check with `sesam -version`), or set SESAM_CLI to the path of the binary,',
  'e.g. `export SESAM_CLI=$HOME/bin/sesam`.',
].join('\n');

/** Base class of every error the wrapper throws on purpose. */
export class SesamWrapperError extends Error {
  override name = 'SesamWrapperError';
}

/** No usable `sesam` binary: not on PATH, or SESAM_CLI / the explicit option points nowhere. */
export class SesamCliNotFoundError extends SesamWrapperError {
  override name = 'SesamCliNotFoundError';
  constructor(
    readonly reason: string,
    readonly searched: readonly string[],
  ) {
    super(`${reason}\n${SESAM_INSTALL_HELP}`);
  }
}

/** `sesam -version` printed a version older than the wrapper supports, or none it could read. */
export class SesamCliVersionError extends SesamWrapperError {
  override name = 'SesamCliVersionError';
  constructor(
    message: string,
    readonly binary: string,
    readonly found: string | undefined,
    readonly minimum: string,
  ) {
    super(message);
  }
}

/** An option that `sesam <command>` does not take, or a value of the wrong type. */
export class SesamOptionError extends SesamWrapperError {
  override name = 'SesamOptionError';
}

/** Why a run of `sesam` did not succeed. */
export type SesamFailureReason = 'exit' | 'signal' | 'timeout' | 'aborted' | 'spawn';

export interface SesamCliErrorDetails {
  reason: SesamFailureReason;
  /** The command line as shown to users: quoted, with every secret redacted. */
  commandLine: string;
  cwd: string;
  exitCode: number | undefined;
  signal: string | undefined;
  /** The last lines sesam wrote to stderr (redacted). */
  stderrTail: readonly string[];
  stdout: string;
  stderr: string;
  durationMs: number;
  /** A hint derived from sesam's output, when one applies. */
  hint?: string;
}

/** `sesam` ran but failed: non-zero exit, killed by a signal, timed out, cancelled, or could not start. */
export class SesamCliError extends SesamWrapperError {
  override name = 'SesamCliError';
  readonly reason: SesamFailureReason;
  readonly commandLine: string;
  readonly cwd: string;
  readonly exitCode: number | undefined;
  readonly signal: string | undefined;
  readonly stderrTail: readonly string[];
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
  readonly hint: string | undefined;

  constructor(headline: string, details: SesamCliErrorDetails) {
    const lines = [headline, `  command: ${details.commandLine}`, `  in: ${details.cwd}`];
    if (details.stderrTail.length > 0) {
      lines.push('  last stderr lines:', ...details.stderrTail.map((line) => `    ${line}`));
    }
    if (details.hint) lines.push(`  hint: ${details.hint}`);
    super(lines.join('\n'));
    this.reason = details.reason;
    this.commandLine = details.commandLine;
    this.cwd = details.cwd;
    this.exitCode = details.exitCode;
    this.signal = details.signal;
    this.stderrTail = details.stderrTail;
    this.stdout = details.stdout;
    this.stderr = details.stderr;
    this.durationMs = details.durationMs;
    this.hint = details.hint;
  }
}
