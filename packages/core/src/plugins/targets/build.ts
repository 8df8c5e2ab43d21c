import type { TargetConfiguration } from '@nx/devkit';
import { CONNECTOR_OUTPUT_DIR } from '../../lib/layout';
import type { ConnectorProject } from './project';

/** Inputs of anything rendered from connector.json by the engine and the template pack. */
export const RENDER_INPUTS: TargetConfiguration['inputs'] = [
  '{projectRoot}/connector.json',
  '{projectRoot}/raw/**/*',
  '^templates',
  '^renderer',
  { externalDependencies: ['ejs', 'ajv'] },
];

export const buildTargets = (project: ConnectorProject): Record<string, TargetConfiguration> => ({
  build: {
    executor: '@sesam-connectors/core:build',
    cache: true,
    inputs: RENDER_INPUTS,
    outputs: [
      `{projectRoot}/${CONNECTOR_OUTPUT_DIR}/manifest.json`,
      `{projectRoot}/${CONNECTOR_OUTPUT_DIR}/templates`,
    ],
    metadata: {
      technologies: ['sesam'],
      description: `Render ${project.system}'s connector.json through the template pack; writes ${CONNECTOR_OUTPUT_DIR}/manifest.json and ${CONNECTOR_OUTPUT_DIR}/templates (left untouched when already up to date)`,
    },
  },
});
