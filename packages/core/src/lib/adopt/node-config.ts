import { expandConnector, ExpandError, memorySource } from '../expand';

/** What `sesam expand --compat` gives for a connector folder held in memory: the files, or the error. */
export type NodeConfig = { ok: true; files: ReadonlyMap<string, string> } | { ok: false; error: string };

/** Expands a connector folder (connector-relative path → text) in memory, like `sesam-connectors expand --compat`. */
export function nodeConfigOf(files: ReadonlyMap<string, string>): NodeConfig {
  try {
    return { ok: true, files: expandConnector(memorySource(Object.fromEntries(files))).files };
  } catch (error) {
    if (error instanceof ExpandError) return { ok: false, error: error.message };
    throw error;
  }
}

/**
 * The expanded files (paths under the expanded folder) in which `actual` differs from `expected`
 * byte for byte, including files only one of them has; `[]` when the node configs are identical.
 * Two failed expansions are the same when their messages are.
 */
export function nodeConfigDifferences(expected: NodeConfig, actual: NodeConfig): string[] {
  if (!expected.ok || !actual.ok) {
    if (!expected.ok && !actual.ok && expected.error === actual.error) return [];
    return [
      `(expand: ${expected.ok ? 'the source expands' : expected.error} / ${actual.ok ? 'the package expands' : actual.error})`,
    ];
  }
  const paths = [...new Set([...expected.files.keys(), ...actual.files.keys()])].sort();
  return paths.filter((path) => expected.files.get(path) !== actual.files.get(path));
}
