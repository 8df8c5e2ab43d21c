import { SHARE_OPERATION_ROLES } from '@sesam-connectors/template-pack';
import { isJsonObject, toCanonicalJson, type JsonObject, type JsonValue } from '../json';
import { at, extraProperties, member, objectOf, positiveInteger, transformsOf, without } from './json-access';
import { stepKeysOf, stepsEditionOf, writtenOutPrimaryKeyOf, writtenOutShareOf } from './infer-share-chain';
import { identifiersOfPipe, primaryKeyOf } from './pipe-keys';
import { DATATYPE_PLACEHOLDER } from './source-pipes';

/**
 * The `-share` options that say how a real share pipe calls `transform-share-rest`: which
 * operations it names, the keys of the transform itself, and the datatype's own DTL before it.
 * Each is left out where the pipe has the pattern's default.
 */

/** The `transform-share-rest` transform of a pipe, with its index among the pipe's transforms. */
export const shareRestOf = (share: JsonObject | undefined): { template?: JsonObject; index: number } => {
  const transforms = share === undefined ? [] : transformsOf(share);
  const index = transforms.findIndex((t) => isJsonObject(t) && t.get('template') === 'transform-share-rest');
  return { template: index < 0 ? undefined : (transforms[index] as JsonObject), index };
};

/**
 * `shareOperations`: undefined when the template names all four `{{@ datatype @}}-<role>`
 * operations, false when it names none of them, else the roles it names so. An `operation_<role>`
 * with another name is an extra template property (see `shareOwnKeys`).
 */
export const shareOperationsOf = (template: JsonObject | undefined): JsonValue | undefined => {
  const properties = member(template, 'properties');
  if (!isJsonObject(properties)) return undefined;
  const named = SHARE_OPERATION_ROLES.filter(
    (role) => properties.get(`operation_${role}`) === `${DATATYPE_PLACEHOLDER}-${role}`,
  );
  if (named.length === SHARE_OPERATION_ROLES.length) return undefined;
  return named.length === 0 ? false : named;
};

/** The template properties `shareOperations` (as inferred) and the pattern set themselves. */
export const shareOwnKeys = (operations: JsonValue | undefined): string[] => [
  'primary_key',
  'rest_system',
  'share_dataset',
  ...SHARE_OPERATION_ROLES.filter(
    (role) => operations === undefined || (Array.isArray(operations) && operations.includes(role)),
  ).map((role) => `operation_${role}`),
];

/** `shareTransformKeys`: keys of the `transform-share-rest` transform beside type, template, properties. */
const transformKeysOf = (template: JsonObject | undefined): JsonObject | undefined => {
  if (template === undefined) return undefined;
  const rest = without(template, new Set(['type', 'template', 'properties']));
  return rest.size > 0 ? rest : undefined;
};

/** Shopify's payload wrapping, as the pattern renders it for `sharePayloadKey`. */
const payloadRules = (key: string): string =>
  toCanonicalJson(
    objectOf([
      [
        'default',
        [
          ['copy', '*', ['list', '_*', '$*']],
          ['add', '$payload', ['dict', key, '_T.']],
          ['copy', '*'],
        ],
      ],
    ]),
  );

/** The share DTL's `["add", "$payload", ["dict", <key>, "_T."]]` key. */
const payloadKeyOf = (rules: JsonValue | undefined): string | undefined => {
  const list = member(rules, 'default');
  for (const rule of Array.isArray(list) ? list : []) {
    if (!Array.isArray(rule) || rule[0] !== 'add' || rule[1] !== '$payload' || !Array.isArray(rule[2]))
      continue;
    const [fn, key, from] = rule[2];
    if (fn === 'dict' && typeof key === 'string' && from === '_T.') return key;
  }
  return undefined;
};

/**
 * `sharePayloadKey` when the DTL right before `transforms[index]` is exactly the pattern's payload
 * wrapping, else `shareRules` (that DTL's rules, the datatype's own mapping). A DTL with keys beside
 * `type` and `rules` is left to a patch.
 */
