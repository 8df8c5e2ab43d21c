import type { Tree } from '@nx/devkit';
import type { ConnectorConfig } from '../../lib/config';
import {
  connectorReadme,
  familyMember,
  hasFamilyTable,
  projectBuildValidates,
  withFamilyTable,
} from '../../lib/readme';
import { loadTemplatePack, type LoadedTemplatePack } from '../../lib/render';
import { connectorProjectFile, connectorReadmePath, connectorSystems } from './connector-paths';
import { renderTreePackage, userErrorLines } from './render-package';

/**
 * Writes the generated section of `packages/connectors/<system>/README.md` from the package in the
 * tree (rendered in memory, as `nx build` would): the text around the markers is kept, a README
 * without markers gets the section at its end, a missing README is created. Returns whether the
 * README changed. Throws the engine's errors when the package does not render.
 */
export const writeConnectorReadme = (tree: Tree, system: string, pack?: LoadedTemplatePack): boolean =>
  writeRenderedReadme(tree, system, renderTreePackage(tree, system, undefined, pack));

/** `writeConnectorReadme` with the package already rendered (`renderTreePackage`'s result). */
export const writeRenderedReadme = (
  tree: Tree,
  system: string,
  { config, files }: { config: ConnectorConfig; files: ReadonlyMap<string, string> },
): boolean => {
  const path = connectorReadmePath(system);
  const before = tree.read(path, 'utf-8') ?? undefined;
  const after = connectorReadme(before, config, files);
  if (after === before) return false;
  tree.write(path, after);
  return true;
};

/**
 * Writes the workspace README's family table again from every connector package in the tree (one
 * that does not render is left out: its build says why), when the README holds the table's markers:
 * the generators that add a connector or a datatype call it, as `npx nx sync` would.
 */
export const refreshFamilyTable = (tree: Tree, pack: LoadedTemplatePack = loadTemplatePack()): boolean => {
  const readme = tree.read(WORKSPACE_README, 'utf-8');
  if (readme === null || !hasFamilyTable(readme)) return false;
  const rendered = connectorSystems(tree).flatMap((system) => {
    try {
      return [{ system, ...renderTreePackage(tree, system, undefined, pack) }];
    } catch (error) {
      userErrorLines(error);
      return [];
    }
  });
  return writeFamilyTable(tree, rendered);
};

/** The workspace README, where the family table goes (between its markers). */
export const WORKSPACE_README = 'README.md';

/**
 * Writes the family table of the workspace README from the rendered packages (in the order given),
 * when the README holds the table's markers. Returns whether it changed.
 */
export const writeFamilyTable = (
  tree: Tree,
  packages: readonly { system: string; config: ConnectorConfig; files: ReadonlyMap<string, string> }[],
): boolean => {
  const before = tree.read(WORKSPACE_README, 'utf-8');
  if (before === null || !hasFamilyTable(before)) return false;
  const members = packages.map(({ system, config, files }) =>
    familyMember(
      config,
      files,
      projectBuildValidates(tree.read(connectorProjectFile(system), 'utf-8') ?? undefined),
    ),
  );
  const after = withFamilyTable(before, members);
  if (after === before) return false;
  tree.write(WORKSPACE_README, after);
  return true;
};
