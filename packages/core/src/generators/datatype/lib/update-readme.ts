import { logger, type Tree } from '@nx/devkit';
import { connectorReadmePath } from '../../shared/connector-paths';
import { refreshFamilyTable, writeConnectorReadme } from '../../shared/write-readme';
import { userErrorLines } from '../../shared/render-package';

/**
 * Writes the README's generated section again (datatypes table, diagrams) from the edited
 * connector.json; text outside the section's markers is kept, a README without them gets the section
 * at its end. A connector that does not build (it did not before either) keeps its README, with a note.
 */
export const updateReadme = (tree: Tree, system: string): void => {
  try {
    writeConnectorReadme(tree, system);
    refreshFamilyTable(tree);
  } catch (error) {
    logger.info(
      `${connectorReadmePath(system)} not updated: the connector does not build (${userErrorLines(error)[0]}); ` +
        'run npx nx sync once it does.',
    );
  }
};
