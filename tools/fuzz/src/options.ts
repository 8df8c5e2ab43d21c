import { parseArgs } from 'node:util';
import { ToolError } from '../../shared/src/errors';

export interface FuzzOptions {
  readonly count: number;
  readonly seed: number;
  /** Replay this one case of the run. */
  readonly only?: number;
  readonly timeoutMs: number;
  readonly help: boolean;
}

export const FUZZ_USAGE = `Usage: npm run fuzz -- [--count N] [--seed S] [--only I] [--timeout-ms T]

Runs N mutated connector packages (from every package in packages/connectors/, two synthetic ones
and a small imported one) through the engine: build, then expand of the output. Reports the cases
that crashed (an error that is not a clean refusal), hung (no answer in T ms) or wrote on error (a
refused build or expand that changed the disk), each with the command that replays it.

  --count N        cases to run (default 1000)
  --seed S         seed of the run (default 1); the same seed gives the same cases
  --only I         run only case I of the run (to replay a defect)
  --timeout-ms T   a case slower than this is a hang (default 20000)
  -h, --help       show this help

Exit status: 0 nothing found, 1 defects found, 2 could not run.`;

const integer = (value: string | undefined, name: string, fallback: number, min: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new ToolError(`--${name} must be an integer of at least ${min}\n\n${FUZZ_USAGE}`);
  return n;
};

export function parseFuzzArgs(argv: readonly string[]): FuzzOptions {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        count: { type: 'string' },
        seed: { type: 'string' },
        only: { type: 'string' },
        'timeout-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    throw new ToolError(`${(error as Error).message}\n\n${FUZZ_USAGE}`);
  }
  return {
    count: integer(values.count, 'count', 1000, 1),
    seed: integer(values.seed, 'seed', 1, 0),
    only: values.only === undefined ? undefined : integer(values.only, 'only', 0, 0),
    timeoutMs: integer(values['timeout-ms'], 'timeout-ms', 20_000, 1),
    help: values.help === true,
  };
}
