import { indent } from './git';
import type { Difference, PublishPlan, Refusal } from './plan';

/** The command the import adds that shows how a connector repository differs from connector.json. */
export const DRIFT_COMMAND = 'npx sesam-connectors drift';

const few = (paths: readonly string[], limit = 20): string[] => [
  ...paths.slice(0, limit).map((path) => `  ${path}`),
  ...(paths.length > limit ? [`  … and ${paths.length - limit} more`] : []),
];

/**
 * A refusal as the user reads it: what is wrong, where, and what to do. `handEditDiff` is git's
 * diff of the hand edits (for `hand-edits`).
 */
export function refusalMessage(
  refusal: Refusal,
  where: { system: string; destination: string; branch: string; projectName: string; handEditDiff?: string },
): string {
  const at = `${where.destination} (branch ${where.branch})`;
  switch (refusal.kind) {
    case 'unsafe-files':
      return [
        `the build output of ${where.system} holds files publish never writes into a repository (only manifest.json and templates/*.json; no dot files, no env files):`,
        ...few(refusal.paths),
        'Remove them from the build (connector.json) and build again.',
      ].join('\n');
    case 'other-connector':
      return `${at} is published from connector ${refusal.system} (commit ${refusal.commit.slice(0, 12)}), not ${where.system}: check publish.repo in connector.json or --repo; pass --init to make it ${where.system}'s.`;
    case 'not-a-connector-repository':
      return [
        `${at} is neither empty nor a connector repository published from this workspace; it holds:`,
        ...few(refusal.paths, 10),
        `Pass --init to make it ${where.system}'s destination: publish then owns manifest.json and templates/ there (README.md, LICENSE, .github/ and the rest stay untouched).`,
        `If it is the repository the connector was imported from, first check that connector.json renders what it holds (${DRIFT_COMMAND}).`,
      ].join('\n');
    case 'foreign-files':
      return [
        `${at} has files under templates/ that the build of ${where.system} does not write:`,
        ...few(refusal.paths),
        'After --init publish owns templates/, so it will not leave files there that it did not write, nor delete them for you.',
        `Bring them into connector.json (re-import: npx nx g @sesam-connectors/core:import, or ${DRIFT_COMMAND} to see the difference), or delete them in the destination, then publish again.`,
      ].join('\n');
    case 'hand-edits':
      return [
        `${at} has changes to files publish owns that publish did not make (since publish commit ${refusal.commit.slice(0, 12)}):`,
        ...few(refusal.paths),
        '',
        ...(where.handEditDiff ? [indent(where.handEditDiff), ''] : []),
        'Publishing would overwrite them. Bring the fix into connector.json (see the difference with',
        `${DRIFT_COMMAND}), build, and publish again: once the build contains the fix (merging the hand`,
        'edit into the built file changes nothing), publish goes on. To discard the hand edits instead,',
        'revert them in the destination.',
      ].join('\n');
  }
}

/** One line per kind of change, for the terminal and a CI log. */
export function changeSummary(plan: PublishPlan): string[] {
  const files = [...plan.writes.keys()].sort();
  const pipes = plan.pipes;
  return [
    ...(files.length ? [`  write  ${files.join(', ')}`] : []),
    ...(plan.deletes.length ? [`  delete ${plan.deletes.join(', ')}`] : []),
    ...(pipes.added.length ? [`  pipes added:   ${pipes.added.join(', ')}`] : []),
    ...(pipes.changed.length ? [`  pipes changed: ${pipes.changed.join(', ')}`] : []),
    ...(pipes.removed.length ? [`  pipes removed: ${pipes.removed.join(', ')}`] : []),
  ];
}

const CHANGE: Record<Difference['change'], string> = {
  missing: 'is built but not in the destination',
  differs: 'differs from the build',
  extra: 'is in the destination but not built',
};

/** --check's list of differences. */
export const differenceLines = (differences: readonly Difference[]): string[] =>
  differences.map((d) => `  ${d.path} ${CHANGE[d.change]}`);
