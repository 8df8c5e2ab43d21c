import { join } from 'node:path';
import { exitOnError, InterruptedError } from '../../shared/src/errors';
import type { ToolDeps } from '../../shared/src/tool-deps';
import { FUZZ_USAGE, parseFuzzArgs } from './options';
import { defects, formatReport } from './report';
import { loadSeeds } from './seeds';
import { supervise } from './supervise';

const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');

/** `npm run fuzz`: see FUZZ_USAGE. */
export async function runFuzz(argv: readonly string[], deps: ToolDeps): Promise<number> {
  try {
    const options = parseFuzzArgs(argv);
    if (options.help) {
      deps.stdout(`${FUZZ_USAGE}\n`);
      return 0;
    }
    const indexes =
      options.only !== undefined ? [options.only] : Array.from({ length: options.count }, (_, i) => i);
    const started = Date.now();
    let done = 0;
    const results = await supervise({
      seeds: loadSeeds(WORKSPACE_ROOT),
      seed: options.seed,
      indexes,
      timeoutMs: options.timeoutMs,
      onResult: (result) => {
        if (deps.signal?.aborted) throw deps.signal.reason as InterruptedError;
        done++;
        if (done % 500 === 0 || result.outcome.kind === 'crash' || result.outcome.kind === 'hang')
          deps.stderr(
            `${done}/${indexes.length} cases, ${result.outcome.kind === 'built' || result.outcome.kind === 'refused' ? 'ok' : result.outcome.kind} at case ${result.fuzzCase.index}\n`,
          );
      },
    });
    deps.stdout(
      `${formatReport(results, options.seed)}\n(${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
    );
    return defects(results).length > 0 ? 1 : 0;
  } catch (error) {
    return exitOnError(error, (line) => deps.stderr(`${line}\n`), 'no case is left running');
  }
}
