import { joinPathFragments } from '@nx/devkit';
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

/**
 * Absolute path of a scaffold folder in the workspace's top-level `templates/` (the ejs files that
 * `generateFiles` stamps out). This file sits in packages/core/src/generators/shared/.
 */
export const scaffoldDir = (name: string): string =>
  join(__dirname, '..', '..', '..', '..', '..', 'templates', name);
