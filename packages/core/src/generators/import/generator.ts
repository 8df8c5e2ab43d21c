import { formatFiles, logger, type Tree } from '@nx/devkit';
import { loadTemplatePack } from '../../lib/render';
import { CONNECTOR_OUTPUT_DIR, connectorProjectName } from '../../lib/layout';
import { refreshFamilyTable, writeConnectorReadme } from '../shared/write-readme';
import { GeneratorError } from '../shared/generator-error';
import { normalizeOptions } from './lib/normalize-options';
import { planImport } from './lib/plan-import';
import { reportAdoption } from './lib/report-adoption';
import { readSource } from './lib/read-source';
import { reportSkippedFiles } from './lib/skipped-files';
import { validateRenderedConnector } from '../../lib/build';
import { buildWithoutValidation } from './lib/build-validation';
import { writePackageFiles, writeRawFiles } from './lib/write-package';
import type { ImportGeneratorSchema } from './schema';

/**
 * `nx g @sesam-connectors/core:import --source <folder>`: a package whose build reproduces the
 * folder's manifest.json and template files byte for byte. The plan is proven by rendering it with
 * the engine before anything is written; when no connector.json can reproduce the source, the
 * error says why and nothing is written. The source is only read.
 */
export async function importGenerator(tree: Tree, schema: ImportGeneratorSchema): Promise<void> {
  const options = normalizeOptions(tree, schema);
  const source = readSource(options.sourceDir, options.shownSource);
  const plan = planImport(source, options.system, loadTemplatePack(), { verbatim: options.verbatim });
  if (!plan.ok) {
    throw new GeneratorError(
      `Cannot import ${options.shownSource} so that its build reproduces it byte for byte:\n` +
        plan.problems.map((problem: string) => `  - ${problem}`).join('\n'),
    );
  }
  const validationErrors = validateRenderedConnector(
    plan.files,
    `${options.projectRoot}/${CONNECTOR_OUTPUT_DIR}`,
  ).errors;
  writePackageFiles(tree, options, source, plan, validationErrors);
  if (validationErrors.length > 0) buildWithoutValidation(tree, options, validationErrors);
  if (plan.systemReason !== undefined) {
    logger.info(
      `${options.shownSource}/${source.systemTemplate} is copied verbatim (systemFile): restSystem and auth ` +
        `cannot render it byte for byte, because ${plan.systemReason}.`,
    );
  }
  if (plan.adoption !== undefined) reportAdoption(options.shownSource, plan.adoption);
  reportSkippedFiles(source);
  if (!options.skipFormat) await formatFiles(tree);
  // After formatting: prettier would reformat the verbatim files (it does not read .prettierignore here).
  writeRawFiles(tree, options, plan.package);
  // The README's generated section, from the package as written (its raw files included).
  writeConnectorReadme(tree, options.system);
  refreshFamilyTable(tree);
  logger.info(`Next: npx nx build ${connectorProjectName(options.system)}`);
}

export default importGenerator;
