import type { TreeChange } from './compare-trees';

export interface DownloadReportContext {
  projectName: string;
  /** Workspace-relative project root, e.g. packages/connectors/shopify. */
  projectRoot: string;
  /** Workspace-relative connector folder (the committed build output). */
  connectorPath: string;
  /** Where the downloaded copy was left. */
  copyDir: string;
  /** How many files were compared. */
  compared: number;
}

/** The text `download` prints: what differs between the node and the committed build output. */
export const formatDownloadReport = (changes: readonly TreeChange[], ctx: DownloadReportContext): string => {
  const untouched = `Nothing in ${ctx.projectRoot} was changed. The downloaded connector is in ${ctx.copyDir}`;
  if (changes.length === 0) {
    return [
      `sesam download: the node matches the committed build output in ${ctx.connectorPath} (${ctx.compared} files compared).`,
      `${untouched}.`,
    ].join('\n');
  }
  const width = Math.max(...changes.map((c) => c.kind.length));
  const lines = changes.map((c) => `  ${c.kind.padEnd(width)}  ${c.path}${detail(c)}`);
  return [
    `sesam download: the node differs from the committed build output in ${ctx.connectorPath} (${changes.length} of ${ctx.compared} files):`,
    ...lines,
    `${untouched}.`,
    `${ctx.connectorPath} is the output of \`nx run ${ctx.projectName}:build\`, rendered from ${ctx.projectRoot}/connector.json and the template pack:`,
    'copying downloaded files into it would be undone by the next build. To keep a change, make it in connector.json (or the',
    'template pack) and rebuild.',
  ].join('\n');
};

const detail = (change: TreeChange): string => {
  if (change.kind !== 'changed' || change.jsonPaths === undefined) return '';
  if (change.jsonPaths.length === 0) return ' (formatting only)';
  const more =
    (change.jsonPathCount ?? 0) > change.jsonPaths.length ? `, … ${change.jsonPathCount} in all` : '';
  return ` (at ${change.jsonPaths.map((p) => (p === '$' ? 'the document root' : p)).join(', ')}${more})`;
};
