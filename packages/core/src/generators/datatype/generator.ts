import { logger, type Tree } from '@nx/devkit';
import { connectorProjectName } from '../../lib/layout';
import { addRawTemplates } from '../shared/raw-template';
import { normalizeOptions } from './lib/normalize-options';
import { operationDefaultsNote } from './lib/operation-defaults';
import { planAdditions } from './lib/plan-registry';
import { updateConnectorConfig } from './lib/update-connector-config';
import { updateReadme } from './lib/update-readme';
import type { DatatypeGeneratorSchema } from './schema';

/**
 * `nx g @sesam-connectors/core:datatype <name> --connector <system> --pattern <pattern>`: adds the
 * datatype to connector.json. Its operations come from the pattern's defaults at build time, so the
 * system needs no edit. connector.json is edited in place (no prettier run): the rest of the file
 * keeps the user's key order and layout.
 */
export async function datatypeGenerator(tree: Tree, schema: DatatypeGeneratorSchema): Promise<void> {
  const options = normalizeOptions(tree, schema);
  const additions = await planAdditions(options);
  addRawTemplates(tree, options.projectRoot, additions);
  updateConnectorConfig(tree, options, additions);
  updateReadme(tree, options.system);
  const note = operationDefaultsNote(options.request, options.file.config);
  if (note !== undefined) logger.info(note);
  logger.info(`Next: npx nx build ${connectorProjectName(options.system)}`);
}

export default datatypeGenerator;
