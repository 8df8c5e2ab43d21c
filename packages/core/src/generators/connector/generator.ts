import { formatFiles, logger, type Tree } from '@nx/devkit';
import { connectorProjectName } from '../../lib/layout';
import { assertBuilds } from '../shared/assert-builds';
import { refreshFamilyTable, writeConnectorReadme } from '../shared/write-readme';
import { addRawTemplates } from '../shared/raw-template';
import { addFiles } from './lib/add-files';
import { normalizeOptions } from './lib/normalize-options';
import type { ConnectorGeneratorSchema } from './schema';

/**
 * `nx g @sesam-connectors/core:connector <system>`: a new package packages/connectors/<system>/
 * with connector.json and README.md, ready for `nx build <system>-connector`.
 */
export async function connectorGenerator(tree: Tree, schema: ConnectorGeneratorSchema): Promise<void> {
  const options = normalizeOptions(tree, schema);
  addFiles(tree, options);
  addRawTemplates(tree, options.projectRoot, options.datatypes);
  assertBuilds(tree, options.system, `Not creating ${options.projectRoot}`);
  writeConnectorReadme(tree, options.system);
  refreshFamilyTable(tree);
  if (!options.skipFormat) await formatFiles(tree);
  logger.info(`Next: npx nx build ${connectorProjectName(options.system)}`);
}

export default connectorGenerator;
