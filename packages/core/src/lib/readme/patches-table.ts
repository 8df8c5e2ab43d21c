import type { ConnectorConfig } from '../config';
import { operationChange, type PatchOperation } from '../patch';
import { inlineCode, tableCell } from './datatype-summary';

/** Every part of connector.json with patches: [datatype or `system`/`manifest`, role, operations]. */
function patchedParts(config: ConnectorConfig): [string, string, readonly PatchOperation[]][] {
  const parts: [string, string, readonly PatchOperation[]][] = [];
  for (const [name, datatype] of Object.entries(config.datatypes))
    for (const [role, operations] of Object.entries(datatype.patches))
      parts.push([inlineCode(name), inlineCode(`-${role}`), operations]);
  for (const part of ['system', 'manifest'] as const) {
    const operations = config.patches[part];
    if (operations !== undefined) parts.push([part, '', operations]);
  }
  return parts;
}

/**
 * The README's table of the patches connector.json keeps over what the patterns render: one row per
 * operation other than a `test` (a guard), with the reason the maintainer wrote beside it (or that
 * there is none yet). No lines when there are no patches.
 */
export function patchesTable(config: ConnectorConfig): string[] {
  const rows = patchedParts(config).flatMap(([where, role, operations]) =>
    operations
      .filter((operation) => operation.op !== 'test')
      .map((operation) =>
        [where, role, inlineCode(operationChange(operation)), operation.reason ?? '— (no reason given)']
          .map(tableCell)
          .join(' | '),
      ),
  );
  if (rows.length === 0) return [];
  return [
    'Patches connector.json keeps over what the patterns render (each guarded: the build fails when the pattern changes under it):',
    '',
    '| Datatype | Pipe | Change | Why it is kept |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
    '',
  ];
}
