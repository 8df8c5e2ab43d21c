import type { DatatypePattern } from '@sesam-connectors/template-pack';
import {
  isJsonObject,
  JsonObject,
  parseJson,
  toCanonicalJson,
  toJsonText,
  type JsonValue,
} from '../../../lib/json';

/** What `hoistDatatypeDefaults` gives: the datatypes and, when worth it, `datatypeDefaults`. */
export interface Hoisted {
  readonly datatypes: JsonObject;
  readonly defaults?: JsonObject;
}

type Hoist = (datatypes: JsonObject, patterns: readonly DatatypePattern[]) => Hoisted;

const asJson = (value: unknown): JsonValue => parseJson(JSON.stringify(value));

const size = ({ datatypes, defaults }: Hoisted): number =>
  toJsonText(datatypes, { compact: true }).length +
  (defaults === undefined ? 0 : toJsonText(defaults, { compact: true }).length);

/** The pattern as the hoisting sees it under a preset: the preset's values are its defaults. */
const underPreset = (
  pattern: DatatypePattern,
  values: { readonly [option: string]: unknown },
): DatatypePattern => ({
  ...pattern,
  options: Object.fromEntries(
    Object.entries(pattern.options).map(([name, option]) =>
      Object.prototype.hasOwnProperty.call(values, name)
        ? [name, { ...option, default: values[name] }]
        : [name, option],
    ),
  ),
});

/**
 * Each datatype of `pattern` that renders its own pipes with its options restated against the
 * preset: an option equal to the preset's value is left out, and one the datatype took from the
 * pattern's default (it had none) where the preset says otherwise is written out as that default.
 */
function restate(
  datatypes: JsonObject,
  pattern: DatatypePattern,
  values: { readonly [option: string]: unknown },
): JsonObject {
  return new JsonObject(
    [...datatypes].map(([name, datatype]) => {
      if (!isJsonObject(datatype) || datatype.get('pattern') !== pattern.name || datatype.has('reuse'))
        return [name, datatype];
      const given = datatype.get('options');
      const options = new JsonObject(isJsonObject(given) ? given : []);
      for (const [option, value] of Object.entries(values)) {
        const own = options.get(option);
        const effective = own ?? asJson(pattern.options[option]?.default);
        if (toCanonicalJson(effective) === toCanonicalJson(asJson(value))) options.delete(option);
        else if (own === undefined) options.set(option, effective);
      }
      const entries = [...datatype].filter(([key]) => key !== 'options');
      const at = [...datatype.keys()].indexOf('options');
      if (options.size > 0) entries.splice(at === -1 ? 1 : at, 0, ['options', options]);
      return [name, new JsonObject(entries)];
    }),
  );
}

/**
 * The datatypes' shared option values said once (`hoist`), and a pattern's preset
 * (`datatypeDefaults.<pattern>.preset`) where starting from it makes connector.json smaller than
 * starting from the pattern's defaults: tried for each preset of each pattern in turn, each kept
 * only when it saves bytes. The build merges the preset under datatypeDefaults' options and the
 * datatype's own, so every datatype renders as before.
 */
export function hoistWithPresets(
  datatypes: JsonObject,
  patterns: readonly DatatypePattern[],
  hoist: Hoist,
): Hoisted {
  let kept = { input: datatypes, patterns, presets: new Map<string, string>() };
  let best = hoist(datatypes, patterns);
  for (const pattern of patterns) {
    const before = kept;
    for (const [preset, { options: values }] of Object.entries(pattern.presets ?? {})) {
      const input = restate(before.input, pattern, values);
      const applied = before.patterns.map((p) => (p.name === pattern.name ? underPreset(p, values) : p));
      const presets = new Map([...before.presets, [pattern.name, preset]]);
      const tried = hoist(input, applied);
      const candidate = { datatypes: tried.datatypes, defaults: withPresets(tried.defaults, presets) };
      if (size(candidate) < size(best)) {
        best = candidate;
        kept = { input, patterns: applied, presets };
      }
    }
  }
  return best.defaults === undefined
    ? { datatypes: best.datatypes }
    : { datatypes: best.datatypes, defaults: best.defaults };
}

/** `datatypeDefaults` with `preset` first in each pattern's entry that has one. */
function withPresets(
  defaults: JsonObject | undefined,
  presets: ReadonlyMap<string, string>,
): JsonObject | undefined {
  if (presets.size === 0) return defaults;
  const result = new JsonObject(defaults ?? []);
  for (const [pattern, preset] of presets) {
    const entry = result.get(pattern);
    result.set(pattern, new JsonObject([['preset', preset], ...(isJsonObject(entry) ? entry : [])]));
  }
  return result;
}
