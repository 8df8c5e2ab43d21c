import type { DatatypePattern } from '@sesam-connectors/template-pack';
import {
  isJsonObject,
  JsonObject,
  mergeOverride,
  parseJson,
  toCanonicalJson,
  toJsonText,
  type JsonValue,
} from '../../../lib/json';
import { optionValidator } from '../../../lib/config';

/** The bytes `"key":value,` takes in minified connector.json. */
export const entrySize = (key: string, value: JsonValue): number =>
  JSON.stringify(key).length + toJsonText(value, { compact: true }).length + 2;

/** A datatype of connector.json that renders its own pipes on `pattern` (not raw, not a reuse). */
const rendersOwnPipes = (datatype: JsonValue | undefined, pattern: string): datatype is JsonObject =>
  isJsonObject(datatype) && datatype.get('pattern') === pattern && !datatype.has('reuse');

/** What one option's default would be, and each datatype's `options.<option>` under it (undefined: left out). */
interface Choice {
  readonly value: JsonValue;
  readonly residuals: readonly (JsonValue | undefined | typeof NONE)[];
  readonly saved: number;
}

type Valid = (value: JsonValue) => boolean;

/** A datatype's option that no statement under a candidate default gives it. */
const NONE = Symbol('no statement');

/**
 * What a datatype whose option is `own` (undefined: it has none) states under the default `value`,
 * as the build merges it (`mergeJson`: objects member by member): undefined when it states nothing,
 * null (unset: the pattern's own default applies) when it has none, `NONE` when no statement gives
 * it `own`. A datatype without the option states the pattern's default when that is a scalar.
 * An object that names only some members must still be a valid value of the option (a member its
 * schema requires is stated again).
 */
function residualOf(
  value: JsonValue,
  own: JsonValue | undefined,
  patternDefault: JsonValue | undefined,
  valid: Valid,
  required: readonly string[],
): JsonValue | undefined | typeof NONE {
  if (own === undefined) {
    if (patternDefault === undefined) return null;
    const stated = residualOf(value, patternDefault, undefined, valid, required);
    // a scalar default reads better than null; a structure only where it is as short
    if (stated === NONE) return null;
    if (stated === undefined || !(isJsonObject(stated) || Array.isArray(stated))) return stated;
    return entrySize('', stated) > entrySize('', null) ? null : stated;
  }
  if (toCanonicalJson(own) === toCanonicalJson(value)) return undefined;
  if (!isJsonObject(own) || !isJsonObject(value)) return own;
  const override = mergeOverride(value, own);
  if (override === undefined) return NONE;
  for (const key of required) if (!override.has(key) && own.has(key)) override.set(key, own.get(key)!);
  return valid(override) ? override : NONE;
}

/**
 * The default of `option` worth stating once for every datatype of the pattern, or undefined:
 * either a value several datatypes have whole, or (for an object-valued option) the members most
 * of them share, each datatype then stating only what it changes. Chosen for the bytes it saves:
 * the entries no longer written less the default's own entry and what each datatype must state
 * instead (a datatype without the option unsets it with null, or states the pattern's default).
 */
function bestDefault(
  option: string,
  values: readonly (JsonValue | undefined)[],
  patternDefault: JsonValue | undefined,
  valid: Valid,
  required: readonly string[],
): Choice | undefined {
  const before = values.reduce(
    (sum: number, own) => sum + (own === undefined ? 0 : entrySize(option, own)),
    0,
  );
  let best: Choice | undefined;
  for (const { value, whole } of candidates(values)) {
    // a value a datatype has whole is valid; the members several share need checking
    if (!whole && !valid(value)) continue;
    const residuals = values.map((own) => residualOf(value, own, patternDefault, valid, required));
    if (residuals.includes(NONE)) continue;
    const after = residuals.reduce(
      (sum: number, residual) =>
        sum + (residual === undefined || residual === NONE ? 0 : entrySize(option, residual)),
      entrySize(option, value),
    );
    const saved = before - after;
    if (saved > 0 && (best === undefined || saved > best.saved)) best = { value, residuals, saved };
  }
  return best;
}

/**
 * The defaults worth trying: every value at least two datatypes have whole, and for objects the
 * members at least two of them share, each member the value most of them give it — once member
 * by member at the top, once down into the members that are objects themselves (superoffice's
 * `operation_<role>_properties`, which share their `datatype` but not their `primaryKey`).
 */
