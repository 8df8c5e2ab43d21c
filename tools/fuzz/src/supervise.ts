import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { makeCase, type FuzzCase } from './mutate';
import { caseSeed, Random } from './random';
import type { CaseOutcome } from './run-case';
import type { SeedPackage } from './seeds';

/** A case's outcome as the run reports it: the engine's, or a hang (no answer in time). */
export type FuzzOutcome = CaseOutcome | { readonly kind: 'hang'; readonly message: string };

export interface FuzzResult {
  readonly fuzzCase: FuzzCase;
  readonly outcome: FuzzOutcome;
}

export interface SuperviseOptions {
  readonly seeds: readonly SeedPackage[];
  readonly seed: number;
  /** Case indexes to run (0..count-1, or the one `--only` names). */
  readonly indexes: readonly number[];
  /** A case without an answer after this long is a hang (its worker is killed). */
  readonly timeoutMs: number;
  /** A module exporting `engine` (a FuzzEngine) instead of the real one: the fuzzer's own test. */
  readonly engineModule?: string;
  /** Heap of a worker: a case that needs more is a crash, not a machine swapping. */
  readonly workerHeapMb?: number;
  readonly onResult?: (result: FuzzResult) => void;
}

const WORKER = join(__dirname, 'worker.ts');
const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');

interface Worker {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
}

function startWorker(options: SuperviseOptions): Worker {
  const child = fork(WORKER, options.engineModule ? [options.engineModule] : [], {
    execArgv: ['-r', '@swc-node/register', `--max-old-space-size=${options.workerHeapMb ?? 1024}`],
    // In the workspace root and without SWC_NODE_PROJECT, so that swc-node reads no tsconfig: it
    // would resolve tsconfig.base.json's `paths` to a folder without its index, where node's own
    // resolution finds the engine through its package exports.
    cwd: WORKSPACE_ROOT,
    env: Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'SWC_NODE_PROJECT')),
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const ready = new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) =>
      reject(new Error(`the fuzz worker did not start (exit ${code}):\n${stderr}`)),
    );
  });
  return { child, ready };
}

/** Sends one case and waits for its outcome, a hang (timeout) or the worker's death (a crash). */
function runOne(worker: Worker, fuzzCase: FuzzCase, timeoutMs: number): Promise<FuzzOutcome> {
  return new Promise((resolve) => {
    const { child } = worker;
    const done = (outcome: FuzzOutcome): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(outcome);
    };
    const onMessage = (message: { index?: number; outcome?: CaseOutcome }): void => {
      if (message.index === fuzzCase.index && message.outcome) done(message.outcome);
    };
    const onExit = (code: number | null, signal: string | null): void =>
      done({
        kind: 'crash',
        stage: 'build',
        message: `the engine's process died (${signal ?? `exit ${code}`})`,
      });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done({ kind: 'hang', message: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.send({ index: fuzzCase.index, folder: fuzzCase.folder, files: fuzzCase.files });
  });
}

/**
 * Runs the cases one after the other in a worker process, replacing the worker after a hang or a
 * crash of its process. Cases are made from `seed` and their index alone, so one can be replayed.
 */
export async function supervise(options: SuperviseOptions): Promise<FuzzResult[]> {
  const results: FuzzResult[] = [];
  let worker: Worker | undefined;
  try {
    for (const index of options.indexes) {
      const seed = caseSeed(options.seed, index);
      const fuzzCase = makeCase(options.seeds, new Random(seed), index, seed);
      if (worker === undefined || worker.child.exitCode !== null || worker.child.signalCode !== null) {
        worker = startWorker(options);
        await worker.ready;
      }
      const outcome = await runOne(worker, fuzzCase, options.timeoutMs);
      if (outcome.kind === 'hang' || worker.child.exitCode !== null) worker = undefined;
      const result = { fuzzCase, outcome };
      results.push(result);
      options.onResult?.(result);
    }
  } finally {
    worker?.child.kill('SIGKILL');
  }
  return results;
}
