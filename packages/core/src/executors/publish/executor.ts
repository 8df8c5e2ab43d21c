import { logger, type ExecutorContext } from '@nx/devkit';
import { publishConnector, type PublishDeps } from '../../lib/publish';
import type { PublishExecutorSchema } from './schema';

/**
 * `nx run <system>-connector:publish`: the built connector/ into the connector's own repository.
 * Each connector is its own task, so `nx run-many -t publish` reports every failure, not the first.
 */
export default async function publishExecutor(
  options: PublishExecutorSchema,
  context: ExecutorContext,
  deps: Partial<PublishDeps> = {},
): Promise<{ success: boolean }> {
  const log = deps.log ?? logger;
  const projectName = context.projectName ?? '';
  const project = context.projectsConfigurations?.projects[projectName];
  if (project === undefined) {
    log.error(`publish: project '${projectName}' is not in the workspace`);
    return { success: false };
  }
  const { success } = await publishConnector(
    {
      workspaceRoot: context.root,
      projectRoot: project.root,
      projectName,
      repo: options.repo,
      repoBase: context.cwd,
      branch: options.branch,
      dryRun: options.dryRun === true,
      push: options.push === true,
      init: options.init === true,
      check: options.check === true,
    },
    { ...deps, log },
  );
  return { success };
}
