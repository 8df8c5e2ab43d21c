import { joinPathFragments, type Tree } from '@nx/devkit';
import {
  isUserError,
  packageBuildProblems,
  renderPackageSource,
  type ConnectorPackageSource,
  type RenderedPackage,
} from '../../lib/build';
import { CONNECTOR_OUTPUT_DIR } from '../../lib/layout';
import { JsonParseError, parseJson, USER_AUTHORED, type JsonValue } from '../../lib/json';
import { loadTemplatePack, type LoadedTemplatePack } from '../../lib/render';
import { connectorConfigPath, connectorRoot } from './connector-paths';

/** A workspace package given as data: its system, connector.json's value and a reader for its files. */
export interface PackageSource {
  system: string;
  config: JsonValue;
  readFile: (path: string) => string | undefined;
}

/** The engine's package source for a workspace package (connector.json named by its tree path). */
const engineSource = (source: PackageSource): ConnectorPackageSource => ({
  folder: source.system,
  configFile: connectorConfigPath(source.system),
  config: source.config,
  readFile: source.readFile,
});

/**
 * What `nx build <system>-connector` would write (connector/-relative path → text), rendered in
 * memory by the engine (`renderPackageSource`: the build's check and renderer). Throws the
 * engine's errors.
 */
export const renderPackage = (
  source: PackageSource,
  pack: LoadedTemplatePack = loadTemplatePack(),
): Map<string, string> => renderPackageSource(engineSource(source), { pack }).files;

/** The package in the tree as the engine's source (with `configText` instead of its connector.json, to check a proposed edit). */
const treeSource = (tree: Tree, system: string, configText?: string): PackageSource => {
  const root = connectorRoot(system);
  const text = configText ?? tree.read(connectorConfigPath(system), 'utf-8') ?? '';
  return {
    system,
    config: parseJson(text, connectorConfigPath(system), USER_AUTHORED),
    readFile: (path) => tree.read(joinPathFragments(root, path), 'utf-8') ?? undefined,
  };
};

/** The package in the tree rendered (with `configText` instead of its connector.json, to check a proposed edit). */
export const renderTreeConnector = (tree: Tree, system: string, configText?: string): Map<string, string> =>
  renderTreePackage(tree, system, configText).files;

/** `renderTreeConnector`, with the checked connector.json it rendered. */
export const renderTreePackage = (
  tree: Tree,
  system: string,
  configText?: string,
  pack: LoadedTemplatePack = loadTemplatePack(),
): RenderedPackage => renderPackageSource(engineSource(treeSource(tree, system, configText)), { pack });

/** The engine's message lines for an error caused by user input (connector.json, raw files); rethrows anything else. */
export const userErrorLines = (error: unknown): string[] => {
  if (isUserError(error) || error instanceof JsonParseError) return error.message.split('\n');
  throw error;
};

/**
 * What `nx build` would fail on for the package in the tree (with `configText` as its
 * connector.json): the engine's `packageBuildProblems`; empty when it builds.
 */
export const buildProblems = (tree: Tree, system: string, configText?: string): string[] => {
  let source: PackageSource;
  try {
    source = treeSource(tree, system, configText);
  } catch (error) {
    return userErrorLines(error);
  }
  return packageBuildProblems(engineSource(source), `${connectorRoot(system)}/${CONNECTOR_OUTPUT_DIR}`);
};
