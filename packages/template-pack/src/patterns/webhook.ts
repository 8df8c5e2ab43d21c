import type { DatatypePattern, OptionProblem, PatternOptions } from '../types';
import {
  allPipe,
  collectOptions,
  collectRoles,
  deriveCollect,
  shareFormProblems,
  sharePipe,
} from './collect';

/** A topic to register: a bare topic string, or the topic with an explicit registration `_id`. */
export type WebhookTopic = string | { readonly topic: string; readonly id?: string };

/** One entity of the `-registerwebhook` embedded source. */
export interface WebhookRegistration {
  /** Permanent key of the registration log: never change it once deployed. */
  readonly id: string;
  readonly topic: string;
  /** 0, 1, 2… in topic order (the embedded source's continuation marker). */
  readonly updated: number;
}

/** The operations `-registerwebhook` calls; a `webhook-registry` datatype named `webhook` makes them. */
export const WEBHOOK_OPERATIONS = ['webhook-lookup', 'webhook-insert'] as const;

const topicOf = (entry: WebhookTopic): string => (typeof entry === 'string' ? entry : entry.topic);

/**
 * `{{@ datatype @}}-<last segment of the topic>`, the segments split by `separator`: `orders/create`
 * → `{{@ datatype @}}-create`; with `.`, `customer.create` → `{{@ datatype @}}-create`.
 */
export const registrationId = (entry: WebhookTopic, separator = '/'): string => {
  if (typeof entry !== 'string' && entry.id !== undefined) return entry.id;
  const segments = topicOf(entry).split(separator);
  return `{{@ datatype @}}-${segments[segments.length - 1]}`;
};

export const webhookRegistrations = (
  topics: readonly WebhookTopic[],
  separator = '/',
): WebhookRegistration[] =>
  topics.map((entry, index) => ({
    id: registrationId(entry, separator),
    topic: topicOf(entry),
    updated: index,
  }));

const separatorOf = (options: PatternOptions): string => (options['topicSeparator'] ?? '/') as string;

/** DTL for the `_id` of a received event: the primary key as a string (several keys joined by "-"). */
export const eventIdExpression = (primaryKey: unknown): unknown =>
  Array.isArray(primaryKey)
    ? ['join', '-', ['list', ...primaryKey.map((key) => ['string', `_S.${String(key)}`])]]
    : ['string', `_S.${String(primaryKey)}`];

/** Whether the datatype has its own `-event2` (option `event2Pipe`). */
const makesEvent2 = (options: PatternOptions): boolean => options['event2Pipe'] !== false;

/** Whether the datatype registers its webhooks (option `registerPipe`). */
const registers = (options: PatternOptions): boolean => options['registerPipe'] !== false;

/** The operation `-registerwebhook` inserts a registration with (option `webhookInsertOperation`). */
const insertOperationOf = (options: PatternOptions): string =>
  (options['webhookInsertOperation'] ?? 'webhook-insert') as string;

/**
 * The operations `-registerwebhook` calls by name: none when it is not made, the lookup unless it only
 * inserts, and the insert operation unless its name holds a placeholder (`{{@ datatype @}}-webhook-insert`
 * names a different operation per datatype, which only the rendered system can tell).
 */
const registrationOperations = (options: PatternOptions): readonly string[] => {
  if (!registers(options)) return [];
  const insert = insertOperationOf(options);
  return [
    ...(options['registerLookup'] === false ? [] : ['webhook-lookup']),
    ...(insert.includes('{{@') ? [] : [insert]),
  ];
};

/** `-collect` merging `-event2` when the datatype makes none (`event2Pipe: false`) reads a dataset nobody writes. */
const collectsMissingEvent2 = (options: PatternOptions): OptionProblem[] => {
  const source = options['collectSource'];
  const index = Array.isArray(source) ? source.indexOf('event2') : -1;
  return makesEvent2(options) || index < 0
    ? []
    : [
        {
          path: ['collectSource', index],
          message:
            '-collect merges -event2, which event2Pipe false does not make: name the role that holds the events (e.g. "event"), or drop event2Pipe',
        },
      ];
};

