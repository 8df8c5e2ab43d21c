import type { Tree } from '@nx/devkit';
import { connectorReadme } from '../../lib/readme';
import type { LoadedTemplatePack } from '../../lib/render';
import { connectorReadmePath } from './connector-paths';
import { renderTreePackage } from './render-package';

/**
 * Writes the generated section of `packages/connectors/<system>/README.md` from the package in the
 * tree (rendered in memory, as `nx build` would): the text around the markers is kept, a README
 * without markers gets the section at its end, a missing README is created. Returns whether the
 * README changed. Throws the engine's errors when the package does not render.
 */
export const writeConnectorReadme = (tree: Tree, system: string, pack?: LoadedTemplatePack): boolean => {
  const { config, files } = renderTreePackage(tree, system, undefined, pack);
  const path = connectorReadmePath(system);
  const before = tree.read(path, 'utf-8') ?? undefined;
  const after = connectorReadme(before, config, files);
  if (after === before) return false;
  tree.write(path, after);
  return true;
};
