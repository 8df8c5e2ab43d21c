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
