import { generateFiles, joinPathFragments, OverwriteStrategy, type Tree } from '@nx/devkit';
import { toJsonText } from '../../../lib/json';
import { connectorProjectName } from '../../../lib/layout';
import { CONNECTOR_CONFIG_FILE } from '../../../lib/layout';
import { scaffoldDir } from '../../shared/connector-paths';
import type { DatatypeRequest } from '../../shared/datatype-request';
import type { DatatypePatternName } from '@sesam-connectors/template-pack';
import { labelFor } from '../../shared/names';
import { datatypesTable } from '../../shared/readme-datatypes';
import type { ComposedPackage } from './compose-config';
import type { NormalizedImportOptions } from './normalize-options';
import type { ProvenPlan } from './plan-import';
import type { SourceConnector } from './read-source';

/** The README's view of the imported datatypes: each one's pattern (raw ones with their template paths). */
const datatypeRows = (source: SourceConnector, plan: ProvenPlan): DatatypeRequest[] => {
  const plans = new Map((plan.adoption?.datatypes ?? []).map((d) => [d.name, d]));
  const patternOf = (name: string): DatatypePatternName => {
    const planned = plans.get(name);
    const owner = planned?.kind === 'reuse' ? plans.get(planned.reuse) : planned;
    return owner?.kind === 'pattern' ? (owner.pattern as DatatypePatternName) : 'raw';
  };
  return source.datatypes.map(({ name, template, entry }) => {
    const label = entry.get('label');
    const pattern = patternOf(name);
    return {
      name,
      pattern,
      ...(pattern === 'raw' ? { template } : {}),
      label: typeof label === 'string' ? label : labelFor(name),
    };
  });
};

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
      datatypesTable: datatypesTable(datatypeRows(source, plan)),
      unreferenced: source.unreferenced,
      missing: source.missing,
      validationErrors,
    },
    { overwriteStrategy: OverwriteStrategy.ThrowIfExisting },
  );
};
