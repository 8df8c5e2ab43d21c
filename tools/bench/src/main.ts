/**
 * `npm run bench`: measures the connector build at scale (issue 7). See BENCH_USAGE in options.ts.
 * Run with `node -r @swc-node/register tools/bench/src/main.ts [flags]` (the root script does).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { measure } from './measure';
import { BENCH_USAGE, BenchUsageError, parseBenchArgs } from './options';
import { attemptFamily } from './measure-family';
import { familyTable, reportTable } from './table';

const REPO_ROOT = resolve(__dirname, '../../..');

export async function main(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseBenchArgs(argv);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${BENCH_USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return 0;
  }
  const context = { sourceRoot: REPO_ROOT, log: (line: string) => process.stderr.write(`${line}\n`) };
  const jsonFile = isAbsolute(options.json) ? options.json : join(REPO_ROOT, options.json);
  const write = (value: unknown) => {
    mkdirSync(dirname(jsonFile), { recursive: true });
    writeFileSync(jsonFile, `${JSON.stringify(value, null, 2)}\n`);
  };
  if (options.familyOnly) {
    const family = await attemptFamily(options.runs, options.env, context, options.keep);
    write({ date: new Date().toISOString(), runs: options.runs, family });
    process.stdout.write(`\n${familyTable(family)}\n\nJSON: ${jsonFile}\n`);
    return 0;
  }
  const report = await measure(options, context);
  write(report);
  process.stdout.write(`\n${reportTable(report)}\n\nJSON: ${jsonFile}\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
