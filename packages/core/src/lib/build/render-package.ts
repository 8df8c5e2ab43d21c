import { join, resolve } from 'node:path';
import { checkConnectorConfig, loadConnectorConfig, type CheckedConnectorConfig } from '../config/load';
import type { ConnectorConfig, ResolvedConnector } from '../config';
import { displayPath } from '../fs';
import type { JsonValue } from '../json';
import { CONNECTOR_CONFIG_FILE } from '../layout';
import { loadTemplatePack, renderConnectorFiles, type LoadedTemplatePack } from '../render';
import { isUserError } from './errors';
import { validateRenderedConnector } from './validate-rendered';

/**
 * A connector package as data, for callers that do not read it from disk (the generators' Tree,
 * the import's candidates): connector.json's parsed value and the package's files.
 */
export interface ConnectorPackageSource {
  /** The package folder's name (`system` must equal it). */
  readonly folder: string;
  /** connector.json as messages name it. */
  readonly configFile: string;
  /** connector.json parsed (`parseJson(text, file, USER_AUTHORED)`). */
  readonly config: JsonValue;
  /** A package file's text by package-relative path; undefined when it does not exist. */
  readonly readFile: (path: string) => string | undefined;
}

/** Where the pack comes from and how messages name files. */
export interface RenderPackageOptions {
  /** A copy of the template pack to render with (default: @sesam-connectors/template-pack). */
  readonly packDir?: string;
  /** An already loaded pack (a batch build loads it once). Wins over `packDir`. */
  readonly pack?: LoadedTemplatePack;
  /** Messages show paths relative to this folder (default: the current directory). */
  readonly displayRoot?: string;
}

/** What a connector package renders to, in memory: its checked config and the files of `connector/`. */
export interface RenderedPackage {
  readonly config: ConnectorConfig;
  /** The config as the renderer took it (patterns, defaults and operations resolved). */
  readonly connector: ResolvedConnector;
  /** Path relative to `connector/` → text (a new map for each call: the caller's to keep or change). */
  readonly files: Map<string, string>;
  /** connector.json's checks' warnings. */
  readonly warnings: readonly string[];
}

/**
 * The build's first half, nothing written: load and check `<projectRoot>/connector.json` (reading
 * its verbatim files), render every file in memory. `publish` compares this with the committed
 * `connector/` to refuse a stale build.
 */
export function renderConnectorPackage(
  projectRoot: string,
  options: RenderPackageOptions = {},
): RenderedPackage {
  const file = join(resolve(projectRoot), CONNECTOR_CONFIG_FILE);
  const configFile = displayPath(file, options.displayRoot);
  const checked = loadConnectorConfig(file, { displayPath: configFile, displayRoot: options.displayRoot });
  return renderChecked(checked, configFile, options);
}

/** `renderConnectorPackage` for a package given as data: the same check and renderer. */
export function renderPackageSource(
  source: ConnectorPackageSource,
  options: RenderPackageOptions = {},
): RenderedPackage {
  const checked = checkConnectorConfig(source.config, {
    file: source.configFile,
    folder: source.folder,
    fileExists: (path) => source.readFile(path) !== undefined,
    readFile: source.readFile,
  });
  return renderChecked(checked, source.configFile, options);
}

function renderChecked(
  { config, connector, warnings }: CheckedConnectorConfig,
  configFile: string,
  options: RenderPackageOptions,
): RenderedPackage {
  const pack = options.pack ?? loadTemplatePack(options.packDir);
  const files = renderConnectorFiles(connector, pack, { configFile, displayRoot: options.displayRoot });
  return { config, connector, files, warnings };
}

/**
 * What `nx build` would fail on for a package given as data, one message line each: the check's
 * and the renderer's errors (user input only; anything else is rethrown), else the validator's
 * errors in the rendered files (named as under `outputLabel`); empty when it builds.
 */
export function packageBuildProblems(
  source: ConnectorPackageSource,
  outputLabel: string,
  options: RenderPackageOptions = {},
): string[] {
  let files: Map<string, string>;
  try {
    ({ files } = renderPackageSource(source, options));
  } catch (error) {
    if (isUserError(error)) return error.message.split('\n');
    throw error;
  }
  return [...validateRenderedConnector(files, outputLabel).errors];
}
