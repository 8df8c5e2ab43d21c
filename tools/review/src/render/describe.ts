import type { ConnectorReport, Counts, FileChange, ReviewReport } from '../compare/types';

/** Phrases shared by the text and markdown renderers, so both say the same thing. */

/** The `ref` of the head side when no --head was given. */
export const WORK_TREE = 'work tree';

export const shortCommit = (commit: string): string => commit.slice(0, 10);

/** `main (1a2b3c4d5e)`; the work tree is just "work tree" (its snapshot commit means nothing to a reader). */
export const revisionLabel = (side: { ref: string; commit: string }): string =>
  side.ref === WORK_TREE
    ? WORK_TREE
    : side.ref === side.commit
      ? shortCommit(side.commit)
      : `${side.ref} (${shortCommit(side.commit)})`;

/** "3 added, 1 changed" — only the non-zero counts; "no changes" when all are zero. */
export const countsPhrase = (counts: Counts, noun = ''): string => {
  const parts = (['added', 'removed', 'changed'] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]}${noun ? ` ${noun}` : ''} ${k}`);
  return parts.length ? parts.join(', ') : 'no changes';
};

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
export const fileHeadline = (file: FileChange): string => {
  let text: string = file.change;
  if (file.renamedFrom) text += ` (renamed from ${file.renamedFrom})`;
  if (file.renamedTo) text += ` (renamed to ${file.renamedTo})`;
  if (file.note) text += ` — ${file.note}`;
  return text;
};

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
  const parts = [
    `${report.connectors.length} connector${report.connectors.length === 1 ? '' : 's'} with changes`,
    `${report.unchanged.length} unchanged`,
    `pipes: ${countsPhrase(report.totals.pipes)}`,
  ];
  if (report.totals.expanded) parts.push(`expanded config: ${countsPhrase(report.totals.expanded)}`);
  return parts.join('; ') + '.';
};

/** The command that reproduces this review locally (for the markdown cut note). */
export const reviewCommand = (report: ReviewReport): string =>
  `npm run review -- --base ${report.base.ref}` +
  (report.head.ref === WORK_TREE ? '' : ` --head ${report.head.ref}`) +
  (report.expanded ? ' --expanded' : '');

/** The summary table's cells, one row per reported connector. */
export const summaryCells = (report: ReviewReport): string[][] =>
  report.connectors.map((c) => {
    const failed = c.errors.some((e) => e.stage === 'build');
    const cell = (n: number) => (failed ? '–' : String(n));
    const row = [c.system, cell(c.pipes.added), cell(c.pipes.removed), cell(c.pipes.changed)];
    if (report.expanded) {
      const e = c.expanded?.counts;
      row.push(...(e ? [e.added, e.removed, e.changed].map(String) : ['–', '–', '–']));
    }
    row.push(connectorNote(c));
    return row;
  });

export const summaryHeader = (report: ReviewReport): string[] => [
  'connector',
  'pipes added',
  'removed',
  'changed',
  ...(report.expanded ? ['expanded added', 'removed', 'changed'] : []),
  'note',
];
