import type { ChangeGroup, ConnectorReport, ReviewReport } from '../compare/types';
import {
  datatypesLine,
  fileHeadline,
  groupSubject,
  groupTitle,
  hasConnectorSection,
  renamedFiles,
  reviewCommand,
  revisionLabel,
  summaryCells,
  summaryHeader,
  totalsLine,
} from './describe';
import { DIAGRAMS_HEADING, DIAGRAMS_LEGEND, diagramSection, type DatatypeDiagram } from './diagrams';

/** GitHub refuses comments over 65,536 characters; stay well below. */
export const DEFAULT_MARKDOWN_LIMIT = 60_000;

/** Room kept for the note that says what was cut. */
const CUT_NOTE_RESERVE = 1_500;
/** Names listed in the cut note before "and N more". */
const CUT_NOTE_NAMES = 15;
/** Connectors named under a group in full, and when it is shown compactly. */
const WHERE_FULL = 40;
const WHERE_COMPACT = 10;

export interface MarkdownOptions {
  /** Maximum length of the whole comment in characters (default {@link DEFAULT_MARKDOWN_LIMIT}). */
  maxChars?: number;
  /** Diagrams of the changed datatypes, shown after the connectors as far as the size cap allows. */
  diagrams?: readonly DatatypeDiagram[];
}

/**
 * A part of the comment that is shown in full, compactly, or left out to fit the size cap. `label`
 * names it in the note that says what was cut (`the diff of pipe · collect`).
 */
export interface MarkdownSection {
  label: string;
  full: string;
  compact: string;
}

/** The comment in order: text that is always there, and sections that fit the size cap as they can. */
export type MarkdownItem = string | MarkdownSection;

/**
 * The report as a pull-request comment: title, summary table, totals, then each group of changes
 * once (its diff, where it happens; a form that differs from the common one right after it), then
 * a collapsible `<details>` per connector with errors or renamed files. When the whole does not fit
 * `maxChars`, every section that fits is shown at least compactly (no diff, fewer names) and as many
 * as fit, in order, in full; the rest are left out, and a note at the end says what was cut and how
 * to see everything.
 */
