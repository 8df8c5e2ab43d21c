import { joinPathFragments, type Tree } from '@nx/devkit';
import { isUserError } from '../../lib/build/errors';
import { CONNECTOR_OUTPUT_DIR } from '../../lib/layout';
import { memorySource } from '../../lib/expand';
import { formatFindingLine, validateSource } from '../../lib/validate';
import { checkConnectorConfig } from '../../lib/config/load';
import type { ConnectorConfig } from '../../lib/config/types';
import { JsonParseError, parseJson, USER_AUTHORED, type JsonValue } from '../../lib/json';
import { loadTemplatePack, renderConnectorFiles, type LoadedTemplatePack } from '../../lib/render';
import { connectorConfigPath, connectorRoot } from './connector-paths';

/** A package to render: connector.json's value and a reader for its verbatim files (package-relative paths). */
export interface PackageSource {
  system: string;
  config: JsonValue;
  readFile: (path: string) => string | undefined;
}

/**
 * What `nx build <system>-connector` would write (connector/-relative path → text), rendered in
 * memory by the engine: the same validation, raw files and renderer as the build. Throws the
 * engine's errors.
 */
export const renderPackage = (
  source: PackageSource,
  pack: LoadedTemplatePack = loadTemplatePack(),
): Map<string, string> => renderValidatedPackage(source, pack).files;

/** `renderPackage`, with the validated connector.json it rendered. */
export const renderValidatedPackage = (
  source: PackageSource,
  pack: LoadedTemplatePack = loadTemplatePack(),
): { config: ConnectorConfig; files: Map<string, string> } => {
  const file = connectorConfigPath(source.system);
  const { config, connector } = checkConnectorConfig(source.config, {
    file,
    folder: source.system,
    fileExists: (path) => source.readFile(path) !== undefined,
    readFile: source.readFile,
  });
  return { config, files: renderConnectorFiles(connector, pack, { configFile: file }) };
};

/** The package in the tree rendered (with `configText` instead of its connector.json, to check a proposed edit). */
export const renderTreeConnector = (tree: Tree, system: string, configText?: string): Map<string, string> =>
  renderTreePackage(tree, system, configText).files;

/** `renderTreeConnector`, with the validated connector.json it rendered. */
export const renderTreePackage = (
  tree: Tree,
  system: string,
  configText: string = tree.read(connectorConfigPath(system), 'utf-8') ?? '',
  pack?: LoadedTemplatePack,
): { config: ConnectorConfig; files: Map<string, string> } => {
  const root = connectorRoot(system);
  return renderValidatedPackage(
    {
      system,
      config: parseJson(configText, connectorConfigPath(system), USER_AUTHORED),
      readFile: (path) => tree.read(joinPathFragments(root, path), 'utf-8') ?? undefined,
    },
    pack,
  );
};

/** The engine's message lines for an error caused by user input (connector.json, raw files); rethrows anything else. */
export const userErrorLines = (error: unknown): string[] => {
  if (isUserError(error) || error instanceof JsonParseError) return error.message.split('\n');
  throw error;
};

/** The engine's messages when `render` fails on user input; empty when it succeeds. */
export const renderProblems = (render: () => unknown): string[] => {
  try {
    render();
    return [];
  } catch (error) {
    return userErrorLines(error);
  }
};

/**
 * The errors the build's validation (sesam validate's rules and the strict ones) finds in rendered
 * connector/ files, one formatted line each; empty when the build accepts them.
 */
export const validationErrors = (files: ReadonlyMap<string, string>, label: string): string[] =>
  validateSource(memorySource(Object.fromEntries(files), label))
    .findings.filter((finding) => finding.severity === 'error')
    .map(formatFindingLine);

/**
 * What `nx build` would fail on for the package in the tree (with `configText` as its
 * connector.json): the render's errors, else the validation errors; empty when it builds.
 */
export const buildProblems = (tree: Tree, system: string, configText?: string): string[] => {
  let files: Map<string, string> | undefined;
  const problems = renderProblems(() => (files = renderTreeConnector(tree, system, configText)));
  return files === undefined
    ? problems
    : validationErrors(files, `${connectorRoot(system)}/${CONNECTOR_OUTPUT_DIR}`);
};
