import type { ExecutorContext } from '@nx/devkit';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { CONNECTOR_OUTPUT_DIR, MANIFEST_FILE } from '../lib/layout';

/**
 * A connector project's built folder (`connector/`, or `folder` below the project), or the one
 * message the executors that work on a build (expand, validate, the sesam targets) give when there
 * is none: the project is not in the workspace, or the folder has no manifest.json yet.
 */
export function builtConnectorFolder(
  context: ExecutorContext,
  folder: string = CONNECTOR_OUTPUT_DIR,
): { dir: string; projectRoot: string } | { problem: string } {
  const projectName = context.projectName ?? '';
  const projectRoot = context.projectsConfigurations?.projects[projectName]?.root;
  if (projectRoot === undefined) return { problem: `project '${projectName}' is not in the workspace` };
  const dir = resolve(context.root, projectRoot, folder);
  if (!existsSync(join(dir, MANIFEST_FILE))) {
    return {
      problem: `${relative(context.root, dir) || '.'}/${MANIFEST_FILE} does not exist: run \`nx run ${projectName}:build\` first (this target depends on it; --exclude-task-dependencies skips it)`,
    };
  }
  return { dir, projectRoot };
}
