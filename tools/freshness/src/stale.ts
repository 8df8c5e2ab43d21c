import { EXPANDED_DIR } from '@sesam-connectors/core/layout';
import { outputPath } from '../../shared/src/connectors';
import type { OutputSnapshot } from './snapshot';

export type StaleReason =
  /** The committed file's bytes differ from the rebuilt file. */
  | 'differs'
  /** The build writes this file but it is not in the work tree. */
  | 'missing'
  /** The file is there but the build no longer writes it. */
  | 'not built'
  /** An output folder without a connector.json next to it: nothing builds it. */
  | 'orphan';

export interface StaleFile {
  system: string;
  /** Repository-relative path ('/' separators). */
  path: string;
  reason: StaleReason;
}

/**
 * Compares the output folders as they were (`before`) with the same folders after a fresh build
 * (`after`), byte for byte, ignoring the expand output (`connector/.expanded`, not committed).
 * Pure: snapshots in, stale files out (sorted by path).
 */
export const staleFiles = (before: OutputSnapshot, after: OutputSnapshot): StaleFile[] => {
  const stale: StaleFile[] = [];
  for (const system of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(system)?.files ?? new Map<string, Buffer>();
    const now = after.get(system)?.files ?? new Map<string, Buffer>();
    for (const path of new Set([...was.keys(), ...now.keys()])) {
      if (path === EXPANDED_DIR || path.startsWith(`${EXPANDED_DIR}/`)) continue;
      const old = was.get(path);
      const fresh = now.get(path);
      const reason: StaleReason | undefined =
        old === undefined
          ? 'missing'
          : fresh === undefined
            ? 'not built'
            : old.equals(fresh)
              ? undefined
              : 'differs';
      if (reason) stale.push({ system, path: `${outputPath(system)}/${path}`, reason });
    }
  }
  return stale.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
};

/** Output folders of systems that have no connector.json: reported as stale as a whole. */
export const orphanFolders = (outputFolders: readonly string[], connectors: readonly string[]): StaleFile[] =>
  outputFolders
    .filter((system) => !connectors.includes(system))
    .map((system) => ({ system, path: outputPath(system), reason: 'orphan' as const }));
