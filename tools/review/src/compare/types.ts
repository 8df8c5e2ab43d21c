/**
 * Data that the compare functions take and return. Everything here is plain JSON-friendly data, so
 * the json output format is the report itself.
 */

/** Files keyed by path relative to their folder ('/' separators), values are the file text. */
export type FileTexts = Record<string, string>;

/** One connector as built at one revision. */
export interface ConnectorBuild {
  system: string;
  /** The build output `connector/` (without `.expanded`); absent when the build failed. */
  files?: FileTexts;
  /** The expander's node config (`pipes/*.conf.json`, `systems/*.conf.json`), when it was asked for and worked. */
  expanded?: FileTexts;
  /** Why the build failed (the task's own output). */
  buildError?: string;
  /** Why expanding failed, when it was asked for. */
  expandError?: string;
}

/** Every connector built at one revision. */
export interface RevisionBuild {
  /** What the user called the revision (`main`, `HEAD~1`, `work tree`). */
  ref: string;
  /** The commit that was built (for the work tree: a snapshot commit of it). */
  commit: string;
  connectors: Record<string, ConnectorBuild>;
  /** Things the reader should know about this side (e.g. a different lockfile). */
  notes: string[];
}

export type Change = 'added' | 'removed' | 'changed';

/** One config entity (a pipe, or the system) inside a template file, identified by `_id`. */
export interface EntityChange {
  id: string;
  change: Change;
  /** Unified diff of the entity's canonical JSON, for `changed`. */
  diff?: string;
}

export interface FileChange {
  /** Path inside the connector output (`templates/order.json`) or the expanded folder. */
  path: string;
  change: Change;
  /** Entities (pipes) of a template file that were added, removed or changed. */
  entities: EntityChange[];
  /** Whole-file unified diff, for files that are not split into entities (manifest.json, expanded files). */
  diff?: string;
  /** An added file whose content equals that of a removed one (a renamed datatype). */
  renamedFrom?: string;
  /** A removed file whose content reappears in an added one. */
  renamedTo?: string;
  /** What changed when no entity did (formatting, order of pipes) or why a file could not be split. */
  note?: string;
}

export interface Counts {
  added: number;
  removed: number;
  changed: number;
}

export interface SideError {
  side: 'base' | 'head';
  stage: 'build' | 'expand';
  message: string;
}

export type ConnectorStatus = 'added' | 'removed' | 'changed' | 'failed';

export interface ConnectorReport {
  system: string;
  status: ConnectorStatus;
  errors: SideError[];
  datatypes: { added: string[]; removed: string[] };
  /** Changed files of the build output: templates split into pipes, other files as whole-file diffs. */
  files: FileChange[];
  /** Pipes (entities of templates/*.json) added, removed, changed. */
  pipes: Counts;
  /** Present when the expanded config was compared. */
  expanded?: { files: FileChange[]; counts: Counts };
}

export interface ReviewReport {
  base: { ref: string; commit: string };
  head: { ref: string; commit: string };
  expanded: boolean;
  /** Connectors that differ or failed, sorted by system. */
  connectors: ConnectorReport[];
  /** Connectors present at both revisions whose outputs are identical. */
  unchanged: string[];
  totals: { connectors: number; pipes: Counts; expanded?: Counts };
  notes: string[];
}
