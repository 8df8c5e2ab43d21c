import { eventIdExpression, registrationId } from '@sesam-connectors/template-pack';
import { isJsonObject, JsonNumber, toCanonicalJson, type JsonObject, type JsonValue } from '../json';
import type { Pipes } from './infer-options';
import { at, member, objectOf, positiveInteger, transformsOf, without } from './json-access';
import { DATATYPE_PLACEHOLDER, SYSTEM_PLACEHOLDER } from './source-pipes';

/**
 * Options of the `webhook` and `webhook-registry` patterns read from a datatype's real pipes:
 * `-registerwebhook` (the registration body, its topics, the id hop), `-event` (the receiver) and
 * `-event2` (the event's DTL). Defaults are left out, as in infer-options.ts.
 */

type Entries = [string, JsonValue | undefined][];

const PIPE = (role: string) => `${SYSTEM_PLACEHOLDER}-${DATATYPE_PLACEHOLDER}-${role}`;
const DEFAULT_ADDRESS = `{{@ service_url @}}/receivers/${PIPE('event')}/entities`;
const DEFAULT_INSERT = 'webhook-insert';
const DEFAULT_ID_PATH = 'sink.insert_response.value.id';
const DEFAULT_VALIDATION =
  "{% if request_headers['X-Sesam-Authorization'] == secret('webhook_secret') %}{% else %}FAIL!{% endif %}";

const same = (a: JsonValue | undefined, b: JsonValue | undefined): boolean =>
  a !== undefined && b !== undefined && toCanonicalJson(a) === toCanonicalJson(b);

/** The DTL rules lists (`rules.default`) of a pipe's DTL transforms, in order. */
const dtlRules = (pipe: JsonObject | undefined): JsonValue[][] =>
  (pipe === undefined ? [] : transformsOf(pipe))
    .filter((t) => member(t, 'type') === 'dtl')
    .map((t) => at(t, 'rules', 'default'))
    .map((rules) => (Array.isArray(rules) ? rules : []));

/** `["add", <key>, ["first", ["hops", {"return": ["first", <path>]}]]]`'s path, anywhere in the rules. */
const hopPathOf = (rules: readonly JsonValue[]): string | undefined => {
  for (const rule of rules) {
    if (!Array.isArray(rule) || rule[0] !== 'add') continue;
    const first = rule[2];
    const hops = Array.isArray(first) && first[0] === 'first' ? first[1] : undefined;
    const spec = Array.isArray(hops) && hops[0] === 'hops' ? hops[1] : undefined;
    const returned = member(spec, 'return');
    if (Array.isArray(returned) && returned[0] === 'first' && typeof returned[1] === 'string')
      return returned[1];
  }
  return undefined;
};

const nonEmptyString = (value: JsonValue | undefined): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** Whether a DTL rules list has `["copy", "properties"]`. */
const copiesProperties = (rules: readonly JsonValue[] | undefined): boolean =>
  (rules ?? []).some((rule) => same(rule, ['copy', 'properties']));

/** How the registrations are written: the wrapping key (or false), the topic and address keys, the rest. */
interface RegistrationShape {
  payloadKey: string | false;
  topicKey: string;
  addressKey: string;
  address: string;
  extra: JsonObject;
  bodies: JsonObject[];
}

/** The key of a registration body that holds the receiver's address (a `{{@ service_url @}}…` or `/receivers/` URL). */
const addressKeyOf = (body: JsonObject): string | undefined =>
  [...body].find(
    ([, value]) =>
      typeof value === 'string' && (value.startsWith('{{@ service_url @}}') || value.includes('/receivers/')),
  )?.[0];

/** The key that names the topic: the one string that differs between registrations, else `topic`/`event`/the only one left. */
const topicKeyOf = (bodies: readonly JsonObject[], addressKey: string): string | undefined => {
  const candidates = [...bodies[0]!.keys()].filter(
    (key) => key !== addressKey && bodies.every((body) => typeof body.get(key) === 'string'),
  );
  const varying = candidates.filter((key) => new Set(bodies.map((body) => body.get(key))).size > 1);
  if (varying.length === 1) return varying[0];
  if (varying.length > 1) return undefined;
  return (
    candidates.find((key) => key === 'topic' || key === 'event') ??
    (candidates.length === 1 ? candidates[0] : undefined)
  );
};

