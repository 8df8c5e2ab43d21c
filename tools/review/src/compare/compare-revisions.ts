import { compareConnector } from './compare-connector';
import type { Counts, ReviewReport, RevisionBuild } from './types';

export interface CompareRevisionsOptions {
  expanded: boolean;
}

/**
 * The review of every connector between two revisions: the connectors that differ or failed, the
 * names of those that did not change, and totals. Pure: builds in, report out.
 */
export const compareRevisions = (
  base: RevisionBuild,
  head: RevisionBuild,
  options: CompareRevisionsOptions,
): ReviewReport => {
  const systems = [...new Set([...Object.keys(base.connectors), ...Object.keys(head.connectors)])].sort();
  const report: ReviewReport = {
    base: { ref: base.ref, commit: base.commit },
    head: { ref: head.ref, commit: head.commit },
    expanded: options.expanded,
    connectors: [],
    unchanged: [],
    totals: { connectors: 0, pipes: zero() },
    notes: [...base.notes.map((n) => `base: ${n}`), ...head.notes.map((n) => `head: ${n}`)],
  };
  if (options.expanded) report.totals.expanded = zero();
  for (const system of systems) {
    const connector = compareConnector(system, base.connectors[system], head.connectors[system], options);
    if (connector === undefined) {
      report.unchanged.push(system);
      continue;
    }
    report.connectors.push(connector);
    add(report.totals.pipes, connector.pipes);
    if (report.totals.expanded && connector.expanded) add(report.totals.expanded, connector.expanded.counts);
  }
  report.totals.connectors = report.connectors.length;
  return report;
};

/** True when the review found anything to report (what `--exit-code` turns into exit status 1). */
export const hasChanges = (report: ReviewReport): boolean => report.connectors.length > 0;

const zero = (): Counts => ({ added: 0, removed: 0, changed: 0 });

const add = (total: Counts, counts: Counts): void => {
  total.added += counts.added;
  total.removed += counts.removed;
  total.changed += counts.changed;
};
