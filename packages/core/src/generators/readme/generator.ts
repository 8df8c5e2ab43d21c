import { logger, type Tree } from '@nx/devkit';
import type { SyncGeneratorResult } from 'nx/src/utils/sync-generators';
import { loadTemplatePack } from '../../lib/render';
import { connectorConfigPath, connectorReadmePath, connectorSystems } from '../shared/connector-paths';
import { WORKSPACE_README, writeFamilyTable, writeRenderedReadme } from '../shared/write-readme';
import { GeneratorError } from '../shared/generator-error';
import { renderTreePackage, userErrorLines } from '../shared/render-package';
import type { ReadmeGeneratorSchema } from './schema';

/**
 * Writes the generated README sections of the given connectors (all when none is named) and, for all,
 * the workspace README's family table. A connector that does not render is skipped with a warning (its
 * build reports why); naming it alone is an error.
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
  const rendered: Parameters<typeof writeFamilyTable>[1][number][] = [];
  for (const system of systems) {
    try {
      const built = renderTreePackage(tree, system, undefined, pack);
      rendered.push({ system, ...built });
      if (writeRenderedReadme(tree, system, built)) changed.push(connectorReadmePath(system));
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
  if (only === undefined && writeFamilyTable(tree, rendered)) changed.push(WORKSPACE_README);
  return { changed, failed };
}

/** What `nx sync:check` says about the READMEs `writeReadmes` changed. */
function staleMessage(changed: readonly string[]): string {
  const connectors = changed.filter((path) => path !== WORKSPACE_README).length;
  return [
    ...(connectors
      ? [
          `The generated section of ${connectors} connector README${connectors === 1 ? ' is' : 's are'} stale (made from connector.json).`,
        ]
      : []),
    ...(changed.includes(WORKSPACE_README)
      ? [`The family table of ${WORKSPACE_README} is stale (made from every connector.json and its build).`]
      : []),
  ].join(' ');
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
    outOfSyncMessage: staleMessage(changed),
    outOfSyncDetails: changed,
  };
}

export default readmeGenerator;
