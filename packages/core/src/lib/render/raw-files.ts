import { RAW_DIR } from '../config/checks';
import type { ConnectorConfig } from '../config/types';

/**
 * Files the build copies verbatim, by path relative to the package: the `manifestFile` and
 * `raw/<template>` of every raw datatype (each once, in datatype order).
 */
export function rawFilesNeeded(config: ConnectorConfig): string[] {
  const files = new Set<string>();
  if (config.manifestFile !== undefined) files.add(config.manifestFile);
  for (const datatype of Object.values(config.datatypes)) {
    if (datatype.pattern === 'raw' && datatype.template !== undefined)
      files.add(`${RAW_DIR}/${datatype.template}`);
  }
  return [...files];
}
