import { logger, type ExecutorContext } from '@nx/devkit';
import { runBuildTask } from './build-task';
import type { BuildExecutorSchema } from './schema';

/** `nx build <system>-connector`: renders the project's connector.json into its connector/ folder. */
export default async function buildExecutor(
  options: BuildExecutorSchema,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  const projectName = context.projectName;
  const project =
    projectName === undefined ? undefined : context.projectsConfigurations?.projects[projectName];
  if (project === undefined) {
    logger.error(`build: no project configuration for ${projectName ?? '(no project)'}`);
    return { success: false };
  }
  return runBuildTask(project.root, options, { workspaceRoot: context.root, output: logger });
}
