import type { ConfigPath, ConfigProblem } from './problems';
import type { ConfigJson, ConfigObject } from './types';

/**
 * Build-time placeholders of `restSystem.operationDefaults`, filled per datatype when the build
 * writes the system template: `${datatype}` (the datatype's name) and `${path}` (its
 * `datatypes.<dt>.path`, default the name). `$${…}` writes `${…}` as text. They are neither
 * `{{@ param @}}` (filled by sesam expand from the manifest's parameters) nor `{{ … }}` (Sesam's
 * runtime Jinja): those stay in the written template as they are.
 */
export interface OperationPlaceholders {
  readonly datatype: string;
  readonly path: string;
}

export const PLACEHOLDER_NAMES: readonly (keyof OperationPlaceholders)[] = ['datatype', 'path'];

/** `${name}`, or `$${name}` (the escape) — group 1 is the escape's `$`. */
const PLACEHOLDER = /\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

const isPlaceholderName = (name: string): name is keyof OperationPlaceholders =>
  (PLACEHOLDER_NAMES as readonly string[]).includes(name);

const fillText = (text: string, values: OperationPlaceholders): string =>
  text.replace(PLACEHOLDER, (whole: string, escape: string, name: string) =>
    escape !== '' ? whole.slice(1) : isPlaceholderName(name) ? values[name] : whole,
  );

/** `value` with the placeholders of every string in it filled (keys stay as they are). */
export function fillPlaceholders<T extends ConfigJson>(value: T, values: OperationPlaceholders): T {
  if (typeof value === 'string') return fillText(value, values) as T;
  if (Array.isArray(value)) return value.map((item) => fillPlaceholders(item, values)) as T;
  if (value === null || typeof value !== 'object' || !isPlainObject(value)) return value;
  const filled: ConfigObject = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(filled, key, {
      value: fillPlaceholders(item, values),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return filled as T;
}

/** A config object (not a JsonNumber, which is an object too). */
const isPlainObject = (value: object): value is ConfigObject =>
  Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null;

/** `text` written so that filling gives it back: every `${…}` in it escaped. */
export const escapePlaceholders = (text: string): string =>
  text.replace(PLACEHOLDER, (whole: string) => `$${whole}`);

/** Problems: a `${name}` that is not a placeholder (a typo would otherwise be written as text). */
export function placeholderProblems(value: ConfigJson, path: ConfigPath): ConfigProblem[] {
  if (typeof value === 'string') {
    return [...value.matchAll(PLACEHOLDER)]
      .filter(([, escape, name]) => escape === '' && !isPlaceholderName(name!))
      .map(([whole]) => ({
        path,
        message:
          `${whole} is not a placeholder: operationDefaults fill ${PLACEHOLDER_NAMES.map((n) => `\${${n}}`).join(' and ')}; ` +
          `write $${whole} for the text ${whole}`,
      }));
  }
  if (Array.isArray(value))
    return value.flatMap((item, index) => placeholderProblems(item, [...path, index]));
  if (value === null || typeof value !== 'object' || !isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => placeholderProblems(item, [...path, key]));
}
