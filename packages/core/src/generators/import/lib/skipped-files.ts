import { logger } from '@nx/devkit';
import type { SourceConnector } from './read-source';

/**
 * Says which files of the source the package leaves out: templates no datatype uses (sesam never
 * reads them) and `<profile>-env.json` files (a developer's node environment; the build writes only
 * manifest.json and templates/).
 */
export const reportSkippedFiles = (source: SourceConnector): void => {
  if (source.unreferenced.length > 0) {
    logger.warn(`Not imported (no datatype of manifest.json uses them): ${source.unreferenced.join(', ')}`);
  }
  if (source.envFiles.length > 0) {
    logger.info(
      `Not imported: ${source.envFiles.join(', ')} (node environment values for sesam upload; ` +
        `the build writes only manifest.json and templates/). Keep them outside the package if you still need them.`,
    );
  }
};
