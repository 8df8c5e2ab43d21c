import { CONNECTORS_DIR } from '@sesam-connectors/core/layout';
import { README_FIX_COMMAND, WORKSPACE_README } from './readmes';
import type { StaleFile, StaleReason } from './stale';

/** The one command that makes every committed output fresh again. */
export const FIX_COMMAND = 'npx nx run-many -t build';

const REASONS: Record<StaleReason, string> = {
  differs: 'differs from a fresh build',
  missing: 'is written by the build but is not committed',
  'not built': 'is committed but the build no longer writes it',
  orphan: 'has no connector.json beside it, so nothing builds it (delete the folder)',
};

/** What the gate prints when outputs are stale: each connector, each file and why, then the fix. */
export const staleReport = (stale: readonly StaleFile[]): string => {
  const systems = [...new Set(stale.map((s) => s.system))];
  const lines = [
    `check:fresh: the committed output of ${systems.length} connector${systems.length === 1 ? ' is' : 's are'} stale:`,
  ];
  for (const system of systems) {
    lines.push(`  ${system}`);
    for (const file of stale.filter((s) => s.system === system))
      lines.push(`    ${file.path} ${REASONS[file.reason]}`);
  }
  lines.push(
    '',
    `Fix: run \`${FIX_COMMAND}\`, then commit the changes under packages/connectors/*/connector/.`,
    'The output folders were put back as they were before this check.',
  );
  return lines.join('\n') + '\n';
};

/** What the gate prints when connector READMEs' generated sections (or the workspace README's family table) are stale. */
export const staleReadmesReport = (paths: readonly string[]): string =>
  [
    `check:fresh: the generated section of ${paths.length} ${paths.every((path) => path.startsWith(`${CONNECTORS_DIR}/`)) ? 'connector ' : ''}README${paths.length === 1 ? ' is' : 's are'} stale (or missing):`,
    ...paths.map((path) => `  ${path}`),
    '',
    `Fix: run \`${README_FIX_COMMAND}\` (it writes the section between the README's generated:start/end markers, from connector.json${paths.includes(WORKSPACE_README) ? `, and ${WORKSPACE_README}'s family table between its family:start/end markers` : ''}), then commit the READMEs.`,
    '',
  ].join('\n');

/** What the gate prints when the build itself failed. */
export const buildFailedReport = (code: number): string =>
  [
    `check:fresh: the build failed (exit ${code}), so freshness was not checked; Nx's output above says why.`,
    `Fix the errors, run \`${FIX_COMMAND}\` and commit the outputs.`,
    'The output folders were put back as they were before this check.',
  ].join('\n') + '\n';

/** A note when output folders hold uncommitted changes: they were compared (and kept) as they are. */
export const uncommittedNote = (paths: readonly string[]): string =>
  [
    `note: ${paths.length} file${paths.length === 1 ? '' : 's'} in connector output folders differ from the last commit;`,
    'they were compared as they are in the work tree and kept unchanged. Commit them so the committed output is fresh:',
    ...paths.slice(0, 20).map((p) => `  ${p}`),
    ...(paths.length > 20 ? [`  … and ${paths.length - 20} more`] : []),
  ].join('\n');
