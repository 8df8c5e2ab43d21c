import type { Finding } from './finding';
import type { ValidationReport } from './validate';

/** One line: `file:jsonpath  severity  rule  message (hint)`. */
export const formatFindingLine = (f: Finding): string =>
  `${f.file}:${f.jsonPath}  ${f.severity}  ${f.rule}  ${f.message} (${f.hint})`;

/** The text report: one line per finding, then a summary line. */
export function formatReportText(report: ValidationReport): string {
  const lines = report.findings.map(formatFindingLine);
  const counts = `${report.errorCount} error${report.errorCount === 1 ? '' : 's'}, ${report.warningCount} warning${report.warningCount === 1 ? '' : 's'}`;
  lines.push(
    report.ok ? `${report.connector}: valid (${counts})` : `${report.connector}: invalid (${counts})`,
  );
  return lines.join('\n');
}

/** The machine-readable report (`--format json`). */
export function formatReportJson(report: ValidationReport): string {
  const { connector, findings, errorCount, warningCount, ok } = report;
  return JSON.stringify({ connector, ok, errorCount, warningCount, findings }, null, 2);
}
