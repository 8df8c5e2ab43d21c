import { names } from '@nx/devkit';
import { nameProblem, type NameKind } from '../../lib/config/names';
import { GeneratorError } from './generator-error';

/** Datatype names that would collide with a file the build writes (templates/system.json). */
const RESERVED_DATATYPE_NAMES = new Set(['system']);

/**
 * Throws a GeneratorError naming the option when `value` breaks the naming rules connector.json's
 * validation applies (lib/config/names). `option` is how the user gave it, e.g. `--connector`.
 */
export const assertValidName = (value: string, kind: NameKind, option: string): void => {
  const problem = nameProblem(kind, value);
  if (problem !== undefined) throw new GeneratorError(`${option}: ${problem}.`);
  if (kind === 'datatype' && RESERVED_DATATYPE_NAMES.has(value)) {
    throw new GeneratorError(
      `${option}: "${value}" cannot be a datatype name: its template would be templates/${value}.json, ` +
        `which is the system template. Choose another name.`,
    );
  }
};

/** The default human label for a name: `order` → `Order`. */
export const labelFor = (name: string): string => names(name).className;
