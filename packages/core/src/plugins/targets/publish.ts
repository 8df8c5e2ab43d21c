import type { TargetConfiguration } from '@nx/devkit';
import { CONNECTOR_OUTPUT_DIR } from '../../lib/layout';
import type { ConnectorProject } from './project';

/**
 * `publish`: the built connector/ into the connector's own repository. After `build` (a stale
 * output is refused anyway); never cached, since its effect is outside the workspace.
 */
export const publishTargets = (project: ConnectorProject): Record<string, TargetConfiguration> => ({
  publish: {
    executor: '@sesam-connectors/core:publish',
    dependsOn: ['build'],
    cache: false,
    metadata: {
      technologies: ['sesam'],
      description: `Commit ${project.system}'s ${CONNECTOR_OUTPUT_DIR}/ to its own repository (publish in connector.json, or --repo; --dry-run, --check, --push, --init); writes manifest.json and templates/ in that repository, nothing in the workspace`,
      help: {
        command: `npx nx run ${project.projectName}:publish --help`,
        example: { options: { dryRun: true } },
      },
    },
  },
});