function registrationShape(entities: readonly JsonObject[]): RegistrationShape | undefined {
  const properties = entities.map((entity) => entity.get('properties'));
  if (properties.length === 0 || !properties.every(isJsonObject)) return undefined;
  const objects = properties as JsonObject[];
  const first = objects[0]!;
  const wrapped = first.size === 1 && isJsonObject([...first.values()][0]);
  const payloadKey = wrapped ? [...first.keys()][0]! : false;
  const bodies = objects.map((p) => (payloadKey === false ? p : p.get(payloadKey)));
  if (!bodies.every((body): body is JsonObject => isJsonObject(body))) return undefined;
  if (payloadKey !== false && !objects.every((p) => p.size === 1)) return undefined;
  const addressKey = addressKeyOf(bodies[0]!);
  if (addressKey === undefined) return undefined;
  const topicKey = topicKeyOf(bodies, addressKey);
  if (topicKey === undefined) return undefined;
  const address = bodies[0]!.get(addressKey) as string;
  const extra = without(bodies[0]!, new Set([addressKey, topicKey]));
  const fits = bodies.every(
    (body) =>
      body.get(addressKey) === address &&
      typeof body.get(topicKey) === 'string' &&
      same(without(body, new Set([addressKey, topicKey])), extra),
  );
  return fits ? { payloadKey, topicKey, addressKey, address, extra, bodies } : undefined;
}

/** The separators tried for the topics (the first is the pattern's default). */
const TOPIC_SEPARATORS = ['/', '.'];

/** How many registration `_id`s the topics give with this separator. */
const derivedIds = (
  topics: readonly string[],
  ids: readonly (JsonValue | undefined)[],
  separator: string,
): number => topics.filter((topic, index) => ids[index] === registrationId(topic, separator)).length;

/** Options of the `-registerwebhook` pipe. */
function registrationOptions(register: JsonObject | undefined): Entries {
  if (register === undefined) return [];
  const entities = at(register, 'source', 'entities');
  const registrations = Array.isArray(entities) ? entities.filter(isJsonObject) : [];
  const shape = registrationShape(registrations);
  const rules = dtlRules(register);
  const hop = hopPathOf(rules.flat());
  const lookup = transformsOf(register).find((t) => member(t, 'operation') === 'webhook-lookup');
  const comment = rules
    .at(-1)
    ?.find((rule) => Array.isArray(rule) && rule[0] === 'comment' && typeof rule[1] === 'string') as
    JsonValue[] | undefined;
  const transforms = transformsOf(register);
  const insertOnly =
    transforms.length === 1 &&
    member(transforms[0], 'type') === 'rest' &&
    member(transforms[0], 'operation') !== 'webhook-lookup';
  const insert = transforms.find(
    (t) => member(t, 'type') === 'rest' && member(t, 'operation') !== 'webhook-lookup',
  );
  const insertOperation = member(insert, 'operation');
  const common: Entries = [
    [
      'webhookInsertOperation',
      typeof insertOperation === 'string' && insertOperation !== DEFAULT_INSERT ? insertOperation : undefined,
    ],
    ['registerLookup', insertOnly ? false : undefined],
    ['registerSink', register.has('sink') ? undefined : false],
    ['registerCopyProperties', lookup === undefined || copiesProperties(rules[0]) ? undefined : false],
    ['webhookIdPath', hop !== undefined && hop !== DEFAULT_ID_PATH ? hop : undefined],
    ['registerPump', at(register, 'pump', 'run_at_startup_if_not_populated') === true ? undefined : false],
    ['registerTrace', lookup === undefined || member(lookup, 'trace') === true ? undefined : false],
    ['registerComment', rules.length > 1 ? (comment?.[1] as string | undefined) : undefined],
    ['registerPipeComment', nonEmptyString(register.get('comment'))],
  ];
  if (shape === undefined) {
    // Registrations without properties (the insert operation builds the request): no `payload` rule.
    const bare = registrations.length > 0 && registrations.every((entity) => !entity.has('properties'));
    return bare ? [...common, ['webhookPayloadKey', false]] : common;
  }
  const texts = registrations.map((_, index) => shape.bodies[index]!.get(shape.topicKey) as string);
  const ids = registrations.map((entity) => entity.get('_id'));
  const separator = TOPIC_SEPARATORS.reduce((best, candidate) =>
    derivedIds(texts, ids, candidate) > derivedIds(texts, ids, best) ? candidate : best,
  );
  const topics = texts.map((topic, index) =>
    ids[index] === registrationId(topic, separator)
      ? topic
      : objectOf([
          ['topic', topic],
          ['id', ids[index]],
        ]),
  );
  return [
    ['topics', topics],
    ['topicSeparator', separator !== '/' ? separator : undefined],
    ...common,
    ['receiverAddress', shape.address !== DEFAULT_ADDRESS ? shape.address : undefined],
    ['webhookPayloadKey', shape.payloadKey !== 'webhook' ? shape.payloadKey : undefined],
    ['topicProperty', shape.topicKey !== 'topic' ? shape.topicKey : undefined],
    ['addressProperty', shape.addressKey !== 'address' ? shape.addressKey : undefined],
    ['registrationProperties', shape.extra.size > 0 ? shape.extra : undefined],
  ];
}

