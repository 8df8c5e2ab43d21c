import { JsonNumber } from './json-number';

/**
 * A JSON object: a `Map` from key to value, because a Map keeps every key in insertion order
 * (plain JS objects move integer-like keys such as "9" and "10" to the front, numerically).
 * `parseJson` inserts keys in source order; a duplicate key keeps the position of its first
 * occurrence and takes the last value, exactly like a Python dict built by `json.loads`.
 *
 * Read and write it with the Map API: `obj.get('_id')`, `obj.set('comment', '…')`, `obj.has(k)`,
 * `obj.delete(k)`, `for (const [k, v] of obj)`. Build one with `new JsonObject([['a', 1]])`.
 */
export class JsonObject extends Map<string, JsonValue> {}

export type JsonArray = JsonValue[];

/**
 * A JSON value. `parseJson` never produces a plain `number` (every number is a `JsonNumber`, so no
 * digit is lost); plain numbers are allowed so callers can build values conveniently.
 */
export type JsonValue = null | boolean | string | number | JsonNumber | JsonArray | JsonObject;

/**
 * What the writer accepts: any `JsonValue`, plus plain JS records/arrays of writable values and
 * bigints. Plain records list integer-like keys first, so prefer `JsonObject` when key order matters
 * (it does not with `sortKeys`).
 */
export type JsonWritable =
  JsonValue | bigint | readonly JsonWritable[] | { readonly [key: string]: JsonWritable };

export const isJsonObject = (value: unknown): value is JsonObject => value instanceof JsonObject;

export const isJsonArray = (value: unknown): value is JsonArray => Array.isArray(value);

export const isJsonNumber = (value: unknown): value is JsonNumber => value instanceof JsonNumber;
