import { findDatatypePattern } from '@sesam-connectors/template-pack';
import { toConfigValue } from '../config/config-value';
import type { ConfigObject } from '../config/types';
import { parseJson, toCanonicalJson, toPlainJs, type JsonObject } from '../json';
import { loadTemplatePack, renderPatternPipes } from '../render';
import { inferOptions } from './infer-options';

const PACK = loadTemplatePack();
const ID = (role: string) => `{{@ system @}}-{{@ datatype @}}-${role}`;
const RECEIVER = `{{@ service_url @}}/receivers/${ID('event')}/entities`;

/** The pipes of a hand-made datatype, keyed by the role their `_id` ends in. */
const byRole = (...pipes: { _id: string }[]): Map<string, JsonObject> =>
  new Map(
    pipes.map((pipe) => [pipe._id.slice(ID('').length), parseJson(JSON.stringify(pipe)) as JsonObject]),
  );

const inferred = (pattern: string, pipes: Map<string, JsonObject>) =>
  JSON.parse(toCanonicalJson(inferOptions(pattern, pipes)));

/** The pipes `pattern` renders with `options`, keyed by role, as plain JSON. */
const rendered = (pattern: string, options: JsonObject): Record<string, unknown> =>
  Object.fromEntries(
    renderPatternPipes(
      PACK,
      findDatatypePattern(pattern)!,
      'contact',
      toConfigValue(options) as ConfigObject,
      { connector: 'test' },
    ).map(({ role, value }) => [role, JSON.parse(toCanonicalJson(value))]),
  );

const canonical = (value: unknown) => JSON.parse(toCanonicalJson(parseJson(JSON.stringify(value))));

const hop = (property: string, path: string) => [
  'add',
  property,
  [
    'first',
    [
      'hops',
      {
        datasets: [`${ID('registerwebhook')} sink`],
        where: [['eq', '_S._id', 'sink._id']],
        return: ['first', path],
      },
    ],
  ],
];

/** A Tripletex-style registration: bare `event`/`targetUrl` bodies, dotted topics, no pump, no trace. */
const registration = (topics: string[], ids = topics.map((t) => `{{@ datatype @}}-${t.split('.')[1]}`)) => ({
  _id: ID('registerwebhook'),
  type: 'pipe',
  namespaced_identifiers: false,
  sink: { deletion_tracking: false, set_initial_offset: 'onload' },
  source: {
    type: 'embedded',
    supports_since: true,
    entities: topics.map((topic, index) => ({
      _id: ids[index],
      _updated: index,
      properties: { event: topic, fields: '*,changes', targetUrl: RECEIVER },
    })),
  },
  transform: [
    {
      type: 'dtl',
      rules: {
        default: [
          ['copy', 'properties'],
          hop('id', 'sink.insert_response.value.id'),
          ['add', '$operation', ['if', ['is-not-null', '_T.id'], 'lookup', 'insert']],
        ],
      },
    },
    {
      type: 'rest',
      system: '{{@ system @}}',
      operation: 'webhook-lookup',
      allowed_status_codes: '200,404',
      replace_entity: false,
      response_property: 'lookup_response',
      response_status_property: 'lookup_status_code',
      side_effects: false,
      trigger_on: { key: '$operation', value: 'lookup' },
    },
    {
      type: 'dtl',
      rules: {
        default: [
          ['copy', '*'],
          ['comment', 'compare the objects some day'],
          ['discard', ['or', ['eq', 404, '_T.lookup_status_code'], ['eq', '_S.$operation', 'insert']]],
        ],
      },
    },
    {
      type: 'rest',
      system: '{{@ system @}}',
      operation: 'webhook-insert',
      allowed_status_codes: '200,201',
      replace_entity: false,
      response_property: 'insert_response',
      response_status_property: 'insert_status_code',
      side_effects: true,
    },
  ],
});

