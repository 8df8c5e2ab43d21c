import type { TargetConfiguration } from '@nx/devkit';
import { CONNECTOR_OUTPUT_DIR } from '../../lib/layout';
import type { ConnectorProject } from '../connector-project';
import type { SesamExecutorCommand } from '../../executors/sesam/schema';

const EXECUTOR = '@sesam-connectors/core:sesam';

/**
 * Targets that run sesam-py's CLI in the built connector folder. They talk to a Sesam node (or,
 * for sesam-validate, depend on the local sesam installation), so they are never cached, and they
 * depend on `build` so the folder is current.
 */
export const sesamTargets = (project: ConnectorProject): Record<string, TargetConfiguration> => {
  const target = (command: SesamExecutorCommand, description: string): TargetConfiguration => ({
    executor: EXECUTOR,
    options: { command },
    dependsOn: ['build'],
    cache: false,
    metadata: {
      technologies: ['sesam'],
      description: `${description} (runs in ${project.root}/${CONNECTOR_OUTPUT_DIR})`,
    },
  });
  return {
    'sesam-validate': target(
      'validate',
      `sesam validate: expand ${project.system} and check it with sesam-py`,
    ),
    upload: target(
      'upload',
      `sesam upload: expand, validate and upload ${project.system} to the node, then authenticate`,
    ),
    download: target(
      'download',
      'sesam download into a temporary copy, then report what differs from the committed build output (nothing is overwritten)',
    ),
    verify: target('verify', 'sesam verify: compare the node output against the expected output'),
    test: target('test', 'sesam test: upload, run and verify on the node'),
    sesam: target('exec', `Any sesam command: nx run ${project.projectName}:sesam -- <sesam arguments>`),
  };
};