const shareDtlOf = (
  transforms: readonly JsonValue[],
  index: number,
): { sharePayloadKey?: string; shareRules?: JsonObject } => {
  const before = index > 0 ? transforms[index - 1] : undefined;
  if (!isJsonObject(before) || before.get('type') !== 'dtl' || before.size !== 2) return {};
  const rules = before.get('rules');
  if (!isJsonObject(rules) || !Array.isArray(rules.get('default'))) return {};
  const key = payloadKeyOf(rules);
  if (key !== undefined && payloadRules(key) === toCanonicalJson(rules)) return { sharePayloadKey: key };
  return { shareRules: rules };
};

/** shareFirstTransforms, sharePayloadKey and shareRules: the datatype's own transforms before `transforms[index]`. */
const ownTransformOptions = (
  transforms: readonly JsonValue[],
  index: number,
): [string, JsonValue | undefined][] => {
  const dtl = shareDtlOf(transforms, index);
  const start = dtl.sharePayloadKey !== undefined || dtl.shareRules !== undefined ? index - 1 : index;
  const first = transforms.slice(0, Math.max(start, 0));
  return [
    ['shareFirstTransforms', first.length > 0 && first.every(isJsonObject) ? first : undefined],
    ['sharePayloadKey', dtl.sharePayloadKey],
    ['shareRules', dtl.shareRules],
  ];
};

/**
 * Options of `-share`'s transforms: shareOperations, shareTransformKeys and the datatype's own
 * transforms before `transform-share-rest`; or, where the pipe writes that template out, shareForm,
 * shareStepKeys and the datatype's own transforms before the decision DTL.
 */
function shareTransformOptions(share: JsonObject | undefined): [string, JsonValue | undefined][] {
  if (share === undefined) return [];
  const { template, index } = shareRestOf(share);
  const written = template === undefined ? writtenOutShareOf(share) : undefined;
  if (written !== undefined)
    return [
      ['shareForm', written.form],
      ['shareStepKeys', stepKeysOf(written)],
      ['shareStepsEdition', stepsEditionOf(written)],
      ...ownTransformOptions(written.transforms, written.start),
    ];
  return [
    ...(template === undefined ? [] : ownTransformOptions(transformsOf(share), index)),
    ['shareOperations', shareOperationsOf(template)],
    ['shareTransformKeys', transformKeysOf(template)],
  ];
}

/** The `-share` options of the `collect` and `webhook` patterns that only the share pipe shows. */
export function sharePipeOptions(share: JsonObject | undefined): [string, JsonValue | undefined][] {
  if (share === undefined) return [];
  const template = shareRestOf(share).template;
  return [
    ['shareTemplateProperties', extraProperties(template, shareOwnKeys(shareOperationsOf(template)))],
    ['shareDeletionTracking', at(share, 'sink', 'deletion_tracking') !== false ? true : undefined],
    ['shareExcludeCompleteness', share.has('exclude_completeness') ? true : undefined],
    ['shareKeepVersions', positiveInteger(at(share, 'compaction', 'keep_versions'))],
    ...shareTransformOptions(share),
  ];
}

/**
 * Options of the `share` pattern (a datatype with `-share` alone): its identifiers, primary key and
 * transform form read from that one pipe, and the share pipe's own options.
 */
export function shareOnlyOptions(share: JsonObject | undefined): [string, JsonValue | undefined][] {
  if (share === undefined) return [];
  const identifiers = identifiersOfPipe(share);
  return [
    ['identifiers', identifiers === 'namespaced_identifiers' ? undefined : identifiers],
    ['primaryKey', primaryKeyOf(shareRestOf(share).template) ?? writtenOutPrimaryKeyOf(share)],
    ['transformForm', isJsonObject(share.get('transform')) ? 'object' : undefined],
    ...sharePipeOptions(share),
  ];
}