/** The `-event` receiver's validation expression: its text, false when it has none. */
const eventValidation = (event: JsonObject): JsonValue | undefined => {
  const validation = at(event, 'source', 'validation_expression');
  if (typeof validation !== 'string' || validation === '') return false;
  return validation === DEFAULT_VALIDATION ? undefined : validation;
};

/** A whole number ≥ 0 as connector.json options hold it, or undefined. */
const count = (value: JsonValue | undefined): JsonValue | undefined =>
  value instanceof JsonNumber && /^(0|[1-9][0-9]*)$/.test(value.toString()) ? value : undefined;

/** `["string", "_S.<p>"]` → `p`; the joined form of several keys → their list (see `eventIdExpression`). */
const idPropertyOf = (expression: JsonValue | undefined): JsonValue | undefined => {
  const property = (value: JsonValue | undefined): string | undefined =>
    Array.isArray(value) && value.length === 2 && value[0] === 'string' && typeof value[1] === 'string'
      ? value[1].startsWith('_S.') && value[1].length > 3
        ? value[1].slice(3)
        : undefined
      : undefined;
  const single = property(expression);
  if (single !== undefined) return single;
  if (!Array.isArray(expression) || expression[0] !== 'join' || expression[1] !== '-') return undefined;
  const list = expression[2];
  if (!Array.isArray(list) || list[0] !== 'list' || list.length < 2 || expression.length !== 3) return undefined;
  const keys = list.slice(1).map(property);
  return keys.every((key) => key !== undefined) ? (keys as string[]) : undefined;
};

/** The event's `_id` property, where it is not what the primary key gives. */
const eventIdPropertyOf = (event: JsonObject, primaryKey: JsonValue): JsonValue | undefined => {
  const rule = dtlRules(event)[0]?.find((r) => Array.isArray(r) && r[0] === 'add' && r[1] === '_id');
  const expression = Array.isArray(rule) ? rule[2] : undefined;
  if (same(expression, eventIdExpression(primaryKey) as JsonValue)) return undefined;
  return idPropertyOf(expression);
};

/** Options of the `-event` receiver (`primaryKey`: the datatype's, inferred or the default). */
function eventOptions(event: JsonObject | undefined, primaryKey: JsonValue): Entries {
  if (event === undefined) return [];
  const keep = count(at(event, 'compaction', 'keep_versions'));
  return [
    ['validationExpression', eventValidation(event)],
    ['eventIdProperty', eventIdPropertyOf(event, primaryKey)],
    ['eventKeepVersions', keep instanceof JsonNumber && keep.toString() !== '1' ? keep : undefined],
    ['eventTimeThresholdHours', positiveInteger(at(event, 'compaction', 'time_threshold_hours'))],
    ['eventInitialOffset', at(event, 'sink', 'set_initial_offset') === 'onload' ? undefined : false],
    ['eventTransformForm', Array.isArray(event.get('transform')) ? 'list' : undefined],
  ];
}

/** `["if", ["eq", "_S.<type>", <delete>], ["add", "_deleted", true]], ["merge", "_S.<value>"]`, or undefined. */
const envelopeOf = (rules: readonly JsonValue[]): JsonObject | undefined => {
  const [marks, merges] = rules;
  if (!Array.isArray(marks) || !Array.isArray(merges)) return undefined;
  const [fn, test, then, otherwise] = marks;
  const deleted = Array.isArray(then) && then[0] === 'add' && then[1] === '_deleted' && then[2] === true;
  const typed =
    Array.isArray(test) &&
    test[0] === 'eq' &&
    typeof test[1] === 'string' &&
    test[1].startsWith('_S.') &&
    typeof test[2] === 'string';
  const merged = merges.length === 2 && merges[0] === 'merge' && typeof merges[1] === 'string';
  if (fn !== 'if' || marks.length !== 3 || otherwise !== undefined || !deleted || !typed || !merged)
    return undefined;
  if (!(merges[1] as string).startsWith('_S.')) return undefined;
  return objectOf([
    ['valueProperty', (merges[1] as string).slice(3)],
    ['typeProperty', (test[1] as string).slice(3)],
    ['deleteType', test[2] as string],
  ]);
};

