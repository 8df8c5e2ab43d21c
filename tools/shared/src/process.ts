import { spawn } from 'node:child_process';
import { ToolError } from './errors';

export interface ProcessResult {
  /** Exit status; 128 + signal number style values when the process was killed. */
  code: number;
  /** stdout and stderr, interleaved as they arrived. */
  output: string;
}

export interface RunProcessOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Aborting kills the process and everything it started, then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Sees the output as it arrives (progress). */
  onOutput?: (chunk: string) => void;
}

/** Milliseconds between SIGTERM and SIGKILL when a run is aborted. */
const KILL_GRACE_MS = 5_000;

/**
 * Runs a command (no shell) and collects its output. The process gets its own process group, so an
 * abort can stop it together with the workers it spawned (Nx runs tasks in child processes).
 */
export const runProcess = (
  command: string,
  args: readonly string[],
  options: RunProcessOptions,
): Promise<ProcessResult> =>
  new Promise((resolve, reject) => {
    const { signal } = options;
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: string) => {
      output += chunk;
      options.onOutput?.(chunk);
    };
    child.stdout.setEncoding('utf8').on('data', collect);
    child.stderr.setEncoding('utf8').on('data', collect);
    const killGroup = (sig: NodeJS.Signals) => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    };
    const onAbort = () => {
      killGroup('SIGTERM');
      setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS).unref();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(new ToolError(`could not run ${command}: ${error.message}`));
    });
    child.on('close', (code, killedBy) => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) reject(signal.reason);
      else resolve({ code: code ?? (killedBy === 'SIGTERM' ? 143 : 137), output });
    });
  });