const topicsOf = (options: PatternOptions): readonly WebhookTopic[] =>
  (options['topics'] ?? []) as WebhookTopic[];

const duplicateRegistrations = (options: PatternOptions): OptionProblem[] => {
  const seen = new Map<string, number>();
  const problems: OptionProblem[] = [];
  webhookRegistrations(topicsOf(options), separatorOf(options)).forEach((registration, index) => {
    const first = seen.get(registration.id);
    if (first === undefined) {
      seen.set(registration.id, index);
      return;
    }
    problems.push({
      path: ['topics', index],
      message:
        `registration _id "${registration.id}" is already used by topics[${first}]: each topic needs its own ` +
        `permanent _id; write {"topic": "${registration.topic}", "id": "<unique id>"}`,
    });
  });
  return problems;
};

export const webhookPattern: DatatypePattern = {
  name: 'webhook',
  description:
    'Order-style datatype with webhooks: the collect pipes plus `-event` (receiver), `-event2` and `-registerwebhook`; `-collect` merges `-all` and `-event2`.',
  options: {
    ...collectOptions,
    collectSource: {
      description:
        'The datasets `-collect` merges (`merge_datasets`), as roles in order; default `-all` then `-event2`.',
      schema: { type: 'array', minItems: 2, items: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' } },
      default: ['all', 'event2'],
    },
    event2Pipe: {
      description:
        'Make `-event2` (dataset `-event` → the event\'s DTL); off: none, and `collectSource` names the role that holds the events — `-event` itself (superoffice), or a role the pack does not make, added by a patch (training\'s `-event-processed`).',
      schema: { type: 'boolean' },
      default: true,
    },
    registerPipe: {
      description:
        'Make `-registerwebhook`, which registers the topics; off: none, and no webhook operations are needed — the webhooks are registered elsewhere (hubspot: one app subscription feeds a shared dataset) or by a pipe of another role added by a patch (training\'s `-register-webhook`).',
      schema: { type: 'boolean' },
      default: true,
    },
    webhookInsertOperation: {
      description:
        'The operation `-registerwebhook` inserts registrations with; `{{@ datatype @}}-webhook-insert` gives each datatype its own request body (superoffice, training). A name with a placeholder is not checked against the system\'s operations.',
      schema: { type: 'string', minLength: 1 },
      default: 'webhook-insert',
    },
    topics: {
      description:
        'Webhook topics to register, one embedded entity each (`_id` = `id`, or `{{@ datatype @}}-<last segment of topic>` (split by `topicSeparator`); `_updated` 0, 1, 2…). The `_id`s key the registration log: never change them once deployed.',
      schema: {
        type: 'array',
        minItems: 1,
        items: {
          anyOf: [
            { type: 'string', minLength: 1 },
            {
              type: 'object',
              properties: {
                topic: { type: 'string', minLength: 1 },
                id: { type: 'string', minLength: 1 },
              },
              required: ['topic'],
              additionalProperties: false,
            },
          ],
          description: 'a topic string or {"topic": "…", "id": "…"}',
        },
      },
      default: ['{{@ datatype @}}/create'],
    },
    topicSeparator: {
      description:
        "What splits a topic into segments: a topic's registration `_id` is `{{@ datatype @}}-<last segment>`. Tripletex-style topics `{{@ datatype @}}.create` take `.`. Changing it changes the `_id`s of topics without an explicit `id`.",
      schema: { type: 'string', minLength: 1 },
      default: '/',
    },
    webhookIdPath: {
      description:
        'Path of the remote webhook id in the registration log (the hop in `-registerwebhook`); must fit the API\'s create response, e.g. `sink.insert_response.webhook.id` for `{"webhook": {"id": …}}`.',
      schema: { type: 'string', minLength: 1 },
      default: 'sink.insert_response.value.id',
    },
    receiverAddress: {
      description: 'The address the API posts events to (the `-event` receiver).',
      schema: { type: 'string', minLength: 1 },
      default: '{{@ service_url @}}/receivers/{{@ system @}}-{{@ datatype @}}-event/entities',
    },
    webhookPayloadKey: {
      description:
        'The registration request body is `{"<key>": {<address>, <topic>}}` (the default) and the final DTL adds it as `payload`; false: the registration properties are the body themselves, no `payload` (Tripletex, training).',
      schema: { anyOf: [{ type: 'string', minLength: 1 }, { const: false }] },
      default: 'webhook',
    },
    topicProperty: {
      description: 'The registration property that names the topic (Tripletex, training: `event`).',
      schema: { type: 'string', minLength: 1 },
      default: 'topic',
    },
    addressProperty: {
      description:
        'The registration property that holds `receiverAddress` (Tripletex, training: `targetUrl`).',
      schema: { type: 'string', minLength: 1 },
      default: 'address',
    },
    registrationProperties: {
      description:
        'More properties of every registration beside the address and the topic, e.g. `{"fields": "*,changes"}` (the fields the API sends with each event: tripletex, training-tripletex).',
      schema: { type: 'object' },
    },
    registerLookup: {
      description:
        '`-registerwebhook` looks each registration up (`webhook-lookup`, through the id hop) and inserts only the missing ones; off: it only inserts (one `webhook-insert` transform, no hop: training, training-tripletex-based-exercises).',
      schema: { type: 'boolean' },
      default: true,
    },
    registerCopyProperties: {
      description:
        "`-registerwebhook`'s lookup DTL starts with `[\"copy\", \"properties\"]`; off: it only adds the id hop and `$operation` (tripletex, training, superoffice).",
      schema: { type: 'boolean' },
      default: true,
    },
    registerSink: {
      description:
        "`-registerwebhook`'s sink has `deletion_tracking: false` and `set_initial_offset: onload`; off: no sink (training, training-tripletex-based-exercises).",
      schema: { type: 'boolean' },
      default: true,
    },
    registerPump: {
      description:
        '`-registerwebhook` gets `pump.run_at_startup_if_not_populated: true`; off: no pump (tripletex, training, superoffice).',
      schema: { type: 'boolean' },
      default: true,
    },
    registerTrace: {
      description:
        "`-registerwebhook`'s `webhook-lookup` transform has `trace: true`; off: no trace (tripletex, training, superoffice).",
      schema: { type: 'boolean' },
      default: true,
    },
    registerPipeComment: {
      description:
        "`-registerwebhook`'s pipe `comment`, e.g. why a datatype registers other topics than the one it was copied from (tripletex, training).",
      schema: { type: 'string', minLength: 1 },
    },
    registerComment: {
      description:
        'A `["comment", …]` rule in `-registerwebhook`\'s last DTL, before the discard (tripletex, training, superoffice carry one).',
      schema: { type: 'string', minLength: 1 },
    },
    validationExpression: {
      description:
        "The `-event` receiver's `validation_expression` (empty render accepts the request). Default: the shared-secret header check. false: none, and no `system` in the source — the receiver then accepts whoever may write to it (the validator reports it where the manifest's `use_webhook_secret` opens it to anonymous writes).",
      schema: { anyOf: [{ type: 'string', minLength: 1 }, { const: false }] },
      default:
        "{% if request_headers['X-Sesam-Authorization'] == secret('webhook_secret') %}{% else %}FAIL!{% endif %}",
    },
    eventIdProperty: {
      description:
        "The property (or properties, joined by `-`) of a received event that gives its `_id`, where the event names the object otherwise than `primaryKey` (superoffice's `PrimaryKey`, training-tripletex's `id`). Default: `primaryKey`.",
      schema: collectOptions['primaryKey']!.schema,
    },
    eventKeepVersions: {
      description:
        '`-event` keeps this many versions (`compaction.keep_versions`; tripletex, training, superoffice: 0).',
      schema: { type: 'integer', minimum: 0 },
      default: 1,
    },
    eventTimeThresholdHours: {
      description:
        '`-event` compacts versions older than this many hours (`compaction.time_threshold_hours`; tripletex, training, superoffice: 168).',
      schema: { type: 'integer', minimum: 1 },
    },
    eventInitialOffset: {
      description: "`-event`'s sink has `set_initial_offset: onload`; off: no sink (tripletex, training).",
      schema: { type: 'boolean' },
      default: true,
    },
    eventTransformForm: {
      description:
        "`-event`'s one DTL transform written as the transform `object` (the default) or as a `list` of one, as the real receivers do (tripletex, training, superoffice). Same to Sesam.",
      schema: { enum: ['list', 'object'] },
      default: 'object',
    },
    eventEnvelope: {
      description:
        'The received event wraps the object: `-event2` merges `_S.<valueProperty>` instead of copying the event, and marks it `_deleted` when `_S.<typeProperty>` is `deleteType` (tripletex, training, training-tripletex: `{"valueProperty": "value", "typeProperty": "event", "deleteType": "{{@ datatype @}}.delete"}`).',
      schema: {
        type: 'object',
        properties: {
          valueProperty: { type: 'string', minLength: 1 },
          typeProperty: { type: 'string', minLength: 1 },
          deleteType: { type: 'string', minLength: 1 },
        },
        required: ['valueProperty', 'typeProperty', 'deleteType'],
        additionalProperties: false,
      },
    },
    event2Rules: {
      description:
        "More DTL of `-event2`: its `default` list is appended to the default rules, every other key is a named rule (e.g. a `last-modified` rule applied to the event's changes: tripletex, training, hubspot).",
      schema: {
        type: 'object',
        properties: { default: { type: 'array', items: { type: 'array' } } },
        additionalProperties: { type: 'array', items: { type: 'array' } },
      },
    },
    event2InitialOffset: {
      description:
        "`-event2`'s sink has `set_initial_offset: onload`; off: not (training, training-tripletex-based-exercises, hubspot).",
      schema: { type: 'boolean' },
      default: true,
    },
    event2DeletionTracking: {
      description:
        "`-event2`'s sink keeps Sesam's default deletion tracking (no `deletion_tracking: false`: tripletex, training, hubspot).",
      schema: { type: 'boolean' },
      default: false,
    },
  },
  pipes: [
    allPipe,
    {
      role: 'collect',
      template: 'collect/collect.json.ejs',
      description: 'merge_datasets [`-all`, `-event2`] → `transform-collect-rest` → `$last-modified`',
      locals: { withEvents: true },
    },
    {
      role: 'event',
      template: 'webhook/event.json.ejs',
      description: 'http_endpoint receiver with `validation_expression`; `_id` from the primary key',
    },
    {
      role: 'event2',
      template: 'webhook/event2.json.ejs',
      description: 'dataset `-event` → copy (event-fed: no deletion tracking); not with `event2Pipe: false`',
      when: makesEvent2,
    },
    {
      role: 'registerwebhook',
      template: 'webhook/registerwebhook.json.ejs',
      description:
        'embedded topics → lookup-then-insert through `webhook-lookup`/`webhook-insert`; not with `registerPipe: false`',
      when: registers,
    },
    sharePipe,
  ],
  operationRoles: collectRoles,
  requiredOperations: registrationOperations,
  derive: (options) => ({
    ...deriveCollect(options),
    registrations: webhookRegistrations(topicsOf(options), separatorOf(options)),
    eventId: eventIdExpression(options['eventIdProperty'] ?? options['primaryKey']),
  }),
  check: (options) => [
    ...duplicateRegistrations(options),
    ...collectsMissingEvent2(options),
    ...shareFormProblems(options),
  ],
};
