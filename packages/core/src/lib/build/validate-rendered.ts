import { memorySource } from '../expand';
import { formatFindingLine, validateSource } from '../validate';

/** What the validator says about a rendered connector, one formatted line per finding. */
export interface RenderedValidation {
  /** Errors abort the build (nothing is written; the previous output stays). */
  readonly errors: readonly string[];
  /** Warnings are reported; the build goes on. */
  readonly warnings: readonly string[];
}

/**
 * Runs the connector validator (`sesam validate`'s checks plus the strict ones; it expands in
 * memory) on the rendered files before anything is written: the same files the build would write,
 * read from memory instead of a staging folder.
 */
export function validateRenderedConnector(
  files: ReadonlyMap<string, string>,
  label: string,
): RenderedValidation {
  const report = validateSource(memorySource(Object.fromEntries(files), label));
  const lines = (severity: 'error' | 'warning') =>
    report.findings.filter((f) => f.severity === severity).map(formatFindingLine);
  return { errors: lines('error'), warnings: lines('warning') };
}
