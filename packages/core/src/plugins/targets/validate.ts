import type { TargetConfiguration } from '@nx/devkit';
import { CONNECTOR_OUTPUT_DIR } from '../../lib/layout';
import type { ConnectorProject } from './project';
import { RENDER_INPUTS } from './build';

/**
 * `validate`: sesam validate's rules plus stricter ones on the built connector/ (expanded in
 * memory, nothing written). Deterministic in what `build` renders from, so cached on the same inputs;
 * it has no outputs (a hit replays the report).
 */
export const validateTargets = (project: ConnectorProject): Record<string, TargetConfiguration> => ({
  validate: {
    executor: '@sesam-connectors/core:validate',
    dependsOn: ['build'],
    cache: true,
    inputs: RENDER_INPUTS,
    outputs: [],
    metadata: {
      technologies: ['sesam'],
      description: `Check ${project.system}'s ${CONNECTOR_OUTPUT_DIR}/ with sesam validate's rules and stricter ones (expanded in memory); writes nothing`,
      help: {
        command: 'npx sesam-connectors validate --help',
        example: { options: { format: 'json' } },
      },
    },
  },
});
