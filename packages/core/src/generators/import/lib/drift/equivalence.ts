import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeConfigDifferences, nodeConfigOf } from '../../../../lib/adopt';
import { expectedFiles } from '../plan-verbatim';
import type { FolderPlan } from './plan-folder';

/** Whether the built connector and its source give the same node config, and if not the first difference. */
export type Equivalence = { equivalent: true } | { equivalent: false; difference: string };

/**
 * Import's proof, checked again on the plan as the drift report and the figures describe it: the
 * files the build writes, expanded like `sesam-connectors expand --compat`, give byte for byte the
 * node config of the source's files, both with the source folder's `<profile>-env.json` beside
 * them (as a developer's node has it). Two expansions that fail the same way count as equivalent.
 */
export function nodeConfigEquivalence(plan: FolderPlan & { ok: true }): Equivalence {
  const env = plan.source.envFiles
    .filter((file) => existsSync(join(plan.dir, file)))
    .map((file) => [file, readFileSync(join(plan.dir, file), 'utf8')] as const);
  const source = nodeConfigOf(new Map([...expectedFiles(plan.source), ...env]));
  const built = nodeConfigOf(new Map([...plan.plan.files, ...env]));
  const differences = nodeConfigDifferences(source, built);
  return differences.length === 0
    ? { equivalent: true }
    : {
        equivalent: false,
        difference: `${differences[0]}${differences.length > 1 ? ` and ${differences.length - 1} more` : ''} differ`,
      };
}
