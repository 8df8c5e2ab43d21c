import { toCanonicalJson } from './write';
import { JsonObject, isJsonObject, type JsonValue, type JsonWritable } from './types';

/**
 * How the merge reads and makes objects of one value representation: `JsonObject` (import, tools)
 * or the engine's plain records (connector.json as the build uses it). The merge itself is written
 * once, below, for both.
 */
export interface MergeModel<V, O extends V> {
  readonly isObject: (value: V | undefined) => value is O;
  readonly entries: (object: O) => Iterable<[string, V]>;
  readonly make: (entries: readonly [string, V][]) => O;
}

/**
 * `override` merged over `base`, member by member (JSON Merge Patch, RFC 7396): a member set to
 * null is removed, an object over an object is merged the same way, anything else (arrays, strings,
 * numbers, booleans, an object over a non-object or a missing member) replaces what `base` has. One
 * difference from RFC 7396, so that a value the defaults do not have is taken exactly as written:
 * a value that replaces keeps the nulls inside it (RFC 7396 would drop an object's null members).
 */
export function mergeOver<V, O extends V>(model: MergeModel<V, O>, base: O, override: O): O {
  const merged = new Map<string, V>(model.entries(base));
  for (const [key, value] of model.entries(override)) {
    const under = merged.get(key);
    if (value === null) merged.delete(key);
    else if (model.isObject(value) && model.isObject(under)) merged.set(key, mergeOver(model, under, value));
    else merged.set(key, value);
  }
  return model.make([...merged]);
}

/** `JsonObject`s, as parsed. */
export const JSON_MERGE: MergeModel<JsonValue, JsonObject> = {
  isObject: (value): value is JsonObject => isJsonObject(value),
  entries: (object) => object,
  make: (entries) => new JsonObject(entries),
};

/** `override` over `base` (`mergeOver`) for parsed values. */
export const mergeJson = (base: JsonObject, override: JsonObject): JsonObject =>
  mergeOver(JSON_MERGE, base, override);

const same = (a: JsonWritable, b: JsonWritable): boolean => toCanonicalJson(a) === toCanonicalJson(b);

/**
 * The override that `mergeJson` turns `base` into `target` with: the members that differ (objects
 * member by member), null for each member `target` lacks; undefined when no override can, which is
 * when `target` has a null where `base` has a member or none (a null in an override removes).
 */
export function mergeOverride(base: JsonObject, target: JsonObject): JsonObject | undefined {
  const entries: [string, JsonValue][] = [];
  for (const [key, value] of target) {
    const under = base.get(key);
    if (under !== undefined && same(under, value)) continue;
    if (value === null) return undefined;
    if (isJsonObject(value) && isJsonObject(under)) {
      const inner = mergeOverride(under, value);
      if (inner === undefined) return undefined;
      entries.push([key, inner]);
    } else entries.push([key, value]);
  }
  for (const key of base.keys()) if (!target.has(key)) entries.push([key, null]);
  return new JsonObject(entries);
}
