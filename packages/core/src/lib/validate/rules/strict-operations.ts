import { JsonObject } from '../../json';
import type { JsonPath } from '../../expand';
import { componentLocation, type ConnectorView, type ExpandedFile } from '../connector-view';
import { finding, type Finding } from '../finding';
import { objectAt, stringAt, transformSteps } from '../pipe-parts';
import { rule } from '../rule';

export const UNKNOWN_OPERATION = rule(
  'strict/unknown-operation',
  'error',
  "Every operation a pipe names exists in the connector's system it names.",
);

interface OperationUse {
  readonly system: string;
  readonly operation: string;
  readonly path: JsonPath;
}

/**
 * REST sources, REST transforms and REST sinks name `system` + `operation`; template transforms
 * (transform-collect-rest, transform-share-rest, …) name `properties.rest_system` + `operation_*`.
 * Each must exist in that system's `operations` — when the system is one of this connector's.
 */
export function checkOperations(view: ConnectorView): Finding[] {
  const systems = new Map(view.systems.map((system) => [system.value.get('_id'), system] as const));
  const findings: Finding[] = [];
  for (const pipe of view.pipes) {
    for (const use of operationUses(pipe.value)) {
      const system = systems.get(use.system);
      if (!system) continue;
      const operations = objectAt(system.value, 'operations') ?? new JsonObject();
      if (operations.has(use.operation)) continue;
      findings.push(
        finding(
          UNKNOWN_OPERATION,
          componentLocation(pipe.component, use.path),
          `${label(pipe)} uses operation '${use.operation}', which system ${use.system} does not define`,
          `add operations["${use.operation}"] to ${system.component.origin.file}, or fix the name (defined: ${[...operations.keys()].join(', ') || 'none'})`,
        ),
      );
    }
  }
  return findings;
}

function operationUses(pipe: JsonObject): OperationUse[] {
  const uses: OperationUse[] = [];
  for (const key of ['source', 'sink']) {
    const part = objectAt(pipe, key);
    const [system, operation] = [stringAt(part, 'system'), stringAt(part, 'operation')];
    if (system !== undefined && operation !== undefined)
      uses.push({ system, operation, path: [key, 'operation'] });
  }
  for (const step of transformSteps(pipe)) {
    const [system, operation] = [stringAt(step.value, 'system'), stringAt(step.value, 'operation')];
    if (system !== undefined && operation !== undefined)
      uses.push({ system, operation, path: [...step.path, 'operation'] });
    const properties = objectAt(step.value, 'properties');
    const restSystem = stringAt(properties, 'rest_system');
    if (typeof step.value.get('template') !== 'string' || !properties || restSystem === undefined) continue;
    for (const [key, value] of properties) {
      if (key.startsWith('operation_') && typeof value === 'string')
        uses.push({ system: restSystem, operation: value, path: [...step.path, 'properties', key] });
    }
  }
  return uses;
}

export const label = (pipe: ExpandedFile): string => {
  const id = pipe.value.get('_id');
  return `pipe ${typeof id === 'string' ? id : pipe.name}`;
};
