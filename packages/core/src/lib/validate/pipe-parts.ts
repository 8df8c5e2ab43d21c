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

/**
 * The strings in a JSON value that pass `test`, with their paths, in document order; `first` stops
 * at the first one. The walk shares one path and copies it only for a match (rules scan every
 * string of every expanded pipe).
 */
export function stringsMatching(
  value: JsonValue,
  test: (text: string) => boolean,
  { first = false }: { first?: boolean } = {},
): { text: string; path: JsonPath }[] {
  const found: { text: string; path: JsonPath }[] = [];
  const path: (string | number)[] = [];
  const walk = (at: JsonValue): boolean => {
    if (typeof at === 'string') {
      if (!test(at)) return false;
      found.push({ text: at, path: [...path] });
      return first;
    }
    if (Array.isArray(at)) {
      for (let i = 0; i < at.length; i++) {
        path.push(i);
        const stop = walk(at[i]);
        path.pop();
        if (stop) return true;
      }
    } else if (at instanceof JsonObject) {
      for (const [key, member] of at) {
        path.push(key);
        const stop = walk(member);
        path.pop();
        if (stop) return true;
      }
    }
    return false;
  };
  walk(value);
  return found;
}
