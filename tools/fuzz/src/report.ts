import type { FuzzResult } from './supervise';

/** What a run found, by outcome. */
export interface FuzzCounts {
  readonly cases: number;
  readonly built: number;
  readonly refused: number;
  readonly crashes: number;
  readonly hangs: number;
  readonly writesOnError: number;
}

export function countResults(results: readonly FuzzResult[]): FuzzCounts {
  const count = (kind: string) => results.filter((r) => r.outcome.kind === kind).length;
  return {
    cases: results.length,
    built: count('built'),
    refused: count('refused'),
    crashes: count('crash'),
    hangs: count('hang'),
    writesOnError: count('write-on-error'),
  };
}

/** The defects found (crashes, hangs, writes on error), most of each shown with how to replay it. */
export const defects = (results: readonly FuzzResult[]): FuzzResult[] =>
  results.filter((r) => ['crash', 'hang', 'write-on-error'].includes(r.outcome.kind));

/** The report: counts, then each defect (at most `limit`) with its mutations and replay command. */
export function formatReport(results: readonly FuzzResult[], seed: number, limit = 20): string {
  const c = countResults(results);
  const lines = [
    `${c.cases} cases (seed ${seed}): ${c.built} built, ${c.refused} refused cleanly, ` +
      `${c.crashes} crashes, ${c.hangs} hangs, ${c.writesOnError} writes on error`,
  ];
  const found = defects(results);
  for (const { fuzzCase, outcome } of found.slice(0, limit)) {
    if (outcome.kind === 'built') continue;
    const stage = 'stage' in outcome ? ` at ${outcome.stage}` : '';
    lines.push(
      '',
      `${outcome.kind}${stage}: case ${fuzzCase.index} (${fuzzCase.folder}: ${fuzzCase.mutations.join('; ')})`,
      `  ${outcome.message}`,
      `  replay: npm run fuzz -- --seed ${seed} --only ${fuzzCase.index}`,
    );
  }
  if (found.length > limit) lines.push('', `… and ${found.length - limit} more`);
  return lines.join('\n');
}
