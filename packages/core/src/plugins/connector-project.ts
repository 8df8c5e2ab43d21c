/** What the target builders know about one connector project. */
export interface ConnectorProject {
  /** Workspace-relative project root, e.g. `packages/connectors/shopify`. */
  root: string;
  /** The system name, i.e. the folder name (`shopify`). */
  system: string;
  /** The Nx project name, `<system>-connector`. */
  projectName: string;
}

/** Folder (inside the project root) that `build` writes: the Sesam connector layout. */
export const CONNECTOR_OUTPUT_DIR = 'connector';
/** Folder (inside the connector output) that `expand` writes, as `sesam expand` does. */
export const EXPANDED_DIR = '.expanded';
/** For `listFiles` over a connector output: leaves out its `.expanded` folder. */
export const skipExpanded = (relative: string): boolean => relative === EXPANDED_DIR;

export const connectorProjectName = (system: string): string => `${system}-connector`;
