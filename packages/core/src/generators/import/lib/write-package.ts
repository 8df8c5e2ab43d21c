import { generateFiles, joinPathFragments, OverwriteStrategy, type Tree } from '@nx/devkit';
import { toJsonText } from '../../../lib/json';
import { connectorProjectName } from '../../../lib/layout';
import { CONNECTOR_CONFIG_FILE } from '../../../lib/layout';
import { scaffoldDir } from '../../shared/connector-paths';
import { EMPTY_README_SECTION } from '../../../lib/readme';
import type { ComposedPackage } from './compose-config';
import type { NormalizedImportOptions } from './normalize-options';
import type { ProvenPlan } from './plan-import';
import type { SourceConnector } from './read-source';

/** Writes the verbatim raw/ files exactly as read. Call it after formatFiles: prettier must never touch them. */
export const writeRawFiles = (
  tree: Tree,
  options: NormalizedImportOptions,
  composed: ComposedPackage,
): void => {
  for (const [path, text] of composed.rawFiles)
    tree.write(joinPathFragments(options.projectRoot, path), text);
};

const stringField = (config: ComposedPackage['config'], key: string): string => {
  const value = config.get(key);
  return typeof value === 'string' ? value : '';
};

/** Writes connector.json (its own key order, 2-space indent) and README.md from templates/import/. */
export const writePackageFiles = (
  tree: Tree,
  options: NormalizedImportOptions,
  source: SourceConnector,
  plan: ProvenPlan,
  validationErrors: readonly string[],
): void => {
  const { config } = plan.package;
  const planned = plan.adoption?.datatypes ?? [];
  const adopted = planned.filter((datatype) => datatype.kind !== 'raw').length;
  tree.write(
    joinPathFragments(options.projectRoot, CONNECTOR_CONFIG_FILE),
    `${toJsonText(config, { indent: 2 })}\n`,
  );
  generateFiles(
    tree,
    scaffoldDir('import'),
    options.projectRoot,
    {
      label: String(config.get('label')),
      source: options.shownSource,
      projectName: connectorProjectName(options.system),
      manifestFile: stringField(config, 'manifestFile'),
      systemFile: stringField(config, 'systemFile'),
      systemReason: plan.systemReason ?? '',
      generatedSection: EMPTY_README_SECTION,
      unreferenced: source.unreferenced,
      missing: source.missing,
      validationErrors,
      adopted,
      total: source.datatypes.length,
    },
    { overwriteStrategy: OverwriteStrategy.ThrowIfExisting },
  );
};
