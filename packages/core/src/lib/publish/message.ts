import type { PublishPlan } from './plan';

/** The trailer that marks a publish commit and names the connector (how the next publish finds it). */
export const SYSTEM_TRAILER = 'Sesam-Connectors-System';
/** The trailer with the workspace commit the files were built from. */
export const WORKSPACE_TRAILER = 'Sesam-Connectors-Commit';

/** The workspace revision the published files come from. */
export interface WorkspaceRevision {
  /** The workspace's HEAD, or undefined outside a git repository. */
  readonly commit?: string;
  /** Whether the connector's built output differs from that commit (published uncommitted work). */
  readonly uncommitted: boolean;
}

const LIST_LIMIT = 40;

const list = (label: string, items: readonly string[]): string[] => {
  if (items.length === 0) return [];
  const shown = items.slice(0, LIST_LIMIT).map((item) => `  ${item}`);
  if (items.length > LIST_LIMIT) shown.push(`  … and ${items.length - LIST_LIMIT} more`);
  return [`${label} (${items.length}):`, ...shown];
};

/** Where the files come from, as the subject and body name it. */
export const describeRevision = (revision: WorkspaceRevision): string =>
  `${revision.commit ?? 'a workspace outside git'}${revision.uncommitted ? ' with uncommitted changes' : ''}`;

/**
 * The publish commit's message: a subject naming the connector and the workspace commit, the
 * pipes added, changed and removed, the files, and the trailers the next publish looks for.
 */
export function commitMessage(system: string, plan: PublishPlan, revision: WorkspaceRevision): string {
  const short = revision.commit?.slice(0, 12);
  const subject = `Publish ${system} from sesam-connectors ${short ?? '(no workspace commit)'}${revision.uncommitted ? ' + uncommitted changes' : ''}`;
  const written = [...plan.writes.keys()].sort();
  const body = [
    `Built from workspace commit ${describeRevision(revision)}.`,
    '',
    ...list('Pipes changed', plan.pipes.changed),
    ...list('Pipes added', plan.pipes.added),
    ...list('Pipes removed', plan.pipes.removed),
    ...(plan.manifestChanged ? ['manifest.json changed.'] : []),
    ...list('Files written', written),
    ...list('Files deleted', plan.deletes),
  ];
  const trailers = [
    `${SYSTEM_TRAILER}: ${system}`,
    ...(revision.commit ? [`${WORKSPACE_TRAILER}: ${revision.commit}`] : []),
  ];
  return [subject, '', ...body, '', ...trailers, ''].join('\n');
}
