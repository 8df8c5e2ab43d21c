import { memorySource } from '../expand';
import { formatFindingLine, validateSource } from '../validate';
import { validationKey, validatorFingerprint, type ValidationStore } from './validation-store';

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
 *
 * With a `store`, a validation that passed is remembered for exactly these files, this label and
 * this validator (`validationKey`), and the same files are not validated again: the stored warnings
 * are returned instead. The result is a function of those three alone, so a hit says what a run
 * would say. Validations with errors are never stored.
 */
export function validateRenderedConnector(
  files: ReadonlyMap<string, string>,
  label: string,
  store?: ValidationStore,
): RenderedValidation {
  if (store === undefined) return runValidator(files, label);
  const key = validationKey(validatorFingerprint(), label, files);
  const stored = store.read(label);
  if (stored?.key === key) return { errors: [], warnings: stored.warnings };
  const validation = runValidator(files, label);
  if (validation.errors.length === 0) store.write(label, { key, warnings: validation.warnings });
  return validation;
}

function runValidator(files: ReadonlyMap<string, string>, label: string): RenderedValidation {
  const report = validateSource(memorySource(Object.fromEntries(files), label));
  const lines = (severity: 'error' | 'warning') =>
    report.findings.filter((f) => f.severity === severity).map(formatFindingLine);
  return { errors: lines('error'), warnings: lines('warning') };
}
