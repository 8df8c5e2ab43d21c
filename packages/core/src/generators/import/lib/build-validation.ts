import { joinPathFragments, logger, writeJson, type Tree } from '@nx/devkit';
import { connectorProjectName } from '../../../lib/layout';
import type { NormalizedImportOptions } from './normalize-options';

/**
 * A source that breaks validation rules still has to build byte for byte, so its package gets a
 * project.json that turns the build's validation off (Nx merges it into the inferred project).
 * `nx run <system>-connector:validate` keeps reporting the problems; delete project.json once they
 * are fixed.
 */
export const buildWithoutValidation = (
  tree: Tree,
  options: NormalizedImportOptions,
  errors: readonly string[],
): void => {
  const projectName = connectorProjectName(options.system);
  writeJson(tree, joinPathFragments(options.projectRoot, 'project.json'), {
    $schema: '../../../node_modules/nx/schemas/project-schema.json',
    name: projectName,
    targets: { build: { options: { validate: false } } },
  });
  logger.warn(
    `${options.shownSource} breaks ${errors.length} validation rule(s), so the build would refuse it; ` +
      `${options.projectRoot}/project.json turns the build's validation off to keep the files as they are. ` +
      `npx nx run ${projectName}:validate lists them; delete project.json once they are fixed:\n` +
      errors.map((line) => `  ${line}`).join('\n'),
  );
};
