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
import { figuresMarkdown } from './format-figures';

/** A table cell: pipes escaped, code spans for JSON and pointers. */
const cell = (text: string): string => text.replace(/\|/g, '\\|');
const code = (text: string): string =>
  text === '—' || text === 'none' ? text : `\`${text.replace(/`/g, "'")}\``;
const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
const header = (...titles: string[]): string[] => [row(titles), row(titles.map(() => '---'))];

function connectorSection(connector: ConnectorDescription): string[] {
  const { systemTemplate, manifest } = connector;
  const system = systemTemplate.rendered
    ? `rendered${systemTemplate.patch === undefined ? '' : `, patch ${cell(patchLine(systemTemplate.patch))}`}`
    : `copied verbatim${systemTemplate.reason === undefined ? '' : ` (${cell(systemTemplate.reason)})`}`;
  const generated = manifest.generated
    ? `generated${manifest.patch === undefined ? '' : `, patch ${cell(patchLine(manifest.patch))}`}`
    : 'copied verbatim';
  const lines = [
    `### ${connector.folder}`,
    '',
    `System \`${connector.system}\`, ${datatypeCounts(connector.datatypes)}. System template: ${system}. Manifest: ${generated}. Authored / source bytes: ${count(connector.authoredBytes)} / ${count(connector.sourceBytes)} = **${ratio(connector.authoredBytes, connector.sourceBytes)}**.`,
    '',
  ];
  if (connector.datatypes.length === 0) return lines;
  lines.push(...header('datatype', 'pattern', 'options', 'patch'));
  for (const datatype of connector.datatypes) {
    const options = optionsLine(datatype, 240);
    lines.push(
      row([
        `\`${datatype.name}\``,
        datatype.pattern,
        cell(datatype.reuse === undefined ? code(options) : options),
        patchesLines(datatype).map(cell).join('<br>'),
      ]),
    );
  }
  lines.push('');
  return lines;
}

/** The drift report for a GitHub pull request or issue. */
export function formatDriftMarkdown(report: DriftReport): string {
  const lines = ['## What import would do', '', '_Nothing is written._', ''];
  for (const folder of report.folders) {
    if (folder.description === undefined) {
      lines.push(`### ${folder.folder}`, '', `The import refuses it: ${folder.problem}`, '');
      continue;
    }
    lines.push(...connectorSection(folder.description));
    if (folder.difference !== undefined) lines.push(`**Not equivalent:** ${folder.difference}`, '');
  }
  lines.push('### Summary per role', '');
  const roles = report.summary.roles.filter((role) => role.datatypes > 0);
  if (roles.length === 0) lines.push('No datatype is on a pattern.');
  else lines.push(...header('role', 'datatypes', 'no patch', 'most common deviations'));
  for (const role of roles) {
    const deviations = role.deviations
      .map((d) => `${code(d.change)} (${d.datatypes}× in ${d.connectors})`)
      .join('<br>');
    lines.push(row([role.role, count(role.datatypes), count(role.withoutPatch), cell(deviations || '—')]));
  }
  const { raw } = report.summary;
  if (raw.datatypes > 0) {
    lines.push(
      '',
      `Raw: ${count(raw.datatypes)} datatypes (${raw.reasons.map((r) => `${r.datatypes}: ${r.reason}`).join('; ')}).`,
    );
  }
  if (report.figures !== undefined) lines.push('', ...figuresMarkdown(report.figures));
  return lines.join('\n');
}
