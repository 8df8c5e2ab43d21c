import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  diskSource,
  expandConnector,
  ExpandError,
  memorySource,
  type ConnectorSource,
} from '../../../../lib/expand';
import type { FolderPlan } from './plan-folder';

/** Whether the built connector and its source give the same node config, and if not the first difference. */
export type Equivalence = { equivalent: true } | { equivalent: false; difference: string };

/** The expanded files (`sesam expand` with sesam-py's treatment of undefined variables), or the error. */
function expanded(source: ConnectorSource): ReadonlyMap<string, string> | ExpandError {
  try {
    return expandConnector(source).files;
  } catch (error) {
    if (error instanceof ExpandError) return error;
    throw error;
  }
}

/**
 * Import's proof, done independently of the import: the files the build writes for the plan,
 * expanded like `sesam-connectors expand --compat` (with the source folder's `<profile>-env.json`
 * beside them, as a developer's node has it), give byte for byte the node config the source
 * folder expands to. Two expansions that fail the same way count as equivalent.
 */
export function nodeConfigEquivalence(plan: FolderPlan & { ok: true }): Equivalence {
  const built: { [path: string]: string } = Object.fromEntries(plan.plan.files);
  for (const env of plan.source.envFiles) {
    if (existsSync(join(plan.dir, env))) built[env] = readFileSync(join(plan.dir, env), 'utf8');
  }
  const expected = expanded(diskSource(plan.dir));
  const actual = expanded(memorySource(built, `${plan.shown} (built)`));
  if (expected instanceof ExpandError || actual instanceof ExpandError) {
    if (
      expected instanceof ExpandError &&
      actual instanceof ExpandError &&
      expected.message === actual.message
    )
      return { equivalent: true };
    const describe = (result: ReadonlyMap<string, string> | ExpandError): string =>
      result instanceof ExpandError ? `fails: ${result.message}` : 'expands';
    return {
      equivalent: false,
      difference: `the source ${describe(expected)}; the build ${describe(actual)}`,
    };
  }
  for (const path of new Set([...expected.keys(), ...actual.keys()])) {
    const want = expected.get(path);
    const got = actual.get(path);
    if (want === got) continue;
    if (got === undefined)
      return { equivalent: false, difference: `${path}: missing from the build's node config` };
    if (want === undefined)
      return { equivalent: false, difference: `${path}: only in the build's node config` };
    return { equivalent: false, difference: `${path}: differs` };
  }
  return { equivalent: true };
}
