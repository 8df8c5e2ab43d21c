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
  /** A branch at that commit, when `ref` is no name (a commit id, `HEAD`). */
  branch?: string;
  connectors: Record<string, ConnectorBuild>;
  /** Things the reader should know about this side (e.g. a different lockfile). */
  notes: string[];
}

export type Change = 'added' | 'removed' | 'changed';

/** One config entity (a pipe, or a system) inside a template file, identified by `_id`. */
export interface EntityChange {
  id: string;
  change: Change;
  /** Its `type` (`pipe`, `system:rest`, …), from the new side (the old one when removed). */
  type?: string;
  /** Unified diff of the entity's canonical JSON, for `changed`. */
  diff?: string;
  /** Canonical JSON before (absent when added) and after (absent when removed). */
  before?: string;
  after?: string;
}

/** A changed file, as compareFiles reports it (the input of the change records). */
export interface FileChange {
  /** Path inside the connector output (`templates/order.json`) or the expanded folder. */
  path: string;
  change: Change;
  /** Entities (pipes) of a template file that were added, removed or changed. */
  entities: EntityChange[];
  /** Whole-file unified diff, for files that are not split into entities (manifest.json, expanded files). */
  diff?: string;
  /** Whole files: canonical JSON (or the text, when it is not JSON) before and after. */
  before?: string;
  after?: string;
  /** An added file whose content equals that of a removed one (a renamed datatype). */
  renamedFrom?: string;
  /** A removed file whose content reappears in an added one. */
  renamedTo?: string;
  /** What changed when no entity did (formatting, order of pipes) or why a file could not be split. */
  note?: string;
}

/** A changed file of a connector's build output, without its content (that is in the change records). */
export type FileSummary = Omit<FileChange, 'entities' | 'diff' | 'before' | 'after'>;

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

/** What a change is about. */
export type ChangeKind = 'pipe' | 'system' | 'manifest' | 'file';

/** Where it was seen: the build output (`templates/*.json`, `manifest.json`) or the expanded node config. */
export type ChangeSource = 'template' | 'expanded';

/**
 * One change, named for a reader: a pipe or system (one `_id`) of one datatype, a manifest, or a
 * file. A template file that several datatypes use (`reuse`) gives one record per datatype, as each
 * is its own pipe on the node. This is what groups are made of and what other renderers consume.
 */
export interface ChangeRecord {
  /** The connector's system (`shopify`). */
  connector: string;
  /** The datatype the pipe belongs to; absent for systems of the system template, manifests and other files. */
  datatype?: string;
  /**
   * The pipe's `_id` with system and datatype set aside (`registerwebhook`); `system` for the system
   * (`system-ms` for `{{@ system @}}-ms`), `manifest`, `template` for a template file as a whole
   * (formatting, order of pipes, not JSON), the path for any other file.
   */
  role: string;
  kind: ChangeKind;
  source: ChangeSource;
  change: Change;
  /** `shopify · order · registerwebhook`, `shopify · system`, `shopify · manifest`. */
  name: string;
  /** The file (`templates/order.json`, `pipes/xxxxxx-order-all.conf.json`) and, for template entities, the `_id`. */
  path: string;
  id?: string;
  /** Unified diff of the canonical JSON, for `changed`. */
  diff?: string;
  /** Why there is no diff (`formatting only`, `order of pipes changed`, `not split into pipes: …`). */
  note?: string;
  /** Canonical JSON (or text) before (absent when added) and after (absent when removed). */
  before?: string;
  after?: string;
}

/**
 * Changes that are the same change: the same kind, role and change, and the same lines removed and
 * added once names are set aside (context lines may differ). `changes` index `ReviewReport.changes`.
 */
export interface ChangeGroup {
  source: ChangeSource;
  kind: ChangeKind;
  role: string;
  change: Change;
  /** Indexes into `ReviewReport.changes`, in report order (connector, then file). */
  changes: number[];
  /** For `changed`: the diff with names set aside (`{{@ system @}}`, `{{@ datatype @}}`). */
  diff?: string;
  note?: string;
  /**
   * The index (in `ReviewReport.groups`) of the more common form of the same kind, role and change
   * that this group differs from; absent for the common form and for changes with no common form.
   */
  differsFrom?: number;
  /** Added/removed groups that differ from the common form: how their content differs from it (names set aside). */
  fromCommon?: string;
}

export interface ConnectorReport {
  system: string;
  status: ConnectorStatus;
  errors: SideError[];
  /** Datatypes added, removed, and kept with a change in one of their pipes. */
  datatypes: { added: string[]; removed: string[]; changed: string[] };
  /** Changed files of the build output (their content is in the report's `changes`). */
  files: FileSummary[];
  /** Pipes of templates/*.json added, removed, changed (one per datatype that uses a template). */
  pipes: Counts;
  /** Systems (the system template and any `system:*` entity) added, removed, changed. */
  systems: Counts;
  /** How manifest.json changed, when it did. */
  manifest?: Change;
  /** Present when the expanded config was compared: its pipes and systems (one file each). */
  expanded?: { pipes: Counts; systems: Counts };
}

/** One side of the review. */
export interface RevisionSide {
  ref: string;
  commit: string;
  /** A branch at that commit, when `ref` is no name (a commit id, `HEAD`). */
  branch?: string;
}

export interface ReviewReport {
  base: RevisionSide;
  head: RevisionSide;
  expanded: boolean;
  /** Connectors that differ or failed, sorted by system: counts, errors, datatypes, files. */
  connectors: ConnectorReport[];
  /** Every change, by connector (sorted), then file, then the order inside the file. */
  changes: ChangeRecord[];
  /** The changes grouped: the same change once, with where it happens (see ChangeGroup). */
  groups: ChangeGroup[];
  /** Connectors present at both revisions whose outputs are identical. */
  unchanged: string[];
  totals: {
    connectors: number;
    datatypes: Counts;
    pipes: Counts;
    systems: Counts;
    manifests: Counts;
    expanded?: { pipes: Counts; systems: Counts };
  };
  notes: string[];
}
