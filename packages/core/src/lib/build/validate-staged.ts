import { formatFindingLine, validateConnector } from '../validate';

/** What the validator says about a rendered connector, one formatted line per finding. */
export interface StagedValidation {
  /** Errors abort the build (the previous output stays). */
  readonly errors: readonly string[];
  /** Warnings are reported; the build goes on. */
  readonly warnings: readonly string[];
}

/**
 * Runs the connector validator (`sesam validate`'s checks plus the strict ones; expands in memory,
 * writes nothing) on the fully written staging folder, before the build swaps it in.
 */
export async function validateStagedConnector(stagedDir: string): Promise<StagedValidation> {
  const report = await validateConnector(stagedDir);
  const lines = (severity: 'error' | 'warning') =>
    report.findings.filter((f) => f.severity === severity).map(formatFindingLine);
  return { errors: lines('error'), warnings: lines('warning') };
}
