import { basename } from 'node:path';
import { nameProblem } from '../../../lib/config/names';
import { GeneratorError } from '../../shared/generator-error';
import { assertValidName } from '../../shared/names';

/**
 * The system name a connector folder suggests: its name without a `@<branch>` suffix (as in
 * `hubspot@playground`) and without `-connector` (sesam's naming convention), lower-cased.
 */
export const systemNameFromFolder = (folder: string): string =>
  basename(folder.replace(/[\\/]+$/, ''))
    .replace(/@.*$/, '')
    .replace(/-connector$/i, '')
    .toLowerCase();

/** --system when given (checked), else the folder's name when it is a valid one; otherwise an error asking for --system. */
export const resolveSystemName = (system: string | undefined, sourceDir: string): string => {
  const given = system?.trim();
  if (given) {
    assertValidName(given, 'system', '--system');
    return given;
  }
  const derived = systemNameFromFolder(sourceDir);
  const problem = nameProblem('system', derived);
  if (problem !== undefined) {
    throw new GeneratorError(
      `--system: the source folder "${basename(sourceDir)}" gives the system name "${derived}", which is not valid: ` +
        `${problem}. Pass --system <name>.`,
    );
  }
  return derived;
};