/** A receiver with no validation, compacted by time, no sink, its DTL written as a list. */
const openReceiver = {
  _id: ID('event'),
  type: 'pipe',
  namespaced_identifiers: false,
  compaction: { keep_versions: 0, time_threshold_hours: 168 },
  source: { type: 'http_endpoint' },
  transform: [
    {
      type: 'dtl',
      rules: {
        default: [
          ['copy', '*'],
          ['add', '_id', ['string', '_S.id']],
        ],
      },
    },
  ],
};

/** An -event2 that unwraps an event envelope and keeps the event's change list. */
const envelopeEvent2 = {
  _id: ID('event2'),
  type: 'pipe',
  namespaced_identifiers: false,
  sink: { set_initial_offset: 'onload' },
  source: { type: 'dataset', dataset: ID('event') },
  transform: {
    type: 'dtl',
    rules: {
      default: [
        ['if', ['eq', '_S.kind', '{{@ datatype @}}.removed'], ['add', '_deleted', true]],
        ['merge', '_S.payload'],
        ['add', 'changes', '_S.changes'],
      ],
      changed: [['filter', ['eq', '_S.changeType', 'UPDATE']]],
    },
  },
};

describe('webhook option inference from hand-made pipes', () => {
  const pipes = byRole(
    registration(['{{@ datatype @}}.create', '{{@ datatype @}}.update']),
    openReceiver,
    envelopeEvent2,
  );

  it('reads the registration body, its topics and separator, and the pipe without pump, trace or payload', () => {
    expect(inferred('webhook', pipes)).toMatchObject({
      topics: ['{{@ datatype @}}.create', '{{@ datatype @}}.update'],
      topicSeparator: '.',
      webhookPayloadKey: false,
      topicProperty: 'event',
      addressProperty: 'targetUrl',
      registrationProperties: { fields: '*,changes' },
      registerPump: false,
      registerTrace: false,
      registerComment: 'compare the objects some day',
    });
  });

  it('reads an open receiver as validationExpression false, with its compaction, sink and transform form', () => {
    expect(inferred('webhook', pipes)).toMatchObject({
      validationExpression: false,
      eventKeepVersions: 0,
      eventTimeThresholdHours: 168,
      eventInitialOffset: false,
      eventTransformForm: 'list',
    });
  });

  it('reads the -event2 envelope and the rules after it', () => {
    expect(inferred('webhook', pipes)).toMatchObject({
      eventEnvelope: {
        valueProperty: 'payload',
        typeProperty: 'kind',
        deleteType: '{{@ datatype @}}.removed',
      },
      event2Rules: {
        default: [['add', 'changes', '_S.changes']],
        changed: [['filter', ['eq', '_S.changeType', 'UPDATE']]],
      },
      event2DeletionTracking: true,
    });
  });

  it('renders exactly those pipes again from the inferred options', () => {
    const pipes = rendered(
      'webhook',
      inferOptions(
        'webhook',
        byRole(registration(['{{@ datatype @}}.create']), openReceiver, envelopeEvent2),
      ),
    );
    expect(pipes['registerwebhook']).toEqual(canonical(registration(['{{@ datatype @}}.create'])));
    expect(pipes['event']).toEqual(canonical(openReceiver));
    expect(pipes['event2']).toEqual(canonical(envelopeEvent2));
  });

  it('keeps an explicit id where the topic does not give it', () => {
    const odd = byRole(
      registration(
        ['{{@ datatype @}}.create', '{{@ datatype @}}.update'],
        ['{{@ datatype @}}-create', 'legacy'],
      ),
    );
    expect(inferred('webhook', odd).topics).toEqual([
      '{{@ datatype @}}.create',
      { topic: '{{@ datatype @}}.update', id: 'legacy' },
    ]);
  });

  it('reads the hop path of the registration log (a wrapped body with the default keys leaves them out)', () => {
    const register = registration(['orders/create']);
    register.source.entities = [
      {
        _id: '{{@ datatype @}}-create',
        _updated: 0,
        properties: { webhook: { address: RECEIVER, topic: 'orders/create' } } as never,
      },
    ];
    register.transform[0]!.rules!.default[1] = hop('id', 'sink.insert_response.webhook.id');
    const options = inferred('webhook', byRole(register));
    expect(options).toMatchObject({
      topics: ['orders/create'],
      webhookIdPath: 'sink.insert_response.webhook.id',
    });
    for (const key of ['webhookPayloadKey', 'topicProperty', 'addressProperty', 'topicSeparator'])
      expect(options).not.toHaveProperty(key);
  });

  it('reads an insert-only registration without a sink', () => {
    const register = {
      ...registration(['{{@ datatype @}}.create']),
      sink: undefined,
      transform: {
        type: 'rest',
        system: '{{@ system @}}',
        operation: 'webhook-insert',
        allowed_status_codes: '200,201',
        replace_entity: false,
        side_effects: true,
      },
    };
    const options = inferOptions('webhook', byRole(JSON.parse(JSON.stringify(register))));
    expect(toPlainJs(options)).toMatchObject({ registerLookup: false, registerSink: false });
    expect(rendered('webhook', options)['registerwebhook']).toEqual(canonical(register));
  });
});

