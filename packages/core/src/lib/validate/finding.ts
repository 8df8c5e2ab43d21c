import { formatMessagePath, type JsonPath } from '../expand';

export type Severity = 'error' | 'warning';

/**
 * One problem the validator found. `file` (connector-relative) and `jsonPath` point at what to edit
 * — usually the template a pipe came from, not the expanded copy; `component` names the expanded
 * file the problem shows up in, when there is one.
 */
export interface Finding {
  /** `sesam/<rule>` for checks `sesam validate` makes, `strict/<rule>` for the stricter ones. */
  readonly rule: string;
  readonly severity: Severity;
  readonly file: string;
  /** Formatted JSON path inside `file` (`$` for the whole file). */
  readonly jsonPath: string;
  /** One line: what is wrong. */
  readonly message: string;
  /** One line: how to fix it. */
  readonly hint: string;
  /** The expanded file concerned, e.g. `pipes/xxxxxx-order-collect.conf.json`. */
  readonly component?: string;
  /** 1-based line in `file`, when known. */
  readonly line?: number;
}

/** A location in the connector: file and JSON path (and line, when known). */
export interface Location {
  readonly file: string;
  readonly jsonPath: JsonPath;
  readonly line?: number;
  readonly component?: string;
}

/** Builds a finding; `rule` carries the id and severity. */
export function finding(
  rule: { readonly id: string; readonly severity: Severity },
  at: Location,
  message: string,
  hint: string,
): Finding {
  return {
    rule: rule.id,
    severity: rule.severity,
    file: at.file,
    jsonPath: formatMessagePath(at.jsonPath),
    message,
    hint,
    ...(at.component === undefined ? {} : { component: at.component }),
    ...(at.line === undefined ? {} : { line: at.line }),
  };
}
