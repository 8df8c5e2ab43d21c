import type { ChangeGroup, ConnectorReport, ReviewReport } from '../compare/types';
import {
  datatypesLine,
  fileHeadline,
  groupTitle,
  hasConnectorSection,
  renamedFiles,
  revisionLabel,
  summaryCells,
  summaryHeader,
  totalsLine,
} from './describe';

/**
 * The report for a terminal: summary table first, then every group of changes once (its diff and
 * where it happens; a form that differs from the common one right after it), then the connectors
 * with errors or renamed files.
 */
export const renderText = (report: ReviewReport): string => {
  const lines: string[] = [
    `Connector review: ${revisionLabel(report.base)} -> ${revisionLabel(report.head)}`,
    '',
  ];
  if (report.connectors.length) lines.push(...table([summaryHeader(report), ...summaryCells(report)]), '');
  lines.push(totalsLine(report));
  for (const note of report.notes) lines.push(`note: ${note}`);
  for (const source of ['template', 'expanded'] as const) {
    const groups = report.groups.filter((g) => g.source === source);
    if (!groups.length) continue;
    lines.push('', source === 'template' ? 'Changes:' : 'Changes to the expanded config:');
    for (const group of groups) lines.push('', ...groupText(report, group));
  }
  for (const connector of report.connectors.filter(hasConnectorSection))
    lines.push('', ...connectorText(connector));
  return lines.join('\n') + '\n';
};

const table = (rows: string[][]): string[] => {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const last = rows[0].length - 1;
  return rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(i === last ? 0 : widths[i]))
      .join('  ')
      .trimEnd(),
  );
};

/** Lines up to this long stay one line; a longer list of where a change happens wraps under its title. */
const WIDTH = 120;

const groupText = (report: ReviewReport, group: ChangeGroup): string[] => {
  const { title, where } = groupTitle(report, group);
  const lines =
    where === undefined
      ? [title]
      : title.length + 1 + where.length <= WIDTH
        ? [`${title} ${where}`]
        : [title, ...indent(wrap(where.split('; '), WIDTH - 4), 4)];
  if (group.diff) lines.push(...indent(group.diff.split('\n'), 4));
  if (group.fromCommon)
    lines.push('  how it differs from the common form:', ...indent(group.fromCommon.split('\n'), 4));
  return lines;
};

const connectorText = (connector: ConnectorReport): string[] => {
  const lines = [`== ${connector.system} (${connector.status})`];
  for (const error of connector.errors) {
    lines.push(`${error.stage} failed at ${error.side}:`, ...indent(error.message.trimEnd().split('\n'), 4));
  }
  const datatypes = datatypesLine(connector);
  if (datatypes) lines.push(datatypes);
  for (const file of renamedFiles(connector)) lines.push(`${file.path}: ${fileHeadline(file)}`);
  return lines;
};

/** Joins `parts` with '; ' into lines of at most `width` characters (a longer part gets a line of its own). */
const wrap = (parts: readonly string[], width: number): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const [i, part] of parts.entries()) {
    const piece = i < parts.length - 1 ? `${part};` : part;
    if (line !== '' && line.length + 1 + piece.length > width) {
      lines.push(line);
      line = piece;
    } else line = line === '' ? piece : `${line} ${piece}`;
  }
  if (line !== '') lines.push(line);
  return lines;
};

const indent = (lines: string[], by: number): string[] => lines.map((l) => ' '.repeat(by) + l);
