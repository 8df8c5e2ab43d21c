import type { ConnectorDescription } from '../../generators/import/lib/drift/describe-plan';
import {
  count,
  datatypeCounts,
  optionsLine,
  patchesLines,
  patchLine,
  ratio,
  type DriftReport,
} from './report';
import { figuresText } from './format-figures';

/** Rows padded to aligned columns (the last column is not padded). */
function table(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    (
      indent +
      row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')
    ).trimEnd(),
  );
}

const systemLine = (connector: ConnectorDescription): string => {
  const { systemTemplate, manifest } = connector;
  const system = systemTemplate.rendered
    ? `system rendered${systemTemplate.patch === undefined ? '' : ` (patch ${patchLine(systemTemplate.patch)})`}`
    : `system copied verbatim${systemTemplate.reason === undefined ? '' : ` (${systemTemplate.reason})`}`;
  const generated = manifest.generated
    ? `manifest generated${manifest.patch === undefined ? '' : ` (patch ${patchLine(manifest.patch)})`}`
    : 'manifest copied verbatim';
  return `${system}; ${generated}`;
};

function connectorLines(connector: ConnectorDescription): string[] {
  const rows: string[][] = [['datatype', 'pattern', 'options', 'patch']];
  for (const datatype of connector.datatypes) {
    const [first, ...more] = patchesLines(datatype);
    rows.push([datatype.name, datatype.pattern, optionsLine(datatype), first!]);
    for (const line of more) rows.push(['', '', '', line]);
  }
  return [
    `${connector.folder} (system ${connector.system}): ${datatypeCounts(connector.datatypes)}`,
    `  ${systemLine(connector)}`,
    ...(connector.datatypes.length === 0 ? [] : table(rows)),
    `  authored / source bytes: ${count(connector.authoredBytes)} / ${count(connector.sourceBytes)} = ${ratio(connector.authoredBytes, connector.sourceBytes)}`,
  ];
}

/** The drift report for a terminal. */
export function formatDriftText(report: DriftReport): string {
  const lines: string[] = ['What import would do (nothing is written):', ''];
  for (const folder of report.folders) {
    if (folder.description === undefined)
      lines.push(`${folder.folder}: the import refuses it: ${folder.problem}`);
    else lines.push(...connectorLines(folder.description));
    if (folder.difference !== undefined) lines.push(`  NOT EQUIVALENT: ${folder.difference}`);
    lines.push('');
  }
  const described = report.folders.filter((f) => f.description !== undefined).length;
  lines.push(`Summary per role over ${count(described)} connector${described === 1 ? '' : 's'}:`);
  const rows = [['role', 'datatypes', 'no patch', 'most common deviations']];
  for (const role of report.summary.roles) {
    if (role.datatypes === 0) continue;
    const deviations = role.deviations
      .map((d) => `${d.change} (${d.datatypes}× in ${d.connectors})`)
      .join('; ');
    rows.push([role.role, count(role.datatypes), count(role.withoutPatch), deviations || '—']);
  }
  if (rows.length > 1) lines.push(...table(rows));
  else lines.push('  no datatype is on a pattern');
  const { raw } = report.summary;
  if (raw.datatypes > 0) {
    lines.push(
      `  raw: ${count(raw.datatypes)} datatypes (${raw.reasons.map((r) => `${r.datatypes}: ${r.reason}`).join('; ')})`,
    );
  }
  if (report.figures !== undefined) lines.push('', ...figuresText(report.figures));
  return lines.join('\n');
}
