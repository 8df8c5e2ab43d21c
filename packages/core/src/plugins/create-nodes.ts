import {
  createNodesFromFiles,
  type CreateNodesContextV2,
  type CreateNodesResult,
  type CreateNodesV2,
} from '@nx/devkit';
import { basename, dirname } from 'node:path';
import { CONNECTOR_CONFIG_FILE, CONNECTORS_DIR, connectorProjectName } from '../lib/layout';
import type { ConnectorProject } from './targets/project';
import { connectorTargets } from './targets';

/** Every connector package is a folder under packages/connectors holding a connector.json. */
export const CONNECTOR_CONFIG_GLOB = `${CONNECTORS_DIR}/*/${CONNECTOR_CONFIG_FILE}`;

export interface ConnectorPluginOptions {
  /** Reserved for target-name overrides; no options yet. */
  [key: string]: unknown;
}

/**
 * Infers one project per connector.json. The file is not read here: a broken connector.json must
 * still give a project whose `build` reports the error with its JSON path.
 */
export const createConnectorProject = (configFile: string): CreateNodesResult => {
  const root = dirname(configFile);
  const system = basename(root);
  const project: ConnectorProject = { root, system, projectName: connectorProjectName(system) };
  return {
    projects: {
      [root]: {
        name: project.projectName,
        root,
        projectType: 'application',
        tags: ['type:connector'],
        // The edges make `^templates` / `^renderer` inputs reach the pack and the engine, and make
        // `nx affected` pick every connector when either changes.
        implicitDependencies: ['template-pack', 'core'],
        targets: connectorTargets(project),
      },
    },
  };
};

export const createNodes: CreateNodesV2<ConnectorPluginOptions> = [
  CONNECTOR_CONFIG_GLOB,
  (configFiles, options, context: CreateNodesContextV2) =>
    createNodesFromFiles((file) => createConnectorProject(file), configFiles, options, context),
];

/** Alias for Nx versions that look for the V2 name. */
export const createNodesV2 = createNodes;
