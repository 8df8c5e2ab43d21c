import type {
  Change,
  ChangeGroup,
  ChangeRecord,
  ConnectorReport,
  Counts,
  ReviewReport,
  RevisionSide,
} from '../compare/types';
import { NAME_SEPARATOR } from '../compare/names';

/** Phrases shared by the text and markdown renderers, so both say the same thing. */

/** The `ref` of the head side when no --head was given. */
export const WORK_TREE = 'work tree';

/** Git's usual abbreviation. */
export const shortCommit = (commit: string): string => commit.slice(0, 7);

/**
 * `main (1a2b3c4)`; a commit id given as such is `1a2b3c4`, or `i16 (1a2b3c4)` when a branch is at
 * it; `HEAD (i16 1a2b3c4)`; the work tree is just "work tree" (its snapshot commit means nothing to a reader).
 */
export const revisionLabel = (side: RevisionSide): string => {
  if (side.ref === WORK_TREE) return WORK_TREE;
  const sha = shortCommit(side.commit);
  const isCommitId = side.commit.startsWith(side.ref) && /^[0-9a-f]{4,}$/i.test(side.ref);
  if (isCommitId) return side.branch === undefined ? sha : `${side.branch} (${sha})`;
  return `${side.ref} (${side.branch === undefined ? '' : `${side.branch} `}${sha})`;
};

/** "3 added, 1 changed" — only the non-zero counts; "no changes" when all are zero. */
export const countsPhrase = (counts: Counts, noun = ''): string => {
  const parts = (['added', 'removed', 'changed'] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]}${noun ? ` ${noun}` : ''} ${k}`);
  return parts.length ? parts.join(', ') : 'no changes';
};

const SIGNS = { added: '+', removed: '-', changed: '~' } as const;

/** The sign of a change: `+`, `-`, `~`. */
export const sign = (change: Change): string => SIGNS[change];

/** A table cell: `+2 -1 ~37`, the non-zero counts only; empty when there are none. */
export const countsCell = (counts: Counts): string =>
  (['added', 'removed', 'changed'] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => `${SIGNS[k]}${counts[k]}`)
    .join(' ');

/** What the summary table's last column says about a connector. */
export const connectorNote = (connector: ConnectorReport): string => {
  const notes: string[] = [];
  if (connector.status === 'added') notes.push('new connector');
  if (connector.status === 'removed') notes.push('connector deleted');
  for (const error of connector.errors) notes.push(`${error.stage} failed at ${error.side}`);
  const { added, removed } = connector.datatypes;
  if (connector.status === 'changed' && (added.length || removed.length)) {
    notes.push(`datatypes ${[...added.map((d) => `+${d}`), ...removed.map((d) => `-${d}`)].join(' ')}`);
  }
  return notes.join('; ');
};

/** "removed (renamed to templates/x.json)", "changed — order of pipes changed", … */
export const fileHeadline = (file: {
  change: Change;
  renamedFrom?: string;
  renamedTo?: string;
  note?: string;
}): string => {
  let text: string = file.change;
  if (file.renamedFrom) text += ` (renamed from ${file.renamedFrom})`;
  if (file.renamedTo) text += ` (renamed to ${file.renamedTo})`;
  if (file.note) text += ` — ${file.note}`;
  return text;
};

/** The files of a connector worth a line of their own: renamed ones (everything else is in the changes). */
export const renamedFiles = (connector: ConnectorReport) =>
  connector.files.filter((file) => file.renamedFrom !== undefined || file.renamedTo !== undefined);

/** Whether a connector needs a section of its own: build errors or renamed files. */
export const hasConnectorSection = (connector: ConnectorReport): boolean =>
  connector.errors.length > 0 || renamedFiles(connector).length > 0;

export const datatypesLine = (connector: ConnectorReport): string | undefined => {
  const { added, removed } = connector.datatypes;
  if (!added.length && !removed.length) return undefined;
  const parts: string[] = [];
  if (added.length) parts.push(`added ${added.join(', ')}`);
  if (removed.length) parts.push(`removed ${removed.join(', ')}`);
  return `datatypes ${parts.join('; ')}`;
};

/** The closing line under the table. */
export const totalsLine = (report: ReviewReport): string => {
  const { totals } = report;
  const parts = [
    `${report.connectors.length} connector${report.connectors.length === 1 ? '' : 's'} with changes, ${report.unchanged.length} unchanged`,
    `datatypes: ${countsPhrase(totals.datatypes)}`,
    `pipes: ${countsPhrase(totals.pipes)}`,
    `systems: ${countsPhrase(totals.systems)}`,
    `manifests: ${countsPhrase(totals.manifests)}`,
  ];
  if (totals.expanded)
    parts.push(
      `expanded pipes: ${countsPhrase(totals.expanded.pipes)}`,
      `expanded systems: ${countsPhrase(totals.expanded.systems)}`,
    );
  return parts.join('; ') + '.';
};

/** The command that reproduces this review locally (for the markdown cut note). */
export const reviewCommand = (report: ReviewReport): string =>
  `npm run review -- --base ${report.base.ref}` +
  (report.head.ref === WORK_TREE ? '' : ` --head ${report.head.ref}`) +
  (report.expanded ? ' --expanded' : '');

export const summaryHeader = (report: ReviewReport): string[] => [
  'connector',
  'datatypes',
  'pipes',
  'systems',
  'manifest',
  ...(report.expanded ? ['expanded pipes', 'expanded systems'] : []),
  'note',
];

/** The summary table's cells, one row per reported connector. */
export const summaryCells = (report: ReviewReport): string[][] =>
  report.connectors.map((c) => {
    const failed = c.errors.some((e) => e.stage === 'build');
    const cell = (counts: Counts) => (failed ? '–' : countsCell(counts));
    const datatypes: Counts = {
      added: c.datatypes.added.length,
      removed: c.datatypes.removed.length,
      changed: c.datatypes.changed.length,
    };
    const row = [
      c.system,
      cell(datatypes),
      cell(c.pipes),
      cell(c.systems),
      failed ? '–' : (c.manifest ?? ''),
    ];
    if (report.expanded) {
      row.push(...(c.expanded ? [countsCell(c.expanded.pipes), countsCell(c.expanded.systems)] : ['–', '–']));
    }
    row.push(connectorNote(c));
    return row;
  });

const NOUNS = { pipe: 'pipe', system: 'system', manifest: 'manifest', file: 'file' } as const;

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** What a group is about: `pipe · registerwebhook`, `system`, `manifest`, `template file`, `file · README.md`. */
export const groupSubject = (group: ChangeGroup): string => {
  if (group.kind === 'file' && group.role === 'template') return 'template file';
  return group.role === group.kind ? group.kind : `${group.kind}${NAME_SEPARATOR}${group.role}`;
};

/** The records of a group. */
export const groupRecords = (report: ReviewReport, group: ChangeGroup): ChangeRecord[] =>
  group.changes.map((index) => report.changes[index]);

/** Where a group's change happens: `alpha customer, order; beta customer` (connectors only when no datatypes). */
export const whereList = (records: readonly ChangeRecord[], maxConnectors = Infinity): string => {
  const byConnector = new Map<string, string[]>();
  for (const record of records) {
    const datatypes = byConnector.get(record.connector) ?? [];
    if (record.datatype !== undefined && !datatypes.includes(record.datatype))
      datatypes.push(record.datatype);
    byConnector.set(record.connector, datatypes);
  }
  const entries = [...byConnector].map(([connector, datatypes]) =>
    datatypes.length ? `${connector} ${datatypes.join(', ')}` : connector,
  );
  const shown = entries.slice(0, maxConnectors);
  const more = entries.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${plural(more, 'more connector')}` : '');
};

