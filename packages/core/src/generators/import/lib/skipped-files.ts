import { logger } from '@nx/devkit';
import type { SourceConnector } from './read-source';

/**
 * Says which files of the source the package leaves out: templates no datatype uses (sesam never
 * reads them) and `<profile>-env.json` files (a developer's node environment; the build writes only
 * manifest.json and templates/); and which templates the source's manifest names but the source
 * lacks (kept as they are: the build writes what exists, and expand fails on them as on the source).
 */
export const reportSkippedFiles = (source: SourceConnector): void => {
  if (source.unreferenced.length > 0) {
    logger.warn(`Not imported (no datatype of manifest.json uses them): ${source.unreferenced.join(', ')}`);
  }
  if (source.missing.length > 0) {
    logger.warn(
      `${source.shownDir}/manifest.json names templates that do not exist: ${source.missing.join(', ')}. ` +
        'The package keeps the manifest as it is and builds the templates that exist, so sesam expand fails on ' +
        'them (TemplateNotFound) as it does on the source; add them or remove their datatypes (README: Missing templates).',
    );
  }
  if (source.envFiles.length > 0) {
    logger.info(
      `Not imported: ${source.envFiles.join(', ')} (node environment values for sesam upload; ` +
        `the build writes only manifest.json and templates/). Keep them outside the package if you still need them.`,
    );
  }
};
