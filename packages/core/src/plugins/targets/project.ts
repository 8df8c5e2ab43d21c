/** What the target builders know about one connector project. */
export interface ConnectorProject {
  /** Workspace-relative project root, e.g. `packages/connectors/shopify`. */
  root: string;
  /** The system name, i.e. the folder name (`shopify`). */
  system: string;
  /** The Nx project name, `<system>-connector`. */
  projectName: string;
}