/**
 * A registration whose entities carry no body (each datatype's own insert operation builds the request),
 * whose lookup DTL adds the id hop without copying properties, and a receiver whose events name the
 * object by a property of their own.
 */
const bareRegistration = () => {
  const register = registration(['{{@ datatype @}}.create']);
  register.source.entities = [{ _id: '{{@ datatype @}}', _updated: 0 }] as never;
  register.transform[0]!.rules!.default = register.transform[0]!.rules!.default.slice(1);
  register.transform[3]!.operation = '{{@ datatype @}}-webhook-insert';
  return register;
};
const keyedReceiver = (id: unknown) => ({
  ...openReceiver,
  transform: [{ type: 'dtl', rules: { default: [['copy', '*'], ['add', '_id', id]] } }],
});

describe('webhook datatypes with fewer pipes, per-datatype registrations and their own event ids', () => {
  it('leaves -event2 and -registerwebhook out where the source has none, and renders no more', () => {
    const pipes = byRole(openReceiver);
    const options = inferOptions('webhook', pipes);
    expect(toPlainJs(options)).toMatchObject({ event2Pipe: false, registerPipe: false });
    expect(Object.keys(rendered('webhook', options)).sort()).toEqual(['all', 'collect', 'event']);
    expect(rendered('webhook', options)['event']).toEqual(canonical(openReceiver));
  });

  it('reads a body-less registration through a per-datatype insert operation, without copying properties', () => {
    const register = bareRegistration();
    const options = inferOptions('webhook', byRole(JSON.parse(JSON.stringify(register))));
    expect(toPlainJs(options)).toMatchObject({
      webhookInsertOperation: '{{@ datatype @}}-webhook-insert',
      registerCopyProperties: false,
      webhookPayloadKey: false,
    });
    const made = rendered('webhook', options)['registerwebhook'] as { source: { entities: unknown } };
    // Only the entities stay a patch: the pack cannot say "no body" (superoffice alone writes it so).
    expect({ ...made, source: { ...made.source, entities: [] } }).toEqual(
      canonical({ ...register, source: { ...register.source, entities: [] } }),
    );
  });

  it('reads the pipe comment of -registerwebhook and renders it back', () => {
    const register = { ...registration(['{{@ datatype @}}.create']), comment: 'other topics than customer' };
    const options = inferOptions('webhook', byRole(JSON.parse(JSON.stringify(register))));
    expect(toPlainJs(options)).toMatchObject({ registerPipeComment: 'other topics than customer' });
    expect(rendered('webhook', options)['registerwebhook']).toEqual(canonical(register));
  });

  it('keeps the default lookup DTL and insert operation out of the options', () => {
    const options = inferred('webhook', byRole(registration(['{{@ datatype @}}.create'])));
    for (const key of ['webhookInsertOperation', 'registerCopyProperties', 'registerPipe'])
      expect(options).not.toHaveProperty(key);
  });

  it.each([
    ['one property', ['string', '_S.PrimaryKey'], 'PrimaryKey'],
    [
      'several joined by "-"',
      ['join', '-', ['list', ['string', '_S.a'], ['string', '_S.b']]],
      ['a', 'b'],
    ],
  ])('reads the event _id from %s where it is not the primary key, and renders it back', (_, id, property) => {
    const options = inferOptions('webhook', byRole(keyedReceiver(id)));
    expect(toPlainJs(options)).toMatchObject({ eventIdProperty: property });
    expect(rendered('webhook', options)['event']).toEqual(canonical(keyedReceiver(id)));
  });

  it('leaves eventIdProperty out where the event _id follows the primary key, inferred or the default', () => {
    expect(inferred('webhook', byRole(openReceiver))).not.toHaveProperty('eventIdProperty');
    const collect = {
      _id: ID('collect'),
      type: 'pipe',
      source: { type: 'merge_datasets', datasets: [ID('all'), ID('event2')] },
      transform: [
        {
          type: 'template',
          template: 'transform-collect-rest',
          properties: { primary_key: 'PrimaryKey', share_dataset: ID('share') },
        },
      ],
    };
    const options = inferred('webhook', byRole(collect, keyedReceiver(['string', '_S.PrimaryKey'])));
    expect(options).toMatchObject({ primaryKey: 'PrimaryKey' });
    expect(options).not.toHaveProperty('eventIdProperty');
  });
});