export const renderMarkdown = (report: ReviewReport, options: MarkdownOptions = {}): string => {
  const limit = options.maxChars ?? DEFAULT_MARKDOWN_LIMIT;
  const budget = limit - CUT_NOTE_RESERVE;
  let rowsLeftOut = 0;

  const parts = [
    `### Connector review: ${code(revisionLabel(report.base))} → ${code(revisionLabel(report.head))}`,
    '',
  ];
  if (report.connectors.length) {
    const rows = [summaryHeader(report), ...summaryCells(report)];
    parts.push(tableRow(rows[0]), tableRow(rows[0].map(() => '---')));
    let used = length(parts);
    for (const row of rows.slice(1)) {
      const line = tableRow(row);
      if (used + line.length + 1 > budget / 2) {
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

  const items: MarkdownItem[] = [parts.join('\n')];
  for (const source of ['template', 'expanded'] as const) {
    const groups = report.groups.filter((g) => g.source === source);
    if (!groups.length) continue;
    items.push(source === 'template' ? '#### Changes\n' : '#### Changes to the expanded config\n');
    items.push(...groups.map((group) => groupSection(report, group)));
  }
  const connectors = report.connectors.filter(hasConnectorSection);
  if (connectors.length) {
    items.push('#### Connectors\n');
    items.push(...connectors.map(connectorSection));
  }

  // The diagrams of the changed datatypes: sections like the others, after them.
  if (options.diagrams?.length)
    items.push(DIAGRAMS_HEADING, DIAGRAMS_LEGEND, ...options.diagrams.map(diagramSection));

  const { text, compacted, leftOut } = fitSections(items, budget);
  const out = [text];
  if (compacted.length || leftOut.length || rowsLeftOut) {
    const cut: string[] = [];
    if (rowsLeftOut) cut.push(`${rowsLeftOut} row${rowsLeftOut === 1 ? '' : 's'} of the summary table`);
    if (compacted.length) cut.push(`the diffs and details of ${names(compacted)}`);
    if (leftOut.length) cut.push(`the sections of ${names(leftOut)}`);
    out.push(
      `> [!NOTE]\n> Cut to fit ${limit.toLocaleString('en-US')} characters: left out ${escapeText(cut.join('; '))}. ` +
        `Run ${code(reviewCommand(report))} for the full report.`,
      '',
    );
  }
  return out.join('\n');
};

/**
 * The items joined, with every section that fits `budget` shown at least compactly and, in order,
 * as many as fit in full; which sections were shown compactly and which were left out.
 */
export const fitSections = (
  items: readonly MarkdownItem[],
  budget: number,
): { text: string; compacted: string[]; leftOut: string[] } => {
  const shown: (string | undefined)[] = items.map((item) => (typeof item === 'string' ? item : undefined));
  let used = shown.reduce((sum, text) => sum + (text === undefined ? 0 : text.length + 1), 0);
  items.forEach((item, i) => {
    if (typeof item === 'string' || used + item.compact.length + 1 > budget) return;
    shown[i] = item.compact;
    used += item.compact.length + 1;
  });
  items.forEach((item, i) => {
    if (typeof item === 'string' || shown[i] === undefined) return;
    const extra = item.full.length - item.compact.length;
    if (used + extra > budget) return;
    shown[i] = item.full;
    used += extra;
  });
  const compacted: string[] = [];
  const leftOut: string[] = [];
  items.forEach((item, i) => {
    if (typeof item === 'string') return;
    if (shown[i] === undefined) leftOut.push(item.label);
    else if (shown[i] !== item.full) compacted.push(item.label);
  });
  return { text: shown.filter((t) => t !== undefined).join('\n'), compacted, leftOut };
};

const groupSection = (report: ReviewReport, group: ChangeGroup): MarkdownSection => {
  const render = (maxConnectors: number, withDiff: boolean): string => {
    const { title, where } = groupTitle(report, group, maxConnectors);
    const lines = [`**${escapeText(title)}**${where === undefined ? '' : ` ${escapeText(where)}`}`, ''];
    if (withDiff && group.diff) lines.push(fence(group.diff, 'diff'), '');
    if (withDiff && group.fromCommon)
      lines.push('How it differs from the common form:', '', fence(group.fromCommon, 'diff'), '');
    if (!withDiff && (group.diff || group.fromCommon))
      lines.push('_Diff left out to fit the comment size._', '');
    return lines.join('\n');
  };
  const [first] = group.changes;
  return {
    label: `${group.changes.length === 1 ? report.changes[first].name : groupSubject(group)} (${group.change})`,
    full: render(WHERE_FULL, true),
    compact: render(WHERE_COMPACT, false),
  };
};

const connectorSection = (connector: ConnectorReport): MarkdownSection => {
  const render = (withErrors: boolean): string => {
    const lines = [
      `<details>`,
      `<summary><b>${escapeHtml(connector.system)}</b> — ${escapeHtml(connector.status)}</summary>`,
      '',
    ];
    for (const error of connector.errors) {
      lines.push(`**${error.stage} failed at ${error.side}:**`, '');
      if (withErrors) lines.push(fence(error.message.trimEnd(), 'text'), '');
    }
    if (!withErrors && connector.errors.length)
      lines.push('_Error output left out to fit the comment size._', '');
    const datatypes = datatypesLine(connector);
    if (datatypes) lines.push(`**${escapeText(datatypes)}**`, '');
    for (const file of renamedFiles(connector))
      lines.push(`- ${code(file.path)} ${escapeText(fileHeadline(file))}`);
    lines.push('', '</details>', '');
    return lines.join('\n');
  };
  return { label: connector.system, full: render(true), compact: render(false) };
};

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

const names = (labels: string[]): string =>
  labels.length <= CUT_NOTE_NAMES
    ? labels.join(', ')
    : `${labels.slice(0, CUT_NOTE_NAMES).join(', ')} and ${labels.length - CUT_NOTE_NAMES} more`;

const length = (parts: string[]): number => parts.join('\n').length;
