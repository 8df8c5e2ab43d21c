import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { at, extraProperties, member, objectOf, positiveInteger, transformsOf, without } from './json-access';
import { collectRulesOptions } from './infer-collect-rules';
import { shareOnlyOptions, sharePipeOptions } from './infer-share-options';
import { writtenOutPrimaryKeyOf } from './infer-share-chain';
import { identifiersOfPipe, primaryKeyOf } from './pipe-keys';
import { registryOptions, webhookOptions } from './infer-webhook-options';
import { DATATYPE_PLACEHOLDER, SYSTEM_PLACEHOLDER } from './source-pipes';

/**
 * Options of the pack's patterns read from a datatype's real pipes (by role). Each reads what the
 * pipe shows and leaves an option out where the pipe has the pattern's default, so connector.json
 * stays short; what an option cannot say is left to the datatype's patches.
 */
export type Pipes = ReadonlyMap<string, JsonObject>;

const DEFAULT_LIST_OPERATION = `${DATATYPE_PLACEHOLDER}-list`;
const REST_SOURCE_OWN = new Set(['type', 'system', 'operation']);

/** The `identifiers` most of the pipes use (ties: the first pipe's); undefined for the default. */
const identifiersOf = (pipes: Pipes): string | undefined => {
  const counts = new Map<string, number>();
  for (const pipe of pipes.values()) {
    const kind = identifiersOfPipe(pipe);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const [kind] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  return kind === 'namespaced_identifiers' ? undefined : kind;
};

/** `shareIdentifiers` / `collectIdentifiers` when the pipe turns namespacing off otherwise than the datatype's other pipes. */
const pipeIdentifiersOf = (pipe: JsonObject | undefined, chosen: string | undefined): string | undefined => {
  if (pipe === undefined) return undefined;
  const own = identifiersOfPipe(pipe);
  return own === (chosen ?? 'namespaced_identifiers') ? undefined : own;
};

const ROLE_PREFIX = `${SYSTEM_PLACEHOLDER}-${DATATYPE_PLACEHOLDER}-`;

/** The roles of a list of the datatype's own dataset ids, or undefined when one is another's. */
const rolesOf = (value: JsonValue | undefined): string[] | undefined => {
  if (!Array.isArray(value)) return undefined;
  const roles = value.map((id) =>
    typeof id === 'string' && id.startsWith(ROLE_PREFIX) ? id.slice(ROLE_PREFIX.length) : undefined,
  );
  return roles.every((role): role is string => role !== undefined && /^[a-z0-9][a-z0-9-]*$/.test(role))
    ? roles
    : undefined;
};

/** The role (or merged roles) whose dataset `-collect` reads, `api` when it reads the API, undefined when unknown. */
const collectSourceOf = (collect: JsonObject): string | string[] | undefined => {
  const source = collect.get('source');
  if (member(source, 'type') === 'rest') return 'api';
  if (member(source, 'type') === 'merge_datasets') {
    const roles = rolesOf(member(source, 'datasets'));
    return roles !== undefined && roles.length >= 2 ? roles : undefined;
  }
  const roles = rolesOf([member(source, 'dataset') ?? null]);
  if (member(source, 'type') !== 'dataset') return undefined;
  return roles?.[0] ?? (parentOf(collect) !== undefined ? 'parent' : undefined);
};

/**
 * `transformForm` from the pipes whose one transform shows a form (a list of one, or the object):
 * undefined when none writes the object, `object` when none writes a list of one, else the roles
 * that write the object.
 */
const transformFormOf = (pipes: [string, JsonObject | undefined][]): JsonValue | undefined => {
  const forms = pipes.flatMap(([role, pipe]): [string, string][] => {
    const transform = pipe?.get('transform');
    if (isJsonObject(transform)) return [[role, 'object']];
    return Array.isArray(transform) && transform.length === 1 ? [[role, 'list']] : [];
  });
  const objects = forms.filter(([, form]) => form === 'object');
  if (objects.length === 0) return undefined;
  if (objects.length === forms.length) return 'object';
  return objectOf(objects);
};

/** Whether `-all2` emits the children of `-all`'s entities (option `emitChildren`): its source and its one transform. */
const childrenOf = (all2: JsonObject | undefined): boolean => {
  const source = all2?.get('source');
  const transforms = all2 === undefined ? [] : transformsOf(all2);
  return (
    isJsonObject(source) &&
    source.size === 2 &&
    source.get('type') === 'dataset' &&
    source.get('dataset') === `${SYSTEM_PLACEHOLDER}-${DATATYPE_PLACEHOLDER}-all` &&
    transforms.length === 1 &&
    isJsonObject(transforms[0]) &&
    transforms[0].size === 1 &&
    transforms[0].get('type') === 'emit_children'
  );
};

/** `parent` when the pipe (`-all`, or `-collect` with `collectSource: parent`) reads another datatype's `-collect` dataset and nothing else. */
const parentOf = (pipe: JsonObject | undefined): string | undefined => {
  const source = pipe?.get('source');
  if (!isJsonObject(source) || source.size !== 2 || source.get('type') !== 'dataset') return undefined;
  const dataset = source.get('dataset');
  const prefix = `${SYSTEM_PLACEHOLDER}-`;
  if (typeof dataset !== 'string' || !dataset.startsWith(prefix) || !dataset.endsWith('-collect'))
    return undefined;
  const parent = dataset.slice(prefix.length, -'-collect'.length);
  return parent !== '' ? parent : undefined;
};

/** `excludeCompleteness` as a list of roles when it is not the pattern's default list (undefined: the default). */
const excludedOf = (collect: JsonObject, defaults: readonly string[]): JsonValue | undefined => {
  if (!collect.has('exclude_completeness')) return false;
  const roles = rolesOf(collect.get('exclude_completeness'));
  if (roles === undefined || roles.join(',') === defaults.join(',')) return undefined;
  return roles;
};

/** sourceType, supportsSince, trace, listOperation and sourceProperties from the source that reads the API. */
const restSourceOptions = (source: JsonValue | undefined): [string, JsonValue | undefined][] => {
  if (!isJsonObject(source) || typeof source.get('type') !== 'string') return [];
  const type = source.get('type') as string;
  if (type !== 'rest') {
    if (source.get('system') !== SYSTEM_PLACEHOLDER || source.has('operation')) return [];
    const rest = without(source, new Set(['type', 'system']));
    return [
      ['sourceType', type],
      ['sourceProperties', rest.size > 0 ? rest : undefined],
    ];
  }
  const own = new Set(REST_SOURCE_OWN);
  const since = source.get('supports_since') === true;
  const trace = source.get('trace') === true;
  if (since) own.add('supports_since');
  if (trace) own.add('trace');
  const rest = without(source, own);
  const operation = source.get('operation');
  return [
    ['supportsSince', since ? true : undefined],
    ['trace', trace ? true : undefined],
    [
      'listOperation',
      typeof operation === 'string' && operation !== DEFAULT_LIST_OPERATION ? operation : undefined,
    ],
    ['sourceProperties', rest.size > 0 ? rest : undefined],
  ];
};

const COLLECT_TEMPLATE_KEYS: [string, string[]][] = [
  ['verified-deletes', ['operation_lookup_delete', 'primary_key', 'rest_system', 'share_dataset']],
  ['share-dataset', ['primary_key', 'share_dataset']],
  ['primary-key', ['primary_key']],
];

const templateTransform = (pipe: JsonObject | undefined, name: string): JsonObject | undefined =>
  pipe === undefined
    ? undefined
    : (transformsOf(pipe).find((t) => isJsonObject(t) && t.get('template') === name) as
        JsonObject | undefined);

const collectTemplateOf = (template: JsonObject | undefined): string | undefined => {
  if (template === undefined) return 'none';
  const properties = member(template, 'properties');
  const keys = isJsonObject(properties) ? [...properties.keys()].sort().join(',') : '';
  const match = COLLECT_TEMPLATE_KEYS.find(([, expected]) => expected.join(',') === keys);
  const name = match?.[0] ?? 'share-dataset';
  return name === 'verified-deletes' ? undefined : name;
};

/** Options of the `collect` and `webhook` patterns' `-all`, `-collect` and `-share` pipes. */
function collectFamilyOptions(
  pipes: Pipes,
  pattern: 'collect' | 'webhook',
): [string, JsonValue | undefined][] {
  const collect = pipes.get('collect');
  if (collect === undefined) return [];
  const all = pipes.get('all');
  const share = pipes.get('share');
  const collectRest = templateTransform(collect, 'transform-collect-rest');
  const shareRest = templateTransform(share, 'transform-share-rest');
  const inferred = collectSourceOf(collect);
  const from: string | string[] =
    pattern === 'collect'
      ? (inferred ?? (all === undefined ? 'api' : 'all'))
      : Array.isArray(inferred)
        ? inferred
        : ['all', 'event2'];
  const reader = from === 'api' ? collect : all;
  const mergesAll = Array.isArray(from) ? from.includes('all') : from === 'all';
  const collectTemplate = collectTemplateOf(collectRest);
  const templateKeys =
    COLLECT_TEMPLATE_KEYS.find(([name]) => name === (collectTemplate ?? 'verified-deletes'))?.[1] ?? [];
  const schedule = positiveInteger(at(reader, 'pump', 'schedule_interval'));
  const cron = at(reader, 'pump', 'cron_expression');
  const emitsChildren = all !== undefined && childrenOf(pipes.get('all2'));
  return [
    ['identifiers', identifiersOf(pipes)],
    ...(pattern === 'collect'
      ? ([
          ['collectSource', from === 'all' ? undefined : from],
          ['emitChildren', emitsChildren ? true : undefined],
          [
            'allPipe',
            !mergesAll && all !== undefined && !emitsChildren
              ? true
              : mergesAll && all === undefined
                ? false
                : undefined,
          ],
          ['parent', from === 'parent' ? parentOf(collect) : parentOf(all)],
          ['allTransform', all?.get('transform')],
        ] as [string, JsonValue | undefined][])
      : ([['collectSource', (from as string[]).join(',') === 'all,event2' ? undefined : from]] as [
          string,
          JsonValue | undefined,
        ][])),
    ...restSourceOptions(reader?.get('source')),
    ['scheduleInterval', schedule],
    ['cronExpression', typeof cron === 'string' && cron !== '' ? cron : undefined],
    ['primaryKey', primaryKeyOf(collectRest, shareRest) ?? writtenOutPrimaryKeyOf(share)],
    ['collectTemplate', collectTemplate],
    ['collectTemplateProperties', extraProperties(collectRest, templateKeys)],
    ['excludeCompleteness', excludedOf(collect, pattern === 'webhook' ? ['share', 'event2'] : ['share'])],
    ['collectPump', at(collect, 'pump', 'run_at_startup_if_not_populated') === true ? undefined : false],
    ...collectRulesOptions(collect),
    [
      'transformForm',
      transformFormOf([
        ['collect', collect],
        ['share', share],
        ['all2', emitsChildren ? pipes.get('all2') : undefined],
      ]),
    ],
    ['share', share !== undefined ? true : undefined],
    ['shareIdentifiers', pipeIdentifiersOf(share, identifiersOf(pipes))],
    ['collectIdentifiers', pipeIdentifiersOf(collect, identifiersOf(pipes))],
    ['collectSink', isJsonObject(collect.get('sink')) ? collect.get('sink') : undefined],
    ['readerMetadata', isJsonObject(reader?.get('metadata')) ? reader?.get('metadata') : undefined],
    [
      'runAtStartup',
      schedule !== undefined && at(reader, 'pump', 'run_at_startup_if_not_populated') !== true
        ? false
        : undefined,
    ],
    ...sharePipeOptions(share),
  ];
}

/** The options of `pattern` that best describe these pipes (defaults left out). */
export function inferOptions(pattern: string, pipes: Pipes): JsonObject {
  switch (pattern) {
    case 'collect':
      return objectOf(collectFamilyOptions(pipes, 'collect'));
    case 'webhook': {
      const collect = collectFamilyOptions(pipes, 'webhook');
      const primaryKey = collect.find(([key]) => key === 'primaryKey')?.[1];
      return objectOf([...collect, ...webhookOptions(pipes, primaryKey)]);
    }
    case 'share':
      return objectOf(shareOnlyOptions(pipes.get('share')));
    case 'webhook-registry':
      return objectOf(registryOptions(pipes));
    default:
      return objectOf([]);
  }
}
