import type { Tree } from '@nx/devkit';
import { GeneratorError } from './generator-error';
import { buildProblems } from './render-package';

/**
 * Renders the package as `nx build` would (in memory) and turns the build's errors into a
 * GeneratorError starting with `what`, so a generator never leaves a connector that does not
 * build. The tree is discarded when a generator throws, so nothing is written.
 */
export const assertBuilds = (tree: Tree, system: string, what: string, configText?: string): void => {
  const problems = buildProblems(tree, system, configText);
  if (problems.length > 0) {
    throw new GeneratorError(
      `${what}, because the build would fail:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
};
