import type { KeyedChange } from './change-records';
import { compareConnector, countChanges } from './compare-connector';
import { groupChanges } from './group-changes';
import type { Counts, ReviewReport, RevisionBuild, RevisionSide } from './types';

export interface CompareRevisionsOptions {
  expanded: boolean;
}

/**
 * The review of every connector between two revisions: the connectors that differ or failed, every
 * change named and grouped, the names of the connectors that did not change, and totals. Pure:
 * builds in, report out.
 */
export const compareRevisions = (
  base: RevisionBuild,
  head: RevisionBuild,
  options: CompareRevisionsOptions,
): ReviewReport => {
  const systems = [...new Set([...Object.keys(base.connectors), ...Object.keys(head.connectors)])].sort();
  const report: ReviewReport = {
    base: side(base),
    head: side(head),
    expanded: options.expanded,
    connectors: [],
    changes: [],
    groups: [],
    unchanged: [],
    totals: { connectors: 0, datatypes: zero(), pipes: zero(), systems: zero(), manifests: zero() },
    notes: [...base.notes.map((n) => `base: ${n}`), ...head.notes.map((n) => `head: ${n}`)],
  };
  const keyed: KeyedChange[] = [];
  for (const system of systems) {
    const compared = compareConnector(system, base.connectors[system], head.connectors[system], options);
    if (compared === undefined) {
      report.unchanged.push(system);
      continue;
    }
    const { report: connector, changes } = compared;
    report.connectors.push(connector);
    keyed.push(...changes);
    const { totals } = report;
    totals.datatypes.added += connector.datatypes.added.length;
    totals.datatypes.removed += connector.datatypes.removed.length;
    totals.datatypes.changed += connector.datatypes.changed.length;
  }
  report.changes = keyed.map((k) => k.record);
  report.groups = groupChanges(keyed);
  report.totals.connectors = report.connectors.length;
  report.totals.pipes = countChanges(report.changes, 'template', 'pipe');
  report.totals.systems = countChanges(report.changes, 'template', 'system');
  report.totals.manifests = countChanges(report.changes, 'template', 'manifest');
  if (options.expanded) {
    report.totals.expanded = {
      pipes: countChanges(report.changes, 'expanded', 'pipe'),
      systems: countChanges(report.changes, 'expanded', 'system'),
    };
  }
  return report;
};

/** True when the review found anything to report (what `--exit-code` turns into exit status 1). */
export const hasChanges = (report: ReviewReport): boolean => report.connectors.length > 0;

const zero = (): Counts => ({ added: 0, removed: 0, changed: 0 });

const side = (build: RevisionBuild): RevisionSide =>
  build.branch === undefined
    ? { ref: build.ref, commit: build.commit }
    : { ref: build.ref, commit: build.commit, branch: build.branch };
