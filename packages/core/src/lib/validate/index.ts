/**
 * The connector validator: every check `sesam validate` makes (rule ids `sesam/…`, same semantics
 * and quirks) plus stricter ones (`strict/…`). `validateConnector(dir)` is used by the CLI, the
 * `validate` executor and the build.
 */
export { validateConnector, validateSource, type ValidateOptions, type ValidationReport } from './validate';
export type { Finding, Severity } from './finding';
export {
  formatFindingLine,
  formatReportJson,
  formatReportText,
  PLAIN_STYLE,
  styledFindingLine,
  type ReportStyle,
} from './format';
export { RULES } from './rules';
export type { RuleInfo } from './rule';
export {
  expandToFolder,
  expandSummary,
  type ExpandToFolderOptions,
  type ExpandToFolderResult,
} from './expand-to-folder';
