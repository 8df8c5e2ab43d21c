import type { TargetConfiguration } from '@nx/devkit';
import { CONNECTOR_OUTPUT_DIR, EXPANDED_DIR } from '../../lib/layout';
import type { ConnectorProject } from './project';
import type { SesamExecutorCommand } from '../../executors/sesam/schema';

const EXECUTOR = '@sesam-connectors/core:sesam';

/**
 * Targets that run sesam-py's CLI in the built connector folder. They talk to a Sesam node (or,
 * for sesam-validate, depend on the local sesam installation), so they are never cached, and they
 * depend on `build` so the folder is current.
 */
export const sesamTargets = (project: ConnectorProject): Record<string, TargetConfiguration> => {
  const folder = `${project.root}/${CONNECTOR_OUTPUT_DIR}`;
  /** sesam-py expands into `.expanded` in the folder it runs in before it validates or uploads. */
  const writesExpanded = `writes ${CONNECTOR_OUTPUT_DIR}/${EXPANDED_DIR}`;
  const target = (
    command: SesamExecutorCommand,
    description: string,
    writes: string,
  ): TargetConfiguration => ({
    executor: EXECUTOR,
    options: { command },
    dependsOn: ['build'],
    cache: false,
    metadata: {
      technologies: ['sesam'],
      description: `${description} (runs in ${folder}); ${writes}`,
    },
  });
  return {
    'sesam-validate': target(
      'validate',
      `sesam validate: expand ${project.system} and check it with sesam-py`,
      writesExpanded,
    ),
    upload: target(
      'upload',
      `sesam upload: expand, validate and upload ${project.system} to the node, then authenticate`,
      `${writesExpanded} and the node's configuration`,
    ),
    download: target(
      'download',
      'sesam download into a temporary copy, then report what differs from the committed build output',
      'writes nothing in the workspace',
    ),
    verify: target(
      'verify',
      'sesam verify: compare the node output against the expected output',
      'writes nothing in the workspace',
    ),
    test: target(
      'test',
      'sesam test: upload, run and verify on the node',
      `${writesExpanded} and the node's configuration`,
    ),
    sesam: target(
      'exec',
      `Any sesam command: nx run ${project.projectName}:sesam -- <sesam arguments>`,
      'writes what that command writes',
    ),
  };
};
