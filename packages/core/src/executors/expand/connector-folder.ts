import type { ExecutorContext } from '@nx/devkit';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { CONNECTOR_OUTPUT_DIR, MANIFEST_FILE } from '../../lib/layout';

/** A connector project's built `connector/` folder, or a message saying why there is none. */
export function connectorFolder(context: ExecutorContext): { dir: string } | { problem: string } {
  const projectName = context.projectName ?? '';
  const root = context.projectsConfigurations?.projects[projectName]?.root;
  if (root === undefined) return { problem: `project '${projectName}' is not in the workspace` };
  const dir = resolve(context.root, root, CONNECTOR_OUTPUT_DIR);
  if (!existsSync(join(dir, MANIFEST_FILE))) {
    return {
      problem: `${relative(context.root, dir)}/${MANIFEST_FILE} does not exist: run \`nx run ${projectName}:build\` first (this target depends on it; --exclude-task-dependencies skips it)`,
    };
  }
  return { dir };
}
