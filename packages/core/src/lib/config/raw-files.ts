import { RAW_DIR } from '../layout';
import type { ConnectorConfig } from './types';

/**
 * Files the build copies verbatim, by path relative to the package: the `manifestFile`, the
 * `systemFile` and `raw/<template>` of every raw datatype (each once, in that order).
 */
export function rawFilesNeeded(config: ConnectorConfig): string[] {
  const files = new Set<string>();
  if (config.manifestFile !== undefined) files.add(config.manifestFile);
  if (config.systemFile !== undefined) files.add(config.systemFile);
  for (const datatype of Object.values(config.datatypes)) {
    if (datatype.pattern === 'raw' && datatype.template !== undefined)
      files.add(`${RAW_DIR}/${datatype.template}`);
  }
  return [...files];
}

/** A verbatim file (raw template, manifestFile or systemFile) cannot be read, is missing or is not valid JSON. */
export class RawFileError extends Error {
  override readonly name = 'RawFileError';
}
