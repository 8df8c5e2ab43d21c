import type { Tree } from '@nx/devkit';
import { connectorRoot } from './connector-paths';
import { GeneratorError } from './generator-error';

/**
 * The root of a package that does not exist yet; an existing folder (any file in it) is an error:
 * generators never overwrite a package.
 */
export const newPackageRoot = (tree: Tree, system: string, generator: string): string => {
  const root = connectorRoot(system);
  if (tree.exists(root)) {
    throw new GeneratorError(
      `${root} already exists; the ${generator} generator never overwrites a package. ` +
        `Choose another system name, or add datatypes to it with nx g @sesam-connectors/core:datatype.`,
    );
  }
  return root;
};
