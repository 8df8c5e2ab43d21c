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

export const connectorProjectName = (system: string): string => `${system}-connector`;
