import { joinPathFragments, type Tree } from '@nx/devkit';
import { join } from 'node:path';
import { CONNECTOR_CONFIG_FILE, CONNECTORS_DIR } from '../../lib/layout';

/** `packages/connectors/<system>` (tree-relative). */
export const connectorRoot = (system: string): string => joinPathFragments(CONNECTORS_DIR, system);

/** `packages/connectors/<system>/connector.json` (tree-relative). */
export const connectorConfigPath = (system: string): string =>
  joinPathFragments(connectorRoot(system), CONNECTOR_CONFIG_FILE);

/** `packages/connectors/<system>/README.md` (tree-relative). */
export const connectorReadmePath = (system: string): string =>
  joinPathFragments(connectorRoot(system), 'README.md');

/** Every connector package in the tree (a folder of packages/connectors with a connector.json), sorted. */
export const connectorSystems = (tree: Tree): string[] =>
  tree
    .children(CONNECTORS_DIR)
    .filter((name) => tree.exists(connectorConfigPath(name)))
    .sort();

/** `packages/connectors/<system>/project.json` (tree-relative): what a package sets over its inferred targets. */
export const connectorProjectFile = (system: string): string =>
  joinPathFragments(connectorRoot(system), 'project.json');

/**
 * Absolute path of a scaffold folder in the workspace's top-level `templates/` (the ejs files that
 * `generateFiles` stamps out). This file sits in packages/core/src/generators/shared/.
 */
export const scaffoldDir = (name: string): string =>
  join(__dirname, '..', '..', '..', '..', '..', 'templates', name);
