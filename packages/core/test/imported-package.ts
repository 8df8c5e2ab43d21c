import type { Tree } from '@nx/devkit';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nameProblem, suggestName } from '../src/lib/config/names';
import { systemNameFromFolder } from '../src/generators/import/lib/system-name';
import { connectorRoot } from '../src/generators/shared/connector-paths';

/** Writes the package the generator put in the tree to `dir` (as `nx g` would on disk). */
export const writePackage = (tree: Tree, system: string, dir: string): void => {
  for (const change of tree.listChanges()) {
    if (!change.path.startsWith(`${connectorRoot(system)}/`) || change.content === null) continue;
    const file = join(dir, change.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, change.content);
  }
};

/** The system name a corpus folder's name gives, made valid as `--system` would be given. */
export const folderSystem = (folder: string): string => {
  const derived = systemNameFromFolder(folder);
  return nameProblem('system', derived) === undefined ? derived : suggestName(derived);
};

/**
 * The build's `validate` option as Nx merges it from the imported package's project.json (the import
 * writes one that turns validation off when the source breaks validation rules); true without one.
 */
export const buildValidates = (tree: Tree, system: string): boolean => {
  const project = tree.read(`${connectorRoot(system)}/project.json`, 'utf-8');
  return project === null ? true : (JSON.parse(project).targets.build.options.validate as boolean);
};