function candidates(values: readonly (JsonValue | undefined)[]): { value: JsonValue; whole: boolean }[] {
  const found = commonest(values.filter((value): value is JsonValue => value !== undefined))
    .filter(({ count }) => count >= 2)
    .map(({ value }) => ({ value, whole: true }));
  const objects = values.filter(isJsonObject);
  for (const deep of [false, true]) {
    const shared = sharedMembers(objects, deep);
    const text = toCanonicalJson(shared);
    if (shared.size > 0 && !found.some(({ value }) => toCanonicalJson(value) === text))
      found.push({ value: shared, whole: false });
  }
  return found;
}

/** The distinct values, each with how many of `values` it is, most first. */
function commonest(values: readonly JsonValue[]): { value: JsonValue; count: number }[] {
  const byText = new Map<string, { value: JsonValue; count: number }>();
  for (const value of values) {
    const text = toCanonicalJson(value);
    byText.set(text, { value, count: (byText.get(text)?.count ?? 0) + 1 });
  }
  return [...byText.values()].sort((a, b) => b.count - a.count);
}

/**
 * The members worth stating once for `objects`: each the value most of them give it, where that
 * saves bytes (stated once instead of once per object having it; each object without the member
 * then states a null). `deep`: a member that is an object in at least two of them is itself their
 * shared members.
 */
function sharedMembers(objects: readonly JsonObject[], deep: boolean): JsonObject {
  const shared = new JsonObject();
  if (objects.length < 2) return shared;
  const keys = [...new Set(objects.flatMap((object) => [...object.keys()]))];
  for (const key of keys) {
    const having = objects.filter((object) => object.has(key)).map((object) => object.get(key)!);
    const lacking = objects.length - having.length;
    const inner = having.filter(isJsonObject);
    if (deep && inner.length >= 2) {
      const members = sharedMembers(inner, true);
      const saved = (inner.length - 1) * entrySize(key, members) - lacking * entrySize(key, null);
      if (members.size > 0 && saved > 0) shared.set(key, members);
      continue;
    }
    const top = commonest(having)[0]!;
    const saved = (top.count - 1) * entrySize(key, top.value) - lacking * entrySize(key, null);
    if (top.count >= 2 && saved > 0) shared.set(key, top.value);
  }
  return shared;
}

/**
 * connector.json's datatypes with the option values several datatypes of one pattern share moved
 * into `datatypeDefaults.<pattern>.options` where that makes connector.json smaller, and the
 * defaults; the build merges them back (each datatype's own options over its pattern's defaults), so
 * every datatype renders as before. Pure: takes the composed value, returns a new one.
 */
export function hoistDatatypeDefaults(
  datatypes: JsonObject,
  patterns: readonly DatatypePattern[],
): { datatypes: JsonObject; defaults?: JsonObject } {
  const result = new JsonObject(
    [...datatypes].map(([name, d]) => [name, isJsonObject(d) ? new JsonObject(d) : d]),
  );
  const defaults = new JsonObject();
  for (const pattern of patterns) {
    const names = [...result].filter(([, d]) => rendersOwnPipes(d, pattern.name)).map(([name]) => name);
    if (names.length < 2 || Object.keys(pattern.options).length === 0) continue;
    const optionsOf = (name: string): JsonObject => {
      const datatype = result.get(name) as JsonObject;
      const options = datatype.get('options');
      return isJsonObject(options) ? options : new JsonObject();
    };
    const members = names.map((name) => new JsonObject(optionsOf(name)));
    const hoisted = new JsonObject();
    const keys = [...new Set(members.flatMap((options) => [...options.keys()]))];
    for (const option of keys) {
      const given = pattern.options[option]?.default;
      const patternDefault = given === undefined ? undefined : parseJson(JSON.stringify(given));
      const schema = pattern.options[option]?.schema ?? {};
      const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
      const values = members.map((options) => options.get(option));
      const choice = bestDefault(option, values, patternDefault, optionValidator(pattern, option), required);
      if (choice === undefined) continue;
      hoisted.set(option, choice.value);
      members.forEach((options, index) => {
        const residual = choice.residuals[index];
        if (residual === undefined) options.delete(option);
        else options.set(option, residual as JsonValue);
      });
    }
    if (hoisted.size === 0) continue;
    defaults.set(pattern.name, new JsonObject([['options', hoisted]]));
    names.forEach((name, index) => {
      const datatype = result.get(name) as JsonObject;
      const options = members[index]!;
      const entries = [...datatype].filter(([key]) => key !== 'options');
      const at = [...datatype.keys()].indexOf('options');
      const position = at === -1 ? 1 : at;
      if (options.size > 0) entries.splice(position, 0, ['options', options]);
      result.set(name, new JsonObject(entries));
    });
  }
  return defaults.size > 0 ? { datatypes: result, defaults } : { datatypes: result };
}
