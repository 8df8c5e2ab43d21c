import type { ConnectorReport, FileChange, ReviewReport } from '../compare/types';
import {
  datatypesLine,
  fileHeadline,
  revisionLabel,
  summaryCells,
  summaryHeader,
  totalsLine,
} from './describe';

const SIGN = { added: '+', removed: '-', changed: '~' } as const;

/** The report for a terminal: summary table first, then every connector's files, pipes and diffs. */
export const renderText = (report: ReviewReport): string => {
  const lines: string[] = [
    `Connector review: ${revisionLabel(report.base)} -> ${revisionLabel(report.head)}`,
    '',
  ];
  if (report.connectors.length) lines.push(...table([summaryHeader(report), ...summaryCells(report)]), '');
  lines.push(totalsLine(report));
  for (const note of report.notes) lines.push(`note: ${note}`);
  for (const connector of report.connectors) lines.push('', ...connectorText(connector));
  return lines.join('\n') + '\n';
};

const table = (rows: string[][]): string[] => {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const last = rows[0].length - 1;
  return rows.map((row) =>
    row
      .map((cell, i) =>
        i === 0 || i === last ? cell.padEnd(i === last ? 0 : widths[i]) : cell.padStart(widths[i]),
      )
      .join('  ')
      .trimEnd(),
  );
};

const connectorText = (connector: ConnectorReport): string[] => {
  const lines = [`== ${connector.system} (${connector.status})`];
  for (const error of connector.errors) {
    lines.push(`${error.stage} failed at ${error.side}:`, ...indent(error.message.trimEnd().split('\n'), 4));
  }
  const datatypes = datatypesLine(connector);
  if (datatypes) lines.push(datatypes);
  lines.push(...filesText(connector.files));
  if (connector.expanded?.files.length) {
    lines.push('expanded config:', ...indent(filesText(connector.expanded.files), 2));
  }
  return lines;
};

const filesText = (files: readonly FileChange[]): string[] =>
  files.flatMap((file) => [
    `${file.path}: ${fileHeadline(file)}`,
    ...(file.diff ? indent(file.diff.split('\n'), 4) : []),
    ...file.entities.flatMap((entity) => [
      `  ${SIGN[entity.change]} ${entity.id}`,
      ...(entity.diff ? indent(entity.diff.split('\n'), 4) : []),
    ]),
  ]);

const indent = (lines: string[], by: number): string[] => lines.map((l) => ' '.repeat(by) + l);
