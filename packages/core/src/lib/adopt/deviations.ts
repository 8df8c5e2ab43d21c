import { isJsonObject, JsonObject, toCanonicalJson, type JsonValue } from '../json';

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Where `actual` differs from `expected`, as JSON pointers (RFC 6901), outermost first: a missing or
 * extra key, a value of another type or text, an array of another length (its own pointer).
 */
export function deviations(
  expected: JsonValue | undefined,
  actual: JsonValue | undefined,
  pointer = '',
): string[] {
  if (expected === undefined || actual === undefined) return expected === actual ? [] : [pointer];
  if (isJsonObject(expected) && isJsonObject(actual)) {
    const keys = [...new Set([...expected.keys(), ...actual.keys()])].sort();
    return keys.flatMap((key) =>
      deviations(expected.get(key), actual.get(key), `${pointer}/${escapePointer(key)}`),
    );
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return [pointer];
    return expected.flatMap((item, index) => deviations(item, actual[index], `${pointer}/${index}`));
  }
  return toCanonicalJson(expected) === toCanonicalJson(actual) ? [] : [pointer];
}

/** The value with every string replaced by "S": the shape the pack must render, whatever the names. */
export function shapeOf(value: JsonValue): JsonValue {
  if (typeof value === 'string') return 'S';
  if (Array.isArray(value)) return value.map(shapeOf);
  if (isJsonObject(value)) return new JsonObject([...value].map(([key, item]) => [key, shapeOf(item)]));
  return value;
}
