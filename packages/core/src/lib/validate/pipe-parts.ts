import { isJsonNumber, JsonObject, type JsonValue } from '../json';
import type { JsonPath } from '../expand';

/** A transform step of a pipe (the `transform` object, or one object element of the list). */
export interface TransformStep {
  readonly value: JsonObject;
  readonly path: JsonPath;
}

export function transformSteps(pipe: JsonObject): TransformStep[] {
  const transform = pipe.get('transform');
  if (transform instanceof JsonObject) return [{ value: transform, path: ['transform'] }];
  if (!Array.isArray(transform)) return [];
  return transform.flatMap((step, i) =>
    step instanceof JsonObject ? [{ value: step, path: ['transform', i] }] : [],
  );
}

/** The object at `key`, if it is one. */
export const objectAt = (value: JsonValue | undefined, key: string): JsonObject | undefined => {
  const member = value instanceof JsonObject ? value.get(key) : undefined;
  return member instanceof JsonObject ? member : undefined;
};

export const stringAt = (value: JsonValue | undefined, key: string): string | undefined => {
  const member = value instanceof JsonObject ? value.get(key) : undefined;
  return typeof member === 'string' ? member : undefined;
};

/** Python `value == 1` for a JSON value (`1`, `1.0` and `true` are equal to 1). */
export const equalsOne = (value: JsonValue | undefined): boolean =>
  value === true || (isJsonNumber(value) && value.toNumber() === 1);

/** Every string in a JSON value, with its path. */
export function* stringsIn(
  value: JsonValue,
  path: JsonPath = [],
): Generator<{ text: string; path: JsonPath }> {
  if (typeof value === 'string') yield { text: value, path };
  else if (Array.isArray(value))
    for (let i = 0; i < value.length; i++) yield* stringsIn(value[i], [...path, i]);
  else if (value instanceof JsonObject)
    for (const [key, member] of value) yield* stringsIn(member, [...path, key]);
}
