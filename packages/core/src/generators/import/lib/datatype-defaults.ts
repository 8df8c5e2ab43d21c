import type { DatatypePattern } from '@sesam-connectors/template-pack';
import {
  isJsonObject,
  JsonObject,
  parseJson,
  toCanonicalJson,
  toJsonText,
  type JsonValue,
} from '../../../lib/json';

/** The bytes `"key":value,` takes in minified connector.json. */
export const entrySize = (key: string, value: JsonValue): number =>
  JSON.stringify(key).length + toJsonText(value, { compact: true }).length + 2;

/** A datatype of connector.json that renders its own pipes on `pattern` (not raw, not a reuse). */
const rendersOwnPipes = (datatype: JsonValue | undefined, pattern: string): datatype is JsonObject =>
  isJsonObject(datatype) && datatype.get('pattern') === pattern && !datatype.has('reuse');

interface Choice {
  value: JsonValue;
  saved: number;
}

/**
 * The value of `option` worth stating once for every datatype of the pattern, or undefined. Stating
 * it saves its entry in each datatype that has it and costs one entry in the defaults; a datatype
 * without the option must then state the pattern's own default (an option with no default cannot
 * be hoisted past such a datatype: it would get the value instead of nothing).
 */
function bestDefault(
  option: string,
  members: readonly JsonObject[],
  patternDefault: JsonValue | undefined,
): Choice | undefined {
  const byValue = new Map<string, { value: JsonValue; count: number }>();
  let lacking = 0;
  for (const options of members) {
    if (!options.has(option)) {
      lacking += 1;
      continue;
    }
    const value = options.get(option)!;
    const text = toCanonicalJson(value);
    const seen = byValue.get(text);
    byValue.set(text, { value, count: (seen?.count ?? 0) + 1 });
  }
  if (lacking > 0 && patternDefault === undefined) return undefined;
  let best: Choice | undefined;
  for (const { value, count } of byValue.values()) {
    if (count < 2) continue;
    const restate = lacking > 0 ? lacking * entrySize(option, patternDefault!) : 0;
    const saved = (count - 1) * entrySize(option, value) - restate;
    if (saved > 0 && (best === undefined || saved > best.saved)) best = { value, saved };
  }
  return best;
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
      const choice = bestDefault(option, members, patternDefault);
      if (choice === undefined) continue;
      const text = toCanonicalJson(choice.value);
      hoisted.set(option, choice.value);
      for (const options of members) {
        if (!options.has(option)) options.set(option, patternDefault!);
        else if (toCanonicalJson(options.get(option)!) === text) options.delete(option);
      }
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
