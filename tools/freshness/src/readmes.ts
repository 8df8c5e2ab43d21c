import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import {
  connectorReadme,
  familyMember,
  hasFamilyTable,
  isUserError,
  loadConnectorConfig,
  projectBuildValidates,
  withFamilyTable,
  type ConnectorConfig,
} from '@sesam-connectors/core';
import { JsonParseError } from '@sesam-connectors/core/json';
import { CONNECTORS_DIR, EXPANDED_DIR } from '@sesam-connectors/core/layout';
import type { OutputSnapshot } from './snapshot';

/** The command that writes every connector README's generated section again. */
export const README_FIX_COMMAND = 'npx nx sync';

/** The workspace README (repository-relative), where the family table sits between its markers. */
export const WORKSPACE_README = 'README.md';

/** A connector's connector.json and its fresh build (`after`, without `.expanded`); undefined when the engine cannot load it. */
interface BuiltConnector {
  readonly system: string;
  readonly folder: string;
  readonly config: ConnectorConfig;
  readonly files: Map<string, string>;
}

const builtConnectors = (root: string, systems: readonly string[], after: OutputSnapshot): BuiltConnector[] =>
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
    return [{ system, folder, config, files }];
  });

/**
 * The READMEs (repository-relative paths, sorted; the workspace README last) whose generated part
 * differs from what connector.json and the fresh build (`after`) give: a connector README's section
 * (or its lack), and the workspace README's family table when the README holds its markers. A
 * connector.json the engine cannot load is left out (its build fails and says why).
 */
export const staleReadmes = (root: string, systems: readonly string[], after: OutputSnapshot): string[] => {
  const built = builtConnectors(root, systems, after);
  const stale = built.flatMap(({ system, folder, config, files }) => {
    const readme = readText(join(folder, 'README.md'));
    return connectorReadme(readme, config, files) === readme
      ? []
      : [posix.join(CONNECTORS_DIR, system, 'README.md')];
  });
  const workspace = readText(join(root, WORKSPACE_README));
  if (workspace !== undefined && hasFamilyTable(workspace)) {
    const members = built.map(({ folder, config, files }) =>
      familyMember(config, files, projectBuildValidates(readText(join(folder, 'project.json')))),
    );
    if (withFamilyTable(workspace, members) !== workspace) stale.push(WORKSPACE_README);
  }
  return stale;
};

const readText = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};
