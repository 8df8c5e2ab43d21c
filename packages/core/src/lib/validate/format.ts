import type { Finding } from './finding';
import type { ValidationReport } from './validate';

/**
 * How a text report marks what matters: plain by default (executor logs, PR comments, files); the
 * CLI passes colours when its stream is a terminal (cli/colour.ts).
 */
export interface ReportStyle {
  readonly error: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly ok: (text: string) => string;
}

const same = (text: string): string => text;
export const PLAIN_STYLE: ReportStyle = { error: same, warning: same, ok: same };

/** One line: `file:jsonpath  severity  rule  message (hint)`. */
export const formatFindingLine = (f: Finding): string => styledFindingLine(f, PLAIN_STYLE);

/** formatFindingLine with the severity marked by `style`. */
export const styledFindingLine = (f: Finding, style: ReportStyle): string =>
  `${f.file}:${f.jsonPath}  ${style[f.severity](f.severity)}  ${f.rule}  ${f.message} (${f.hint})`;

/** The text report: one line per finding, then a summary line. */
export function formatReportText(report: ValidationReport, style: ReportStyle = PLAIN_STYLE): string {
  const lines = report.findings.map((f) => styledFindingLine(f, style));
  const counts = `${report.errorCount} error${report.errorCount === 1 ? '' : 's'}, ${report.warningCount} warning${report.warningCount === 1 ? '' : 's'}`;
  lines.push(
    report.ok
      ? `${report.connector}: ${style.ok('valid')} (${counts})`
      : `${report.connector}: ${style.error('invalid')} (${counts})`,
  );
  return lines.join('\n');
}

/** The machine-readable report (`--format json`). */
export function formatReportJson(report: ValidationReport): string {
  const { connector, findings, errorCount, warningCount, ok } = report;
  return JSON.stringify({ connector, ok, errorCount, warningCount, findings }, null, 2);
}
