import type { TargetConfiguration } from '@nx/devkit';
import { CONNECTOR_OUTPUT_DIR, EXPANDED_DIR } from '../../lib/layout';
import type { ConnectorProject } from './project';
import { RENDER_INPUTS } from './build';

/**
 * `expand`: connector/ → connector/.expanded, as `sesam expand` does. Cached like `build`: its
 * result is a function of what `build` renders from (so the inputs are the build's own render
 * inputs — hashing build's output files instead would read them before build has run, see
 * ../shared/docs/nx-notes.md §3 item 5) plus the options, which Nx hashes with the target configuration.
 */
export const expandTargets = (project: ConnectorProject): Record<string, TargetConfiguration> => ({
  expand: {
    executor: '@sesam-connectors/core:expand',
    options: { profile: 'test', systemPlaceholder: 'xxxxxx' },
    dependsOn: ['build'],
    cache: true,
    inputs: RENDER_INPUTS,
    outputs: [`{projectRoot}/${CONNECTOR_OUTPUT_DIR}/${EXPANDED_DIR}`],
    metadata: {
      technologies: ['sesam'],
      description: `Expand ${project.system}'s built connector exactly as sesam expand does; writes ${CONNECTOR_OUTPUT_DIR}/${EXPANDED_DIR}`,
      help: {
        command: 'npx sesam-connectors expand --help',
        example: { options: { profile: 'prod', systemPlaceholder: project.system } },
      },
    },
  },
});
