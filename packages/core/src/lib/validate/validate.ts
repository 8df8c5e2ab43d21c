import { diskSource, type ConnectorSource, type ExpandOptions, type ExpandResult } from '../expand';
import { viewConnector } from './connector-view';
import type { Finding } from './finding';
import { CHECKS } from './rules';

export interface ValidateOptions extends ExpandOptions {
  /**
   * sesam-py compatibility: undefined expand-time variables (which sesam-py silently renders as "")
   * are reported as warnings instead of errors.
   */
  readonly compat?: boolean;
}

export interface ValidationReport {
  /** What was validated (the folder, or the source's label). */
  readonly connector: string;
  /** Sorted by file, then JSON path, then rule. */
  readonly findings: readonly Finding[];
  readonly errorCount: number;
  readonly warningCount: number;
  /** True when there is no error (warnings allowed). */
  readonly ok: boolean;
  /** The expansion the checks ran on (absent when expansion failed; see the sesam/expand finding). */
  readonly expanded?: ExpandResult;
}

/**
 * Validates a connector folder like `sesam validate` (it expands first, in memory — nothing is
 * written) plus the stricter rules. Used by the CLI, the `validate` executor and the build.
 */
export function validateConnector(connectorDir: string, options: ValidateOptions = {}): ValidationReport {
  return validateSource(diskSource(connectorDir), options);
}

export function validateSource(source: ConnectorSource, options: ValidateOptions = {}): ValidationReport {
  const view = viewConnector(source, options);
  const findings = mergeRepeats(CHECKS.flatMap((check) => check(view)))
    .map((f) =>
      options.compat && f.rule === 'strict/undefined-variable' ? { ...f, severity: 'warning' as const } : f,
    )
    .sort(compareFindings);
  const errorCount = findings.filter((f) => f.severity === 'error').length;
  return {
    connector: source.label,
    findings,
    errorCount,
    warningCount: findings.length - errorCount,
    ok: errorCount === 0,
    ...(view.expanded ? { expanded: view.expanded } : {}),
  };
}

/**
 * A template reused by several datatypes yields the same finding once per expanded pipe; those
 * (same rule, file and JSON path, each about an expanded component) are merged into the first,
 * which says how many more there were.
 */
function mergeRepeats(findings: Finding[]): Finding[] {
  const merged = new Map<string | Finding, { first: Finding; more: number }>();
  for (const f of findings) {
    const key = f.component === undefined ? f : `${f.rule}\0${f.file}\0${f.jsonPath}`;
    const entry = merged.get(key);
    if (entry) entry.more++;
    else merged.set(key, { first: f, more: 0 });
  }
  return [...merged.values()].map(({ first, more }) =>
    more === 0 ? first : { ...first, message: `${first.message} (and ${more} more from the same template)` },
  );
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    a.jsonPath.localeCompare(b.jsonPath) ||
    a.rule.localeCompare(b.rule)
  );
}
