import { joinPathFragments, type Tree } from '@nx/devkit';
import { RAW_DIR } from '../../lib/layout';
import { rawTemplatePath, type DatatypeRequest } from './datatype-request';
import { GeneratorError } from './generator-error';

/**
 * The smallest template the build accepts: the `-collect` pipe every datatype must have (the
 * `-transform` shim reads its dataset), with an empty embedded source for the developer to replace.
 * The build copies it byte for byte.
 */
const RAW_TEMPLATE_STUB = `${JSON.stringify(
  [
    {
      _id: '{{@ system @}}-{{@ datatype @}}-collect',
      type: 'pipe',
      source: { type: 'embedded', entities: [] },
    },
  ],
  null,
  2,
)}\n`;

/**
 * For each `raw` datatype, creates its verbatim template raw/templates/<name>.json. An existing file
 * is the user's: that is an error, and nothing is written.
 */
export const addRawTemplates = (
  tree: Tree,
  projectRoot: string,
  requests: readonly DatatypeRequest[],
): void => {
  const paths = requests
    .filter((request) => request.pattern === 'raw')
    .map((request) =>
      joinPathFragments(projectRoot, RAW_DIR, request.template ?? rawTemplatePath(request.name)),
    );
  const existing = paths.find((path) => tree.exists(path));
  if (existing !== undefined) {
    throw new GeneratorError(
      `${existing} already exists; the generator does not overwrite it. Move it away or choose another name.`,
    );
  }
  for (const path of paths) tree.write(path, RAW_TEMPLATE_STUB);
};
