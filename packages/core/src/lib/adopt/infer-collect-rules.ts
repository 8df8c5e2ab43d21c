import { isJsonObject, toCanonicalJson, type JsonObject, type JsonValue } from '../json';
import { member, objectOf, transformsOf } from './json-access';

/**
 * The options that say `-collect`'s DTL: `copyAll` and `lastModified` where the rules are the
 * pattern's own, `collectRules` (the datatype's own rules) where they are not, and
 * `collectRulesFirst` where the DTL comes before `transform-collect-rest` instead of after it.
 */

const COPY_ALL = toCanonicalJson(['copy', '*']);

/** `lastModified` from a `["add", "$last-modified", ["datetime-parse", format, "_S.<property>"]]` rule. */
const lastModifiedOf = (rule: JsonValue | undefined): JsonObject | undefined => {
  if (!Array.isArray(rule) || rule[0] !== 'add' || rule[1] !== '$last-modified' || rule.length !== 3)
    return undefined;
  const parse = rule[2];
  if (!Array.isArray(parse) || parse.length !== 3 || parse[0] !== 'datetime-parse') return undefined;
  const [, format, from] = parse;
  if (typeof format !== 'string' || format === '' || typeof from !== 'string' || !from.startsWith('_S.'))
    return undefined;
  if (from.length === 3) return undefined;
  return objectOf([
    ['property', from.slice(3)],
    ['format', format],
  ]);
};

/** copyAll / lastModified when the rules are exactly what the pattern renders for them, else undefined. */
const patternRules = (rules: JsonObject): [string, JsonValue | undefined][] | undefined => {
  const list = rules.get('default');
  if (rules.size !== 1 || !Array.isArray(list)) return undefined;
  if (list.length === 1 && toCanonicalJson(list[0]!) === COPY_ALL) return [];
  if (list.length !== 2 || toCanonicalJson(list[0]!) !== COPY_ALL) return undefined;
  const lastModified = lastModifiedOf(list[1]);
  return lastModified === undefined ? undefined : [['lastModified', lastModified]];
};

/** The DTL the pattern's rules stand for: the one next to `transform-collect-rest` (after it first), else the only one. */
const collectDtl = (transforms: JsonValue[]): { dtl?: JsonObject; first: boolean; start: number } => {
  const isDtl = (t: JsonValue | undefined): t is JsonObject =>
    isJsonObject(t) && t.get('type') === 'dtl' && t.size === 2 && isJsonObject(t.get('rules'));
  const template = transforms.findIndex(
    (t) => isJsonObject(t) && t.get('template') === 'transform-collect-rest',
  );
  if (template >= 0) {
    if (isDtl(transforms[template + 1]))
      return { dtl: transforms[template + 1] as JsonObject, first: false, start: template };
    if (isDtl(transforms[template - 1]))
      return { dtl: transforms[template - 1] as JsonObject, first: true, start: template - 1 };
    return { first: false, start: template };
  }
  const dtls = transforms.filter(isDtl);
  const dtl = dtls.length === 1 ? dtls[0] : undefined;
  const start = dtl !== undefined ? transforms.indexOf(dtl) : dtls.length === 0 ? transforms.length : 0;
  return { dtl, first: false, start };
};

/** `collectFirstTransforms`: what `-collect` runs before the pattern's own transforms, when it runs anything. */
const firstTransforms = (transforms: JsonValue[], start: number): JsonValue | undefined =>
  start > 0 && transforms.slice(0, start).every(isJsonObject) ? transforms.slice(0, start) : undefined;

/** copyAll, lastModified, collectRules and collectRulesFirst from `-collect`'s transforms. */
export function collectRulesOptions(collect: JsonObject): [string, JsonValue | undefined][] {
  const transforms = transformsOf(collect);
  const { dtl, first, start } = collectDtl(transforms);
  const before: [string, JsonValue | undefined] = [
    'collectFirstTransforms',
    firstTransforms(transforms, start),
  ];
  if (dtl === undefined) {
    const any = transforms.some((t) => member(t, 'type') === 'dtl');
    return [['copyAll', any ? undefined : false], before];
  }
  const rules = dtl.get('rules') as JsonObject;
  const own = patternRules(rules);
  return [
    ...(own ?? [['collectRules', rules] as [string, JsonValue]]),
    ['collectRulesFirst', first ? true : undefined],
    before,
  ];
}
