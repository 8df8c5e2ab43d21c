import { ExpandError } from '../lib/expand';
import { displayPath } from '../lib/fs';
import type { CliIo } from './io';

/**
 * Runs `work` for the connector in `dir`; an ExpandError (whose paths are relative to the connector
 * folder) is re-thrown with the folder in front when it is not the working folder.
 */
export function inConnector<T>(dir: string, io: CliIo, work: () => T): T {
  try {
    return work();
  } catch (error) {
    const shown = displayPath(dir, io.cwd);
    if (!(error instanceof ExpandError) || shown === '.') throw error;
    throw new ExpandError(error.code, `${shown}: ${error.message}`, error, error.reason);
  }
}
