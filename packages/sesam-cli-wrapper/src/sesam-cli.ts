import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatCommandLine } from './lib/command-line';
import {
  buildSesamArgs,
  type AuthenticateOptions,
  type DownloadOptions,
  type ExpandOptions,
  type FormatOptions,
  type RunCommandOptions,
  type SesamCommand,
  type SesamCommandOptions,
  type StatusOptions,
  type TestOptions,
  type UpdateOptions,
  type UploadOptions,
  type ValidateOptions,
  type VerifyOptions,
  type WipeOptions,
} from './lib/commands';
import { knownSecrets } from './lib/credentials';
import {
  SesamCliError,
  SesamCliNotFoundError,
  SesamOptionError,
  SesamWrapperError,
  type SesamFailureReason,
} from './lib/errors';
import { commandWordOf, flagValueOf } from './lib/raw-args';
import { createRedactor, secretsInArgs } from './lib/redact';
import { resolveSesamBinary, type ResolvedBinary } from './lib/resolve-binary';
import { MIN_SESAM_VERSION, assertSupportedVersion, type SesamVersion } from './lib/version';
import { execaRunner } from './runner/execa-runner';
import type { OutputStream, ProcessOutcome, ProcessRunner } from './runner/process-runner';

/** Receives every output line of sesam, already redacted. */
export type LineHandler = (line: string, stream: OutputStream) => void;

/** The default LineHandler: the console, each line prefixed with `[sesam]`. */
export const consoleLineHandler: LineHandler = (line, stream) =>
  stream === 'stderr' ? console.error(`[sesam] ${line}`) : console.log(`[sesam] ${line}`);

export interface SesamCliOptions {
  /** The sesam binary (path, or name on PATH). Default: SESAM_CLI, else `sesam` on PATH. */
  binary?: string;
  /** Environment for sesam (and for SESAM_CLI/PATH lookup). Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Working directory when a call gives none: normally the built connector folder. Default: process.cwd(). */
  cwd?: string;
  /** Where output lines go. Default: consoleLineHandler. */
  onLine?: LineHandler;
  /** Default time limit per call in milliseconds (0: none). */
  timeoutMs?: number;
  /** Grace period between SIGTERM and SIGKILL when stopping sesam. Default 5000. */
  killGraceMs?: number;
  /** Oldest accepted sesam-py version. Default MIN_SESAM_VERSION. */
  minimumVersion?: string;
  /** Check the version once before the first command. Default true. */
  checkVersion?: boolean;
  /** How processes are started. Default: execa. */
  runner?: ProcessRunner;
  /** How many trailing stderr lines a SesamCliError carries. Default 20. */
  stderrTailLines?: number;
}

/** Per-call settings that are not sesam flags. */
export interface SesamRunOptions {
  cwd?: string;
  /** Extra environment variables for this call (e.g. NODE, JWT). */
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  timeoutMs?: number;
  onLine?: LineHandler;
  /** Let sesam read this process's stdin (interactive logins). */
  interactive?: boolean;
}

export interface SesamRunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** The command line as shown to users (quoted, secrets redacted). */
  commandLine: string;
  cwd: string;
}

const DEFAULT_KILL_GRACE_MS = 5000;
const VERSION_TIMEOUT_MS = 60_000;

/**
 * A typed client for sesam-py's `sesam` command: one method per command, options mapped to the
 * real flags, started without a shell in the connector folder, output streamed line by line,
 * secrets redacted from everything it reports.
 */
export class SesamCli {
  private readonly settings: Required<Omit<SesamCliOptions, 'binary'>> & { binary: string | undefined };
  private resolved: ResolvedBinary | undefined;
  private versionOutput: Promise<string> | undefined;

  constructor(options: SesamCliOptions = {}) {
    this.settings = {
      binary: options.binary,
      env: options.env ?? process.env,
      cwd: options.cwd ?? process.cwd(),
      onLine: options.onLine ?? consoleLineHandler,
      timeoutMs: options.timeoutMs ?? 0,
      killGraceMs: options.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
      minimumVersion: options.minimumVersion ?? MIN_SESAM_VERSION,
      checkVersion: options.checkVersion ?? true,
      runner: options.runner ?? execaRunner,
      stderrTailLines: options.stderrTailLines ?? 20,
    };
  }

  /** The binary that will be run (resolved once). Throws SesamCliNotFoundError. */
  binary(): ResolvedBinary {
    this.resolved ??= resolveSesamBinary({
      explicit: this.settings.binary,
      env: this.settings.env,
      cwd: this.settings.cwd,
    });
    return this.resolved;
  }

  /** The version `sesam -version` prints. Throws SesamCliVersionError when it prints none. */
  async version(): Promise<SesamVersion> {
    const output = await this.versionText();
    return assertSupportedVersion(output, this.binary().path, '0.0.0');
  }

  validate(options?: ValidateOptions, run?: SesamRunOptions) {
    return this.runCommand('validate', options, run);
  }
  expand(options?: ExpandOptions, run?: SesamRunOptions) {
    return this.runCommand('expand', options, run);
  }
  upload(options?: UploadOptions, run?: SesamRunOptions) {
    return this.runCommand('upload', options, run);
  }
  download(options?: DownloadOptions, run?: SesamRunOptions) {
    return this.runCommand('download', options, run);
  }
  status(options?: StatusOptions, run?: SesamRunOptions) {
    return this.runCommand('status', options, run);
  }
  verify(options?: VerifyOptions, run?: SesamRunOptions) {
    return this.runCommand('verify', options, run);
  }
  test(options?: TestOptions, run?: SesamRunOptions) {
    return this.runCommand('test', options, run);
  }
  run(options?: RunCommandOptions, run?: SesamRunOptions) {
    return this.runCommand('run', options, run);
  }
  update(options?: UpdateOptions, run?: SesamRunOptions) {
    return this.runCommand('update', options, run);
  }
  authenticate(options?: AuthenticateOptions, run?: SesamRunOptions) {
    return this.runCommand('authenticate', options, run);
  }
  format(options?: FormatOptions, run?: SesamRunOptions) {
    return this.runCommand('format', options, run);
  }
  wipe(options?: WipeOptions, run?: SesamRunOptions) {
    return this.runCommand('wipe', options, run);
  }