describe('webhook-registry option inference', () => {
  const wipe = {
    _id: ID('wipe'),
    type: 'pipe',
    comment: 'Deletes our webhooks.',
    namespaced_identifiers: false,
    pump: { mode: 'manual' },
    source: { type: 'dataset', dataset: ID('collect') },
    transform: [
      {
        type: 'dtl',
        rules: {
          default: [
            ['copy', '*'],
            ['comment', 'only the ones pointing at this node'],
            ['discard', ['matches', '{{@ service_url @}}*', '_S.targetUrl']],
          ],
        },
      },
      {
        type: 'rest',
        system: '{{@ system @}}',
        operation: '{{@ datatype @}}-delete',
        response_status_property: 'status_code',
        trace: true,
        trigger_on: { key: '_deleted', value: false },
      },
    ],
  };
  const collect = {
    _id: ID('collect'),
    type: 'pipe',
    namespaced_identifiers: false,
    source: { type: 'rest', system: '{{@ system @}}', operation: '{{@ datatype @}}-list' },
    transform: {
      type: 'dtl',
      rules: {
        default: [
          ['copy', '*'],
          ['add', '$healthy', ['if', ['eq', '_S.status', 'ACTIVE'], true, false]],
        ],
      },
    },
  };

  it('reads the wipe match, address, comments, manual-only pump and the $healthy rule, and renders them back', () => {
    const options = inferOptions('webhook-registry', byRole(collect, wipe));
    expect(toPlainJs(options)).toEqual({
      wipeMatch: '{{@ service_url @}}*',
      addressProperty: 'targetUrl',
      healthyWhen: { property: 'status', value: 'ACTIVE' },
      wipeRunAtStartup: false,
      wipeComment: 'Deletes our webhooks.',
      wipeRuleComment: 'only the ones pointing at this node',
    });
    const pipes = rendered('webhook-registry', options);
    expect(pipes['wipe']).toEqual(canonical(wipe));
    expect(pipes['collect']).toEqual(canonical(collect));
  });

  it('reads a -collect with no transform as copyAll false', () => {
    const bare = { ...collect, transform: undefined };
    expect(
      toPlainJs(inferOptions('webhook-registry', byRole(JSON.parse(JSON.stringify(bare)), wipe))),
    ).toMatchObject({
      copyAll: false,
    });
  });
});
