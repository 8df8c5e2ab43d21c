import { logger, type Tree } from '@nx/devkit';
import { connectorReadmePath } from '../../shared/connector-paths';
import type { DatatypeRequest } from '../../shared/datatype-request';
import { addDatatypeRows } from '../../shared/readme-datatypes';

/**
 * Adds the new datatypes to the README's generated datatypes table. A README without the table
 * markers (rewritten by its owner) or without a README is left alone, with a note.
 */
export const updateReadme = (tree: Tree, system: string, additions: readonly DatatypeRequest[]): void => {
  const path = connectorReadmePath(system);
  const readme = tree.read(path, 'utf-8');
  const updated = readme === null ? undefined : addDatatypeRows(readme, additions);
  if (updated === undefined) {
    logger.info(
      `${path} has no generated datatypes table; describe ${additions.map((a) => a.name).join(', ')} there yourself.`,
    );
    return;
  }
  tree.write(path, updated);
};
