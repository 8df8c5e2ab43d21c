import { MANIFEST_FILE } from '@sesam-connectors/core/layout';
import { expandedChanges, templateChanges, type KeyedChange } from './change-records';
import { compareFiles, type FileKind } from './compare-files';
import { expandedPlaceholder } from './names';
import { readManifest } from './template-entities';
import type {
  ChangeKind,
  ChangeRecord,
  ChangeSource,
  ConnectorBuild,
  ConnectorReport,
  ConnectorStatus,
  Counts,
  FileChange,
  FileSummary,
  SideError,
} from './types';

/** Files of the build output that hold pipes: `templates/*.json`. */
export const templateKind = (path: string): FileKind =>
  /^templates\/[^/]+\.json$/.test(path) ? 'entities' : 'whole';

/** Files of the expanded config that are compared: one pipe or system per file. */
export const isExpandedConfig = (path: string): boolean => /^(pipes|systems)\/[^/]+\.conf\.json$/.test(path);

export interface CompareConnectorOptions {
  /** Compare the expanded node config too. */
  expanded: boolean;
}

/** A connector's report and its change records (in file order). */
export interface ConnectorComparison {
  report: ConnectorReport;
  changes: KeyedChange[];
}

/**
 * What changed in one connector between two revisions; `undefined` when nothing did. A connector
 * missing at one side is added/removed (all its pipes with it); a connector whose build failed at a
 * side is reported with the error and not compared.
 */
export const compareConnector = (
  system: string,
  base: ConnectorBuild | undefined,
  head: ConnectorBuild | undefined,
  options: CompareConnectorOptions,
): ConnectorComparison | undefined => {
  const errors = [...sideErrors('base', base, options), ...sideErrors('head', head, options)];
  const buildFailed = errors.some((e) => e.stage === 'build');
  const status: ConnectorStatus =
    base === undefined ? 'added' : head === undefined ? 'removed' : buildFailed ? 'failed' : 'changed';
  const report: ConnectorReport = {
    system,
    status,
    errors,
    datatypes: { added: [], removed: [], changed: [] },
    files: [],
    pipes: zero(),
    systems: zero(),
  };
  const changes: KeyedChange[] = [];
  if (!buildFailed) {
    const baseFiles = base?.files ?? {};
    const headFiles = head?.files ?? {};
    const before = readManifest(baseFiles[MANIFEST_FILE]);
    const after = readManifest(headFiles[MANIFEST_FILE]);
    const files = compareFiles(baseFiles, headFiles, templateKind);
    report.files = files.map(fileSummary);
    changes.push(...templateChanges(files, { connector: system, base: before, head: after }));
    const expandFailed = errors.some((e) => e.stage === 'expand');
    if (options.expanded && !expandFailed) {
      const old = pick(base?.expanded);
      const now = pick(head?.expanded);
      changes.push(
        ...expandedChanges(
          compareFiles(old, now, () => 'whole'),
          {
            connector: system,
            placeholder: expandedPlaceholder([...Object.keys(old), ...Object.keys(now)]),
            datatypes: [...new Set([...before.datatypes, ...after.datatypes])],
          },
        ),
      );
    }
    const records = changes.map((c) => c.record);
    const added = after.datatypes.filter((d) => !before.datatypes.includes(d));
    const removed = before.datatypes.filter((d) => !after.datatypes.includes(d));
    const touched = new Set(records.map((r) => r.datatype));
    report.datatypes = {
      added,
      removed,
      changed: after.datatypes.filter((d) => before.datatypes.includes(d) && touched.has(d)),
    };
    report.pipes = countChanges(records, 'template', 'pipe');
    report.systems = countChanges(records, 'template', 'system');
    const manifest = records.find((r) => r.kind === 'manifest');
    if (manifest) report.manifest = manifest.change;
    if (options.expanded && !expandFailed) {
      report.expanded = {
        pipes: countChanges(records, 'expanded', 'pipe'),
        systems: countChanges(records, 'expanded', 'system'),
      };
    }
  }
  const unchanged = status === 'changed' && errors.length === 0 && changes.length === 0;
  return unchanged ? undefined : { report, changes };
};

const zero = (): Counts => ({ added: 0, removed: 0, changed: 0 });

/** Records of one source and kind, counted by change. */
export const countChanges = (
  records: readonly ChangeRecord[],
  source: ChangeSource,
  kind: ChangeKind,
): Counts => {
  const counts = zero();
  for (const record of records) if (record.source === source && record.kind === kind) counts[record.change]++;
  return counts;
};

const fileSummary = (file: FileChange): FileSummary => {
  const summary: FileSummary = { path: file.path, change: file.change };
  if (file.renamedFrom !== undefined) summary.renamedFrom = file.renamedFrom;
  if (file.renamedTo !== undefined) summary.renamedTo = file.renamedTo;
  if (file.note !== undefined) summary.note = file.note;
  return summary;
};

const sideErrors = (
  side: SideError['side'],
  build: ConnectorBuild | undefined,
  options: CompareConnectorOptions,
): SideError[] => {
  if (build === undefined) return [];
  const errors: SideError[] = [];
  if (build.buildError !== undefined) errors.push({ side, stage: 'build', message: build.buildError });
  else if (options.expanded && build.expandError !== undefined)
    errors.push({ side, stage: 'expand', message: build.expandError });
  return errors;
};

const pick = (files: Record<string, string> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(files ?? {}).filter(([path]) => isExpandedConfig(path)));
