import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samplePeakMemory, type PeakMemory } from './process-memory';

export interface TimedRun {
  /** Wall time from spawn to exit, milliseconds. */
  ms: number;
  code: number;
  /** stdout and stderr interleaved. */
  output: string;
  /** Only when asked for: sampling costs CPU, so timed runs go without it. */
  memory?: PeakMemory;
}

export interface RunTimedOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Sample the peak memory of the process tree. */
  memory?: boolean;
}

/**
 * Runs a command (no shell) to completion and measures its wall time (and peak memory). Its output
 * goes to a file, not a pipe: Nx 22 sometimes exits (with status 0) before a pipe has taken all of
 * its output, which would lose the summary lines read afterwards.
 */
export const runTimed = (
  command: string,
  args: readonly string[],
  options: RunTimedOptions,
): Promise<TimedRun> =>
  new Promise((resolve, reject) => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-output-'));
    const file = join(dir, 'output.txt');
    const fd = openSync(file, 'w');
    const finish = () => {
      closeSync(fd);
      const output = readFileSync(file, 'utf8');
      rmSync(dir, { recursive: true, force: true });
      return output;
    };
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', fd, fd] });
    const sampler = options.memory && child.pid !== undefined ? samplePeakMemory(child.pid) : undefined;
    child.on('error', (error) => {
      sampler?.stop();
      finish();
      reject(new Error(`could not run ${command}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const memory = sampler?.stop();
      resolve({
        ms,
        code: code ?? (signal === 'SIGKILL' ? 137 : 143),
        output: finish(),
        ...(memory ? { memory } : {}),
      });
    });
  });
