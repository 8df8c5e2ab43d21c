import { MANIFEST_FILE } from '@sesam-connectors/core/layout';
import { compareFiles, countEntities, countFiles, type FileKind } from './compare-files';
import { manifestDatatypeNames } from './template-entities';
import type { ConnectorBuild, ConnectorReport, ConnectorStatus, SideError } from './types';

/** Files of the build output that hold pipes: `templates/*.json`. */
export const templateKind = (path: string): FileKind =>
  /^templates\/[^/]+\.json$/.test(path) ? 'entities' : 'whole';

/** Files of the expanded config that are compared: one pipe or system per file. */
export const isExpandedConfig = (path: string): boolean => /^(pipes|systems)\/[^/]+\.conf\.json$/.test(path);

export interface CompareConnectorOptions {
  /** Compare the expanded node config too. */
  expanded: boolean;
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
): ConnectorReport | undefined => {
  const errors = [...sideErrors('base', base, options), ...sideErrors('head', head, options)];
  const buildFailed = errors.some((e) => e.stage === 'build');
  const status: ConnectorStatus =
    base === undefined ? 'added' : head === undefined ? 'removed' : buildFailed ? 'failed' : 'changed';
  const report: ConnectorReport = {
    system,
    status,
    errors,
    datatypes: { added: [], removed: [] },
    files: [],
    pipes: { added: 0, removed: 0, changed: 0 },
  };
  if (!buildFailed) {
    const baseFiles = base?.files ?? {};
    const headFiles = head?.files ?? {};
    const before = manifestDatatypeNames(baseFiles[MANIFEST_FILE]);
    const after = manifestDatatypeNames(headFiles[MANIFEST_FILE]);
    report.datatypes = {
      added: after.filter((d) => !before.includes(d)),
      removed: before.filter((d) => !after.includes(d)),
    };
    report.files = compareFiles(baseFiles, headFiles, templateKind);
    report.pipes = countEntities(report.files);
    const expandFailed = errors.some((e) => e.stage === 'expand');
    if (options.expanded && !expandFailed) {
      const files = compareFiles(pick(base?.expanded), pick(head?.expanded), () => 'whole');
      report.expanded = { files, counts: countFiles(files) };
    }
  }
  const unchanged =
    status === 'changed' &&
    errors.length === 0 &&
    report.files.length === 0 &&
    !report.expanded?.files.length;
  return unchanged ? undefined : report;
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
