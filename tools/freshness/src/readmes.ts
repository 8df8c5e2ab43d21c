import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { connectorReadme, isUserError, loadConnectorConfig } from '@sesam-connectors/core';
import { JsonParseError } from '@sesam-connectors/core/json';
import { CONNECTORS_DIR, EXPANDED_DIR } from '@sesam-connectors/core/layout';
import type { OutputSnapshot } from './snapshot';

/** The command that writes every connector README's generated section again. */
export const README_FIX_COMMAND = 'npx nx sync';

/**
 * The connector READMEs (repository-relative paths, sorted) whose generated section differs from
 * what connector.json and the fresh build (`after`) give, or that lack it. A connector.json the
 * engine cannot load is left out (its build fails and says why).
 */
export const staleReadmes = (root: string, systems: readonly string[], after: OutputSnapshot): string[] =>
  systems.flatMap((system) => {
    const folder = join(root, CONNECTORS_DIR, system);
    let config;
    try {
      ({ config } = loadConnectorConfig(join(folder, 'connector.json')));
    } catch (error) {
      if (isUserError(error) || error instanceof JsonParseError) return [];
      throw error;
    }
    const files = new Map(
      [...(after.get(system)?.files ?? [])]
        .filter(([path]) => !path.startsWith(`${EXPANDED_DIR}/`))
        .map(([path, bytes]) => [path, bytes.toString('utf8')]),
    );
    const readme = readText(join(folder, 'README.md'));
    return connectorReadme(readme, config, files) === readme
      ? []
      : [posix.join(CONNECTORS_DIR, system, 'README.md')];
  });

const readText = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};
