import {
  connectorFlow,
  datatypeDiagram,
  diffFlows,
  ExpandError,
  memorySource,
  type ConnectorFlow,
  type FlowStatus,
} from '@sesam-connectors/core';
import type { ConnectorBuild, RevisionBuild } from '../compare/types';
import type { MarkdownSection } from './markdown';

/** The data flow of one changed datatype, both revisions in one Mermaid flowchart, the changes marked. */
export interface DatatypeDiagram {
  system: string;
  datatype: string;
  status: FlowStatus;
  mermaid: string;
}

/**
 * A connector's flow at one revision: undefined when the connector is not there, null when it
 * cannot be drawn (its build failed, or its output does not expand).
 */
const flowAt = (system: string, build: ConnectorBuild | undefined): ConnectorFlow | undefined | null => {
  if (build === undefined) return undefined;
  if (build.files === undefined) return null;
  try {
    return connectorFlow(memorySource(build.files, `${system} at one revision`), {
      systemPlaceholder: system,
    });
  } catch (error) {
    if (error instanceof ExpandError) return null;
    throw error;
  }
};

/**
 * The diagram of every changed datatype (added, removed, or with a pipe or link that differs) of
 * the given connectors, in their order and the datatypes' manifest order. Connectors that cannot be
 * drawn at both revisions are left out (the review reports their errors).
 */
export const changedDatatypeDiagrams = (
  base: RevisionBuild,
  head: RevisionBuild,
  systems: readonly string[],
): DatatypeDiagram[] =>
  systems.flatMap((system) => {
    const before = flowAt(system, base.connectors[system]);
    const after = flowAt(system, head.connectors[system]);
    if (before === null || after === null || (before === undefined && after === undefined)) return [];
    const flow = diffFlows(before, after);
    return flow.datatypes.flatMap((datatype) => {
      const status = flow.datatypeStatus?.get(datatype);
      return status ? [{ system, datatype, status, mermaid: datatypeDiagram(flow, datatype) }] : [];
    });
  });

/** The heading over the diagrams in the markdown review. */
export const DIAGRAMS_HEADING = '#### Data flow of the changed datatypes\n';

/** What the marks mean, once under the heading. */
export const DIAGRAMS_LEGEND =
  'Added pipes and links are green and marked (added), changed ones yellow (changed), removed ones red and dashed (removed).\n';

/**
 * One diagram as a markdown section: in full, the Mermaid block GitHub draws; compact, one line
 * saying it was left out (the comment's size cap decides which is shown).
 */
export const diagramSection = (
  diagram: DatatypeDiagram,
): { label: string; full: string; compact: string } => {
  const title = `**${diagram.system} · ${diagram.datatype}** (${diagram.status})`;
  const bar = '`'.repeat(Math.max(3, ...(diagram.mermaid.match(/`+/g) ?? []).map((run) => run.length + 1)));
  return {
    label: `${diagram.system} · ${diagram.datatype} (diagram)`,
    full: `${title}\n\n${bar}mermaid\n${diagram.mermaid}${bar}\n`,
    compact: `${title}: _diagram left out to fit the comment size._\n`,
  };
};
