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
  acceptedRules: readonly string[] = [],
): RenderedValidation {
  if (store === undefined) return runValidator(files, label, acceptedRules);
  // What is accepted changes the result, so it is part of what a stored validation is for.
  const accepted = acceptedRules.length > 0 ? `;accepted=${[...acceptedRules].sort().join(',')}` : '';
  const key = validationKey(`${validatorFingerprint()}${accepted}`, label, files);
  const stored = store.read(label);
  if (stored?.key === key) return { errors: [], warnings: stored.warnings };
  const validation = runValidator(files, label, acceptedRules);
  if (validation.errors.length === 0) store.write(label, { key, warnings: validation.warnings });
  return validation;
}

/**
 * The validator's errors and warnings; an error of an accepted rule is a warning that says it is
 * accepted (the connector's project.json `acceptedRules`), so the build goes on and still shows it.
 */
function runValidator(
  files: ReadonlyMap<string, string>,
  label: string,
  acceptedRules: readonly string[],
): RenderedValidation {
  const report = validateSource(memorySource(Object.fromEntries(files), label));
  const accepted = new Set(acceptedRules);
  const errors = report.findings.filter((f) => f.severity === 'error');
  return {
    errors: errors.filter((f) => !accepted.has(f.rule)).map(formatFindingLine),
    warnings: [
      ...errors
        .filter((f) => accepted.has(f.rule))
        .map((f) => `accepted (acceptedRules in project.json): ${formatFindingLine(f)}`),
      ...report.findings.filter((f) => f.severity === 'warning').map(formatFindingLine),
    ],
  };
}