  /** Any typed command by name (what the methods above call). */
  runCommand<C extends SesamCommand>(
    command: C,
    options?: SesamCommandOptions[C],
    run?: SesamRunOptions,
  ): Promise<SesamRunResult> {
    return this.exec(buildSesamArgs(command, options), run);
  }

  /** Raw arguments, passed to sesam unchanged (no shell). Secret flag values are still redacted. */
  async exec(args: readonly string[], run: SesamRunOptions = {}): Promise<SesamRunResult> {
    if (!Array.isArray(args) || args.some((arg) => typeof arg !== 'string')) {
      throw new SesamOptionError(`sesam arguments must be an array of strings, got ${JSON.stringify(args)}.`);
    }
    const cwd = resolve(this.settings.cwd, run.cwd ?? '.');
    if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
      throw new SesamWrapperError(`Cannot run sesam in ${cwd}: the folder does not exist.`);
    }
    const binary = this.binary();
    if (this.settings.checkVersion) {
      assertSupportedVersion(await this.versionText(cwd), binary.path, this.settings.minimumVersion);
    }
    const env = { ...this.settings.env, ...run.env };
    const redact = createRedactor([
      ...knownSecrets(cwd, env, flagValueOf(args, '-sync-config-file')),
      ...secretsInArgs(args),
    ]);
    const commandLine = formatCommandLine(binary.path, args, redact);
    const onLine = run.onLine ?? this.settings.onLine;
    const timeoutMs = run.timeoutMs ?? this.settings.timeoutMs;

    const started = performance.now();
    const outcome = await this.settings.runner.run({
      file: binary.path,
      args,
      cwd,
      env,
      onLine: (stream, line) => onLine(redact(line), stream),
      ...(run.signal ? { signal: run.signal } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
      killGraceMs: this.settings.killGraceMs,
      inheritStdin: run.interactive ?? false,
    });
    const durationMs = Math.round(performance.now() - started);
    const stdout = redact(outcome.stdout);
    const stderr = redact(outcome.stderr);

    if (outcome.spawnError?.code === 'ENOENT') {
      throw new SesamCliNotFoundError(
        `${binary.path} could not be started: ${redact(outcome.spawnError.message)}`,
        [binary.path],
      );
    }
    const reason = failureReason(outcome);
    if (reason === undefined) {
      return { exitCode: 0, stdout, stderr, durationMs, commandLine, cwd };
    }
    const word = commandWordOf(args);
    const label = word ? `sesam ${word}` : 'sesam';
    const tail = (stderr || stdout)
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .slice(-this.settings.stderrTailLines);
    const headline = {
      exit: `${label} failed with exit code ${outcome.exitCode}.`,
      signal: `${label} was killed by ${outcome.signal}.`,
      timeout: `${label} timed out after ${timeoutMs} ms and was stopped.`,
      aborted: `${label} was cancelled and stopped.`,
      spawn: `${label} could not be started: ${redact(outcome.spawnError?.message ?? '')}`,
    }[reason];
    const hint = hintFor(`${stdout}\n${stderr}`);
    throw new SesamCliError(headline, {
      reason,
      commandLine,
      cwd,
      exitCode: outcome.exitCode,
      signal: outcome.signal,
      stderrTail: tail,
      stdout,
      stderr,
      durationMs,
      ...(hint ? { hint } : {}),
    });
  }

  /** Runs `sesam -version` once per client (in the first caller's folder); every caller shares the result. */
  private versionText(cwd = this.settings.cwd): Promise<string> {
    this.versionOutput ??= (async () => {
      const binary = this.binary();
      const outcome = await this.settings.runner.run({
        file: binary.path,
        args: ['-version'],
        cwd,
        env: this.settings.env,
        onLine: () => undefined,
        timeoutMs: VERSION_TIMEOUT_MS,
        killGraceMs: this.settings.killGraceMs,
      });
      if (outcome.spawnError) {
        throw new SesamCliNotFoundError(
          `${binary.path} could not be started: ${outcome.spawnError.message}`,
          [binary.path],
        );
      }
      return `${outcome.stdout}\n${outcome.stderr}`;
    })();
    return this.versionOutput;
  }
}

const failureReason = (outcome: ProcessOutcome): SesamFailureReason | undefined => {
  if (outcome.timedOut) return 'timeout';
  if (outcome.aborted) return 'aborted';
  if (outcome.spawnError) return 'spawn';
  if (outcome.signal) return 'signal';
  if (outcome.exitCode !== 0) return 'exit';
  return undefined;
};

/** Advice for the failures sesam-py reports in a way that hides their cause. */
const hintFor = (output: string): string | undefined => {
  if (/jwt and node must be specified/i.test(output)) {
    return (
      'sesam found no node URL and JWT. Put NODE="<node url>" and JWT="<token>" in a .syncconfig file in the connector ' +
      'folder or a parent (it is git-ignored; never commit it), or set the NODE and JWT environment variables.'
    );
  }
  if (/Sesam client failed!/.test(output)) {
    return 'sesam hides the underlying exception: run again with verbosity 2 (-vv) to see it.';
  }
  return undefined;
};
