/**
 * Where things are in a connector package and its outputs: the one home of these names, shared by
 * the engine, the executors, the plugin, the generators and the workspace tools. Constants only (no
 * imports), so that the plugin can read them without loading the engine.
 *
 * ```
 * packages/connectors/<system>/          CONNECTORS_DIR/<system>, Nx project <system>-connector
 *   connector.json                       CONNECTOR_CONFIG_FILE
 *   raw/                                 RAW_DIR: files the build copies verbatim
 *   connector/                           CONNECTOR_OUTPUT_DIR: what `build` writes
 *     manifest.json                      MANIFEST_FILE
 *     templates/*.json                   TEMPLATES_DIR
 *     .expanded/                         EXPANDED_DIR: what `expand` writes, as `sesam expand` does
 * ```
 */

/** Where connector packages live, relative to the workspace root. */
export const CONNECTORS_DIR = 'packages/connectors';
/** A package's configuration file: the plugin infers one project per file of this name. */
export const CONNECTOR_CONFIG_FILE = 'connector.json';
/** The folder (in the package) the build copies raw files from. */
export const RAW_DIR = 'raw';
/** The folder (in the package) that `build` writes: the Sesam connector layout. */
export const CONNECTOR_OUTPUT_DIR = 'connector';
/** The connector's manifest, at the root of the connector folder. */
export const MANIFEST_FILE = 'manifest.json';
/** The folder (in the connector folder) of the templates. */
export const TEMPLATES_DIR = 'templates';
/** The folder (in the connector folder) that `expand` writes, as `sesam expand` does. */
export const EXPANDED_DIR = '.expanded';

/** For `listFiles` over a connector folder: leaves out its `.expanded` folder. */
export const skipExpanded = (relative: string): boolean => relative === EXPANDED_DIR;

/** The Nx project name of a connector package: `<system>-connector`. */
export const connectorProjectName = (system: string): string => `${system}-connector`;