/**
 * The title of a group: one change is named (`~ shopify · order · registerwebhook`); several are
 * counted (`~ pipe · registerwebhook — the same change in 37 pipes of 6 connectors:`), followed by
 * where; a form that differs from the common one says so.
 */
export const groupTitle = (
  report: ReviewReport,
  group: ChangeGroup,
  maxConnectors = Infinity,
): { title: string; where?: string } => {
  const records = groupRecords(report, group);
  const note = group.note === undefined ? '' : ` (${group.note})`;
  const differs = group.differsFrom === undefined ? '' : ' — differs from the common form';
  if (records.length === 1) {
    const odd = group.differsFrom === undefined ? '' : ' — the odd one out, differs from the common form';
    return { title: `${sign(group.change)} ${records[0].name}${note}${odd}` };
  }
  const connectors = new Set(records.map((r) => r.connector)).size;
  const noun = NOUNS[group.kind];
  const count =
    group.kind === 'pipe' || connectors !== records.length
      ? `${plural(records.length, noun)} of ${plural(connectors, 'connector')}`
      : plural(connectors, 'connector');
  const what =
    group.change === 'changed'
      ? 'the same change in'
      : group.change === 'added'
        ? 'added in'
        : 'removed from';
  return {
    title: `${sign(group.change)} ${groupSubject(group)}${note}${differs} — ${what} ${count}:`,
    where: whereList(records, maxConnectors),
  };
};
