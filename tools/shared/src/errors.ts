/**
 * A failure the user can act on (bad revision, git refusing, not a repository). The CLI prints
 * `message` without a stack trace and exits with status 2.
 */
export class ToolError extends Error {
  override readonly name = 'ToolError';
}

/** The run was interrupted (Ctrl-C, SIGTERM); `signal` says which. */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
  constructor(readonly signal: string) {
    super(`interrupted by ${signal}`);
  }
}

/** Exit status for an interrupted run: 128 + the signal number, as shells report it. */
export const interruptedExitCode = (signal: string): number => (signal === 'SIGTERM' ? 143 : 130);

/**
 * How a tool's main ends on an error: says what happened through `say` and gives the exit status —
 * an interruption its signal's status (with `afterInterrupt`, what was cleaned up), a ToolError its
 * message and 2, anything else its stack and 2.
 */
export function exitOnError(error: unknown, say: (line: string) => void, afterInterrupt: string): number {
  if (error instanceof InterruptedError) {
    say(`${error.message}; ${afterInterrupt}`);
    return interruptedExitCode(error.signal);
  }
  if (error instanceof ToolError) {
    say(error.message);
    return 2;
  }
  say(`unexpected error: ${(error as Error).stack ?? String(error)}`);
  return 2;
}
