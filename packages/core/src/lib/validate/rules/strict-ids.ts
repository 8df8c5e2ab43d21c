import type { FiledComponent } from '../../expand';
import { componentLocation, type ConnectorView } from '../connector-view';
import { finding, type Finding } from '../finding';
import { rule } from '../rule';

export const DUPLICATE_ID = rule(
  'strict/duplicate-id',
  'error',
  'No two generated pipes (or systems) share an _id (expand keeps only the last one).',
);

const describe = (component: FiledComponent): string => {
  const { origin } = component;
  if (origin.kind === 'shim') return `the -transform shim expand adds for datatype ${origin.datatype}`;
  const element = origin.index === undefined ? '' : ` [${origin.index}]`;
  return `${origin.file}${element}${origin.datatype === undefined ? '' : ` (datatype ${origin.datatype})`}`;
};

/** Every component that a later one with the same output file replaces is reported where it was written. */
export function checkDuplicateIds(view: ConnectorView): Finding[] {
  const byPath = new Map<string, FiledComponent[]>();
  for (const component of view.expanded?.components ?? []) {
    if (component.path) byPath.set(component.path, [...(byPath.get(component.path) ?? []), component]);
  }
  const findings: Finding[] = [];
  for (const [path, components] of byPath) {
    const winner = components[components.length - 1];
    for (const lost of components.slice(0, -1)) {
      findings.push(
        finding(
          DUPLICATE_ID,
          componentLocation(lost, ['_id']),
          `${path.startsWith('pipes/') ? 'pipe' : 'system'} ${path.slice(path.indexOf('/') + 1, -'.conf.json'.length)} is generated again by ${describe(winner)}, which replaces this one`,
          'give each pipe a unique _id (pipes named <system>-<datatype>-transform are reserved for the shim)',
        ),
      );
    }
  }
  return findings;
}
