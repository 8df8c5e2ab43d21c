import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared corpus of real connectors beside the repository: `<system>@<branch>/` folders. */
export const corpusDir = (workspaceRoot: string): string => resolve(workspaceRoot, '..', 'shared', 'corpus');

/**
 * One version per repository: of the `<repository>@<branch>` folder names, `main`, else
 * `playground`, else the first alphabetically; in name order. With `all`, every folder.
 */
export function pickVersions(folders: readonly string[], all = false): string[] {
  const sorted = [...folders].sort();
  if (all) return sorted;
  const byRepository = new Map<string, string[]>();
  for (const folder of sorted) {
    const repository = folder.replace(/@.*$/, '');
    byRepository.set(repository, [...(byRepository.get(repository) ?? []), folder]);
  }
  return [...byRepository.values()].map(
    (versions) =>
      versions.find((f) => f.endsWith('@main')) ??
      versions.find((f) => f.endsWith('@playground')) ??
      versions[0]!,
  );
}

/** The corpus folders (absolute paths) the figures are taken over by default. */
export function corpusFolders(corpus: string, all: boolean): string[] {
  if (!existsSync(corpus)) return [];
  const folders = readdirSync(corpus).filter((name) => statSync(join(corpus, name)).isDirectory());
  return pickVersions(folders, all).map((folder) => join(corpus, folder));
}
