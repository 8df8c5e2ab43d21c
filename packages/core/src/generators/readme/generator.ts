import { logger, type Tree } from '@nx/devkit';
import type { SyncGeneratorResult } from 'nx/src/utils/sync-generators';
import { loadTemplatePack } from '../../lib/render';
import { CONNECTOR_CONFIG_FILE, CONNECTORS_DIR } from '../../lib/layout';
import { connectorConfigPath, connectorReadmePath } from '../shared/connector-paths';
import { writeConnectorReadme } from '../shared/write-readme';
import { GeneratorError } from '../shared/generator-error';
import { userErrorLines } from '../shared/render-package';
import type { ReadmeGeneratorSchema } from './schema';

/** Every connector package in the tree (a folder of packages/connectors with a connector.json). */
const connectorSystems = (tree: Tree): string[] =>
  tree
    .children(CONNECTORS_DIR)
    .filter((name) => tree.exists(`${CONNECTORS_DIR}/${name}/${CONNECTOR_CONFIG_FILE}`))
    .sort();

/**
 * Writes the generated README sections of the given connectors (all when none is named). A connector
 * that does not render is skipped with a warning (its build reports why); naming it alone is an error.
 */
function writeReadmes(tree: Tree, only?: string): { changed: string[]; failed: string[] } {
  const systems = only === undefined ? connectorSystems(tree) : [only.trim().replace(/-connector$/, '')];
  if (only !== undefined && !tree.exists(connectorConfigPath(systems[0])))
    throw new GeneratorError(
      `--connector: there is no connector "${systems[0]}" (${connectorConfigPath(systems[0])} does not exist).`,
    );
  const pack = loadTemplatePack();
  const changed: string[] = [];
  const failed: string[] = [];
  for (const system of systems) {
    try {
      if (writeConnectorReadme(tree, system, pack)) changed.push(connectorReadmePath(system));
    } catch (error) {
      const lines = userErrorLines(error);
      if (only !== undefined)
        throw new GeneratorError(
          `${connectorReadmePath(system)} not written: the connector does not build:\n  ${lines.join('\n  ')}`,
        );
      failed.push(system);
      logger.warn(`${connectorReadmePath(system)} left as it is: the connector does not build (${lines[0]})`);
    }
  }
  return { changed, failed };
}

/** `nx g @sesam-connectors/core:readme [--connector <system>]`. */
export async function readmeGenerator(tree: Tree, schema: ReadmeGeneratorSchema = {}): Promise<void> {
  const { changed } = writeReadmes(tree, schema.connector);
  if (changed.length === 0) logger.info('Every generated README section is up to date.');
}

/**
 * The same for every connector, as a global sync generator (nx.json `sync.globalGenerators`): `npx nx
 * sync` writes the stale sections, `npx nx sync:check` fails on them.
 */
export async function readmeSyncGenerator(tree: Tree): Promise<SyncGeneratorResult> {
  const { changed } = writeReadmes(tree);
  if (changed.length === 0) return;
  return {
    outOfSyncMessage: `The generated section of ${changed.length} connector README${changed.length === 1 ? ' is' : 's are'} stale (made from connector.json).`,
    outOfSyncDetails: changed,
  };
}

export default readmeGenerator;
