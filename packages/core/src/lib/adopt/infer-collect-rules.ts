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
const collectDtl = (transforms: JsonValue[]): { dtl?: JsonObject; first: boolean } => {
  const isDtl = (t: JsonValue | undefined): t is JsonObject =>
    isJsonObject(t) && t.get('type') === 'dtl' && t.size === 2 && isJsonObject(t.get('rules'));
  const template = transforms.findIndex(
    (t) => isJsonObject(t) && t.get('template') === 'transform-collect-rest',
  );
  if (template >= 0) {
    if (isDtl(transforms[template + 1])) return { dtl: transforms[template + 1] as JsonObject, first: false };
    if (isDtl(transforms[template - 1])) return { dtl: transforms[template - 1] as JsonObject, first: true };
    return { first: false };
  }
  const dtls = transforms.filter(isDtl);
  return { dtl: dtls.length === 1 ? dtls[0] : undefined, first: false };
};

/** copyAll, lastModified, collectRules and collectRulesFirst from `-collect`'s transforms. */
export function collectRulesOptions(collect: JsonObject): [string, JsonValue | undefined][] {
  const { dtl, first } = collectDtl(transformsOf(collect));
  if (dtl === undefined) {
    const any = transformsOf(collect).some((t) => member(t, 'type') === 'dtl');
    return [['copyAll', any ? undefined : false]];
  }
  const rules = dtl.get('rules') as JsonObject;
  const own = patternRules(rules);
  return [
    ...(own ?? [['collectRules', rules] as [string, JsonValue]]),
    ['collectRulesFirst', first ? true : undefined],
  ];
}
