/**
 * The seam between the wrapper and process spawning. The default implementation uses execa
 * (./execa-runner.ts); tests may inject another one.
 */
export type OutputStream = 'stdout' | 'stderr';

export interface ProcessRequest {
  /** Absolute path of the executable. Started directly, never through a shell. */
  file: string;
  args: readonly string[];
  cwd: string;
  /** The complete environment of the child (nothing else is merged in). */
  env: NodeJS.ProcessEnv;
  /** Called once per output line (without its line terminator), in the order lines arrive. */
  onLine: (stream: OutputStream, line: string) => void;
  /** Aborting it terminates the child (SIGTERM, then SIGKILL after `killGraceMs`). */
  signal?: AbortSignal;
  /** Terminate the child after this many milliseconds (0 or undefined: no limit). */
  timeoutMs?: number;
  /** Grace period between SIGTERM and SIGKILL. */
  killGraceMs: number;
  /** Give the child this process's stdin (for interactive logins); otherwise stdin is closed. */
  inheritStdin?: boolean;
}

export interface ProcessOutcome {
  /** The exit code; undefined when the child was killed by a signal or never started. */
  exitCode: number | undefined;
  signal: string | undefined;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  aborted: boolean;
  /** Set when the child could not be started (e.g. ENOENT, EACCES). */
  spawnError?: { code: string | undefined; message: string };
  /** The child's pid, when it started. */
  pid: number | undefined;
}

/** Runs one process to completion. Must not resolve before the child has exited. */
export interface ProcessRunner {
  run(request: ProcessRequest): Promise<ProcessOutcome>;
}
