import type { ConnectorReport, EntityChange, FileChange, ReviewReport } from '../compare/types';
import {
  countsPhrase,
  datatypesLine,
  fileHeadline,
  reviewCommand,
  revisionLabel,
  summaryCells,
  summaryHeader,
  totalsLine,
} from './describe';

/** GitHub refuses comments over 65,536 characters; stay well below. */
export const DEFAULT_MARKDOWN_LIMIT = 60_000;

/** Room kept for the note that says what was cut. */
const CUT_NOTE_RESERVE = 1_500;
/** Names listed in the cut note before "and N more". */
const CUT_NOTE_NAMES = 15;

export interface MarkdownOptions {
  /** Maximum length of the whole comment in characters (default {@link DEFAULT_MARKDOWN_LIMIT}). */
  maxChars?: number;
}

/**
 * The report as a pull-request comment: title, summary table, then one collapsible `<details>` per
 * connector. When the whole does not fit `maxChars`, every connector that fits is shown at least
 * compactly (its pipe lists, no diffs) and as many as fit, in report order, with their diffs; the
 * rest are left out, and a note at the end says what was cut and how to see everything.
 */
export const renderMarkdown = (report: ReviewReport, options: MarkdownOptions = {}): string => {
  const limit = options.maxChars ?? DEFAULT_MARKDOWN_LIMIT;
  const budget = limit - CUT_NOTE_RESERVE;
  const withoutDiffs: string[] = [];
  const leftOut: string[] = [];
  let rowsLeftOut = 0;

  const parts = [
    `### Connector review: ${code(revisionLabel(report.base))} → ${code(revisionLabel(report.head))}`,
    '',
  ];
  if (report.connectors.length) {
    const rows = [summaryHeader(report), ...summaryCells(report)];
    const header = [
      tableRow(rows[0]),
      tableRow(rows[0].map((_, i) => (i === 0 || i === rows[0].length - 1 ? '---' : '--:'))),
    ];
    parts.push(...header);
    let used = length(parts);
    for (const row of rows.slice(1)) {
      const line = tableRow(row);
      if (used + line.length + 1 > budget) {
        rowsLeftOut++;
        continue;
      }
      parts.push(line);
      used += line.length + 1;
    }
    parts.push('');
  }
  parts.push(totalsLine(report), '');
  for (const note of report.notes) parts.push(`> ${escapeText(note)}`, '');

  // Every connector at least as a compact section (pipe lists) when possible, then as many as fit
  // (in report order) upgraded to their full section with diffs.
  const sections = report.connectors.map((connector) => ({
    connector,
    full: connectorDetails(connector, true),
    compact: connectorDetails(connector, false),
    show: undefined as string | undefined,
  }));
  let used = length(parts);
  for (const section of sections) {
    if (used + section.compact.length + 1 > budget) continue;
    section.show = section.compact;
    used += section.compact.length + 1;
  }
  for (const section of sections) {
    if (section.show === undefined) continue;
    const extra = section.full.length - section.compact.length;
    if (used + extra > budget) continue;
    section.show = section.full;
    used += extra;
  }
  for (const section of sections) {
    if (section.show === undefined) leftOut.push(section.connector.system);
    else {
      parts.push(section.show);
      if (section.show !== section.full) withoutDiffs.push(section.connector.system);
    }
  }

  if (withoutDiffs.length || leftOut.length || rowsLeftOut) {
    const cut: string[] = [];
    if (rowsLeftOut) cut.push(`${rowsLeftOut} row${rowsLeftOut === 1 ? '' : 's'} of the summary table`);
    if (withoutDiffs.length) cut.push(`the diffs of ${names(withoutDiffs)}`);
    if (leftOut.length) cut.push(`the details of ${names(leftOut)}`);
    parts.push(
      `> [!NOTE]\n> Cut to fit ${limit.toLocaleString('en-US')} characters: left out ${cut.join('; ')}. ` +
        `Run ${code(reviewCommand(report))} for the full report.`,
      '',
    );
  }
  return parts.join('\n');
};

const connectorDetails = (connector: ConnectorReport, withDiffs: boolean): string => {
  const lines = [
    `<details>`,
    `<summary><b>${escapeHtml(connector.system)}</b> — ${escapeHtml(summaryText(connector))}</summary>`,
    '',
  ];
  for (const error of connector.errors) {
    lines.push(`**${error.stage} failed at ${error.side}:**`, '', fence(error.message.trimEnd(), 'text'), '');
  }
  const datatypes = datatypesLine(connector);
  if (datatypes) lines.push(`**${datatypes}**`, '');
  lines.push(...filesMarkdown(connector.files, withDiffs));
  if (connector.expanded?.files.length) {
    lines.push('**Expanded config**', '', ...filesMarkdown(connector.expanded.files, withDiffs));
  }
  if (!withDiffs && hasDiffs(connector)) lines.push('_Diffs left out to fit the comment size._', '');
  lines.push('</details>', '');
  return lines.join('\n');
};

const hasDiffs = (connector: ConnectorReport): boolean =>
  [...connector.files, ...(connector.expanded?.files ?? [])].some(
    (file) => file.diff !== undefined || file.entities.some((e) => e.diff !== undefined),
  );

const summaryText = (connector: ConnectorReport): string => {
  const parts: string[] = [connector.status];
  if (!connector.errors.some((e) => e.stage === 'build'))
    parts.push(`pipes: ${countsPhrase(connector.pipes)}`);
  if (connector.expanded) parts.push(`expanded: ${countsPhrase(connector.expanded.counts)}`);
  return parts.join(', ');
};

/** Per file: added/removed pipes as a list, each changed pipe with its diff (listed without it when diffs are cut). */
const filesMarkdown = (files: readonly FileChange[], withDiffs: boolean): string[] =>
  files.flatMap((file) => {
    const lines = [`${code(file.path)} ${escapeText(fileHeadline(file))}`, ''];
    if (withDiffs && file.diff) lines.push(fence(file.diff, 'diff'), '');
    const listed = file.entities.filter((e) => !withDiffs || e.diff === undefined);
    if (listed.length) lines.push(...listed.map((e) => `- ${e.change} ${code(e.id)}`), '');
    if (withDiffs) lines.push(...file.entities.filter((e) => e.diff !== undefined).flatMap(entityDiff));
    return lines;
  });

const entityDiff = (entity: EntityChange): string[] => [
  `${entity.change} ${code(entity.id)}:`,
  '',
  fence(entity.diff ?? '', 'diff'),
  '',
];

const tableRow = (cells: string[]): string => `| ${cells.map((c) => escapeCell(c)).join(' | ')} |`;

/** A fenced block whose fence is longer than any backtick run inside. */
const fence = (text: string, language: string): string => {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const bar = '`'.repeat(Math.max(3, longest + 1));
  return `${bar}${language}\n${text}\n${bar}`;
};

/** Inline code that survives backticks in the text. */
const code = (text: string): string => {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  return longest ? `${ticks} ${text} ${ticks}` : `${ticks}${text}${ticks}`;
};

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeText = (text: string): string => escapeHtml(text).replace(/([\\`*_[\]|])/g, '\\$1');
const escapeCell = (text: string): string => text.replace(/\|/g, '\\|');

const names = (systems: string[]): string =>
  systems.length <= CUT_NOTE_NAMES
    ? systems.join(', ')
    : `${systems.slice(0, CUT_NOTE_NAMES).join(', ')} and ${systems.length - CUT_NOTE_NAMES} more`;

const length = (parts: string[]): number => parts.join('\n').length;
