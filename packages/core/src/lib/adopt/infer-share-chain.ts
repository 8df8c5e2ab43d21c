import { isJsonObject, toCanonicalJson, type JsonObject, type JsonValue } from '../json';
import { at, member, objectOf, transformsOf } from './json-access';

/**
 * A `-share` pipe that writes `transform-share-rest` out (option `shareForm`): the pattern's
 * `chained` or `steps` form, found by its rest lookup step (`trigger_on` `$operation` = `lookup`)
 * right after the decision DTL. What comes before the decision DTL is the datatype's own
 * (`shareRules`, `shareFirstTransforms`); the steps themselves differ from the pack's by patches.
 */
export interface WrittenOutShare {
  readonly form: 'chained' | 'steps';
  /** The transforms the written-out steps are part of (the `chained` transform's, or the pipe's). */
  readonly transforms: readonly JsonValue[];
  /** Index of the decision DTL in `transforms`. */
  readonly start: number;
}

const isLookupStep = (transform: JsonValue | undefined): boolean =>
  isJsonObject(transform) &&
  transform.get('type') === 'rest' &&
  at(transform, 'trigger_on', 'key') === '$operation' &&
  at(transform, 'trigger_on', 'value') === 'lookup';

const isDtl = (transform: JsonValue | undefined): transform is JsonObject =>
  isJsonObject(transform) && transform.get('type') === 'dtl' && isJsonObject(transform.get('rules'));

/** The index of the decision DTL among `transforms`: the DTL before the last rest lookup on `$operation`. */
const decisionIndex = (transforms: readonly JsonValue[]): number => {
  for (let index = transforms.length - 1; index > 0; index--)
    if (isLookupStep(transforms[index]) && isDtl(transforms[index - 1])) return index - 1;
  return -1;
};

/** The written-out share of a pipe, or undefined when it has none. */
export function writtenOutShareOf(share: JsonObject | undefined): WrittenOutShare | undefined {
  if (share === undefined) return undefined;
  const own = transformsOf(share);
  const only = own.length === 1 ? own[0] : undefined;
  if (isJsonObject(only) && only.get('type') === 'chained' && Array.isArray(only.get('transforms'))) {
    const transforms = only.get('transforms') as JsonValue[];
    const start = decisionIndex(transforms);
    return start < 0 ? undefined : { form: 'chained', transforms, start };
  }
  const start = decisionIndex(own);
  return start < 0 ? undefined : { form: 'steps', transforms: own, start };
}

/** The primary key the decision DTL copies first (`["copy", ["literal", <key>]]`), unless it is `id`. */
export function writtenOutPrimaryKeyOf(share: JsonObject | undefined): string | undefined {
  const chain = writtenOutShareOf(share);
  if (chain === undefined) return undefined;
  const first = member(member(chain.transforms[chain.start], 'rules'), 'default');
  const rule = Array.isArray(first) ? first[0] : undefined;
  if (!Array.isArray(rule) || rule[0] !== 'copy' || !Array.isArray(rule[1])) return undefined;
  const [fn, key] = rule[1];
  return fn === 'literal' && typeof key === 'string' && key !== '' && key !== 'id' ? key : undefined;
}

/** Keys of the pack's rest steps that depend on the step (never taken as `shareStepKeys`). */
const PER_STEP_KEYS = new Set(['type', 'trigger_on', 'operation', 'side_effects']);

/** What the pack's rest steps set alike (see `restStep` in the pack's share-chain). */
const PACK_STEP_KEYS: ReadonlyMap<string, string> = new Map([
  ['allowed_status_codes', '"100-428,430-599"'],
  ['replace_entity', 'false'],
  ['response_property', '"response_body"'],
  ['response_status_property', '"response_status"'],
  ['system', '"{{@ system @}}"'],
]);

/**
 * `shareStepKeys`: the keys all the chain's rest steps on `$operation` (lookup and the writes) set
 * alike where the pack's steps set something else or nothing; undefined when there is none.
 */
export function stepKeysOf(chain: WrittenOutShare): JsonObject | undefined {
  const steps = chain.transforms
    .slice(chain.start)
    .filter(
      (t): t is JsonObject =>
        isJsonObject(t) && t.get('type') === 'rest' && at(t, 'trigger_on', 'key') === '$operation',
    );
  if (steps.length === 0) return undefined;
  const common = [...steps[0]!].filter(
    ([key, value]) =>
      !PER_STEP_KEYS.has(key) &&
      PACK_STEP_KEYS.get(key) !== toCanonicalJson(value) &&
      steps.every((step) => step.has(key) && toCanonicalJson(step.get(key)!) === toCanonicalJson(value)),
  );
  return common.length > 0 ? objectOf(common) : undefined;
}

/**
 * `shareStepsEdition`: `early` when the decision DTL has none of the rules the current expansion
 * added (`discard-by-connector`, `discard-partial-natural-key`, `rewrite_update_payload`).
 */
export function stepsEditionOf(chain: WrittenOutShare): string | undefined {
  const rules = member(chain.transforms[chain.start], 'rules');
  const added = ['discard-by-connector', 'discard-partial-natural-key', 'rewrite_update_payload'];
  return isJsonObject(rules) && added.every((rule) => !rules.has(rule)) ? 'early' : undefined;
}
