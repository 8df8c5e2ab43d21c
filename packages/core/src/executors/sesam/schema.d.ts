import type {
  SesamCommand,
  SesamFlagValues,
  SesamFormatTarget,
  SesamSecretOption,
} from '@sesam/sesam-cli-wrapper';

/** A typed sesam command, or `exec`: the raw arguments in `args`. */
export type SesamExecutorCommand = SesamCommand | 'exec';

/** Options of the executor itself (not sesam flags). */
export interface SesamExecutorOwnOptions {
  command: SesamExecutorCommand;
  /** Raw sesam arguments for `exec` (everything after `--` on the nx command line). */
  args?: string[];
  /** The folder sesam runs in, relative to the project root. Default `connector` (the build output). */
  cwd?: string;
  /** Stop sesam after this many milliseconds. */
  timeoutMs?: number;
  /** The sesam binary. Default: SESAM_CLI, else `sesam` on PATH. */
  binary?: string;
  /** `format` only: what to format. */
  target?: SesamFormatTarget;
}

/**
 * Executor options: its own plus every NON-secret sesam option (credentials never go into
 * project configuration; sesam reads them from .syncconfig, NODE/JWT and .authconfig).
 */
export type SesamExecutorOptions = SesamExecutorOwnOptions & Omit<SesamFlagValues, SesamSecretOption>;
