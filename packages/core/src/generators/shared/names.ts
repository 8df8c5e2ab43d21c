import { names } from '@nx/devkit';
import { datatypeNameCollision, nameProblem, type NameKind } from '../../lib/config/names';
import { GeneratorError } from './generator-error';

/**
 * Throws a GeneratorError naming the option when `value` breaks the naming rules connector.json's
 * validation applies (lib/config/names). `option` is how the user gave it, e.g. `--connector`.
 */
export const assertValidName = (value: string, kind: NameKind, option: string): void => {
  const problem = nameProblem(kind, value);
  if (problem !== undefined) throw new GeneratorError(`${option}: ${problem}.`);
  const collision = kind === 'datatype' ? datatypeNameCollision(value, undefined) : undefined;
  if (collision !== undefined) throw new GeneratorError(`${option}: ${collision}.`);
};

/** The default human label for a name: `order` → `Order`. */
export const labelFor = (name: string): string => names(name).className;
