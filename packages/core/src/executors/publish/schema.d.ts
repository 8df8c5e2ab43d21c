/** Options of `nx run <system>-connector:publish` (see schema.json). */
export interface PublishExecutorSchema {
  /** A git URL, a bare repository or the top of a checkout. Default: connector.json's publish.repo. */
  repo?: string;
  /** Default: connector.json's publish.branch, else main. */
  branch?: string;
  dryRun?: boolean;
  push?: boolean;
  init?: boolean;
  check?: boolean;
}