/** Options of `-event2`: the event envelope and the DTL beyond it. */
function event2Options(event2: JsonObject | undefined): Entries {
  if (event2 === undefined) return [];
  const dtl = transformsOf(event2).find((t) => member(t, 'type') === 'dtl');
  const rules = member(dtl, 'rules');
  const list = at(rules, 'default');
  const defaults = Array.isArray(list) ? list : [];
  const envelope = envelopeOf(defaults);
  const copies = defaults.length > 0 && same(defaults[0], ['copy', '*']);
  const rest = envelope !== undefined ? defaults.slice(2) : copies ? defaults.slice(1) : undefined;
  const named = isJsonObject(rules) ? without(rules, new Set(['default'])) : undefined;
  const more =
    rest === undefined || named === undefined
      ? undefined
      : objectOf([...(rest.length > 0 ? ([['default', rest]] as Entries) : []), ...named]);
  return [
    ['eventEnvelope', envelope],
    ['event2Rules', more !== undefined && more.size > 0 ? more : undefined],
    ['event2InitialOffset', at(event2, 'sink', 'set_initial_offset') === 'onload' ? undefined : false],
    ['event2DeletionTracking', at(event2, 'sink', 'deletion_tracking') === false ? undefined : true],
  ];
}

/**
 * Options of the `webhook` pattern's `-event`, `-event2` and `-registerwebhook` pipes; `primaryKey` is
 * the one inferred from the collect pipes (default `id`), which the event's `_id` follows unless told.
 */
export function webhookOptions(pipes: Pipes, primaryKey: JsonValue = 'id'): Entries {
  return [
    ['event2Pipe', pipes.has('event2') ? undefined : false],
    ['registerPipe', pipes.has('registerwebhook') ? undefined : false],
    ...registrationOptions(pipes.get('registerwebhook')),
    ...eventOptions(pipes.get('event'), primaryKey),
    ...event2Options(pipes.get('event2')),
  ];
}

/** `["add", "$healthy", ["if", ["eq", "_S.<property>", <value>], true, false]]`'s property and value. */
const healthyOf = (rules: readonly JsonValue[]): JsonObject | undefined => {
  for (const rule of rules) {
    if (!Array.isArray(rule) || rule[0] !== 'add' || rule[1] !== '$healthy' || !Array.isArray(rule[2]))
      continue;
    const [fn, test, yes, no] = rule[2];
    if (fn !== 'if' || yes !== true || no !== false || !Array.isArray(test) || test[0] !== 'eq') continue;
    const [, property, value] = test;
    if (
      typeof property === 'string' &&
      property.startsWith('_S.') &&
      value !== undefined &&
      !Array.isArray(value)
    )
      return objectOf([
        ['property', property.slice(3)],
        ['value', value],
      ]);
  }
  return undefined;
};

/** The text of the first `["comment", <text>]` rule. */
const commentOf = (rules: readonly JsonValue[]): string | undefined =>
  (
    rules.find((rule) => Array.isArray(rule) && rule[0] === 'comment' && typeof rule[1] === 'string') as
      string[] | undefined
  )?.[1];

/** Options of the `webhook-registry` pattern. */
export function registryOptions(pipes: Pipes): Entries {
  const wipe = pipes.get('wipe');
  const collect = pipes.get('collect');
  const wipeRules = dtlRules(wipe).flat();
  const discard = wipeRules.find(
    (rule) => Array.isArray(rule) && rule[0] === 'discard' && Array.isArray(rule[1]),
  );
  const matches = Array.isArray(discard) ? (discard[1] as JsonValue[]) : [];
  const [fn, pattern, property] = matches;
  const fits =
    fn === 'matches' &&
    typeof pattern === 'string' &&
    typeof property === 'string' &&
    property.startsWith('_S.');

  return [
    ['wipeMatch', fits && pattern !== 'https://*.sesam.cloud/*' ? pattern : undefined],
    ['addressProperty', fits && property !== '_S.address' ? property.slice(3) : undefined],
    ['scheduleInterval', positiveInteger(at(collect, 'pump', 'schedule_interval'))],
    ['copyAll', collect !== undefined && dtlRules(collect).length === 0 ? false : undefined],
    ['healthyWhen', healthyOf(dtlRules(collect).flat())],
    [
      'wipeRunAtStartup',
      wipe !== undefined && at(wipe, 'pump', 'run_at_startup_if_not_populated') !== true ? false : undefined,
    ],
    ['wipeComment', nonEmptyString(wipe?.get('comment'))],
    ['wipeRuleComment', commentOf(wipeRules)],
  ];
}
