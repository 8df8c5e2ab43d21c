import type * as Execa from 'execa';
import type { OutputStream, ProcessOutcome, ProcessRequest, ProcessRunner } from './process-runner';

/**
 * execa 9 is ESM-only. This package is CommonJS, so it is loaded with `require`, which Node
 * 20.19+ supports for ES modules without a flag (`process.features.require_module`). Loading it
 * lazily keeps importing the wrapper free of that requirement for callers who inject a runner.
 */
const loadExeca = (): typeof Execa => require('execa') as typeof Execa;

/** The default ProcessRunner: execa, no shell, output tapped line by line. */
export const execaRunner: ProcessRunner = {
  async run(request: ProcessRequest): Promise<ProcessOutcome> {
    const { execa } = loadExeca();
    const tap = (stream: OutputStream) =>
      function* (line: unknown) {
        request.onLine(stream, String(line));
        yield line;
      };
    const subprocess = execa(request.file, [...request.args], {
      cwd: request.cwd,
      env: request.env,
      extendEnv: false,
      shell: false,
      reject: false,
      windowsHide: true,
      stdin: request.inheritStdin ? 'inherit' : 'ignore',
      stdout: [tap('stdout')],
      stderr: [tap('stderr')],
      ...(request.signal ? { cancelSignal: request.signal } : {}),
      ...(request.timeoutMs ? { timeout: request.timeoutMs } : {}),
      killSignal: 'SIGTERM',
      forceKillAfterDelay: request.killGraceMs,
    });
    const result = await subprocess;
    const failedToStart = result.failed && result.exitCode === undefined && !result.signal && !!result.code;
    return {
      exitCode: result.exitCode,
      signal: result.signal,
      stdout: typeof result.stdout === 'string' ? result.stdout : '',
      stderr: typeof result.stderr === 'string' ? result.stderr : '',
      timedOut: result.timedOut,
      aborted: result.isCanceled,
      pid: subprocess.pid,
      ...(failedToStart
        ? { spawnError: { code: result.code, message: result.shortMessage ?? String(result.message) } }
        : {}),
    };
  },
};
