import { isJsonObject, JsonNumber, JsonObject, type JsonValue } from '../json';

/** `value.get(key)` when value is an object. */
export const member = (value: JsonValue | undefined, key: string): JsonValue | undefined =>
  isJsonObject(value) ? value.get(key) : undefined;

/** The value at a path of keys, or undefined. */
export const at = (value: JsonValue | undefined, ...keys: string[]): JsonValue | undefined =>
  keys.reduce<JsonValue | undefined>((current, key) => member(current, key), value);

/** A pipe's transforms as a list (one transform object counts as a list of one). */
export const transformsOf = (pipe: JsonObject): JsonValue[] => {
  const transform = pipe.get('transform');
  if (transform === undefined) return [];
  return Array.isArray(transform) ? transform : [transform];
};

/** An object of the given entries, leaving out undefined values. */
export const objectOf = (entries: Iterable<[string, JsonValue | undefined]>): JsonObject =>
  new JsonObject([...entries].filter((entry): entry is [string, JsonValue] => entry[1] !== undefined));

/** The object without the given keys. */
export const without = (object: JsonObject, keys: ReadonlySet<string>): JsonObject =>
  new JsonObject([...object].filter(([key]) => !keys.has(key)));

/** A whole number ≥ 1 as connector.json options hold it, or undefined. */
export const positiveInteger = (value: JsonValue | undefined): JsonValue | undefined =>
  value instanceof JsonNumber && /^[1-9][0-9]*$/.test(value.toString()) ? value : undefined;

/** Properties of a template transform beyond the ones the pattern sets, or undefined. */
export const extraProperties = (
  template: JsonObject | undefined,
  own: readonly string[],
): JsonObject | undefined => {
  const properties = member(template, 'properties');
  if (!isJsonObject(properties)) return undefined;
  const rest = without(properties, new Set(own));
  return rest.size > 0 ? rest : undefined;
};
