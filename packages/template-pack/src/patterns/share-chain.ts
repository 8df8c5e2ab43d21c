/**
 * The `-share` pipe with `transform-share-rest` written out (option `shareForm`): the steps Sesam's
 * template expands to — decide the operation, look the entity up, compare it with `$based_on`,
 * call the write operations, record the result — as real connectors keep them. The content is the
 * expansion salesforce@playground (account) and tidsbanken@IS-17069 (prosjektlinje) write out alike
 * (superoffice and training@origin_* write an older one; see the pack README); where those two
 * differ (the insert payload), the one superoffice@main shares. Only the primary key is a parameter.
 */
import type { PatternOptions } from '../types';

/** The share dataset as the decision and result DTL hop to it. */
const SHARE_ALIAS = '{{@ system @}}-{{@ datatype @}}-share st';

/**
 * Which expansion the steps follow (option `shareStepsEdition`): `current`, or `early` — the one
 * before `$discard` (discard-by-connector), partial natural keys, `sesam_*` stripping, the update
 * payload rewrite, `$unsafe_skip_optimistic_locking`, `$truncation` and IS-16402/IS-15016, with
 * deletes enabled, as superoffice@* and training@origin_* write it out.
 */
export const SHARE_STEPS_EDITIONS = ['current', 'early'] as const;

/** The payload: the entity's properties but `_*`, `$*` and (current edition) `sesam_*`. */
const payloadRules = (early: boolean) => [
  [
    'merge',
    [
      'dict',
      [
        'filter',
        [
          'not',
          [
            'or',
            ['matches', '_*', ['first', '_.']],
            ['matches', '$*', ['first', '_.']],
            ...(early ? [] : [['matches', 'sesam_*', ['first', '_.']]]),
          ],
        ],
        ['items', '_S.'],
      ],
    ],
  ],
];

const REWRITE_UPDATE_PAYLOAD = [['add', '$payload', ['list', ['apply', 'payload', '_S.$source']]]];

/** The update and insert payload: `$source.$payload` when the entity has one, else its `payload`. */
const payloadOf = (source: string) => [
  'add',
  '_payload',
  ['if', ['is-not-null', `${source}.$payload`], `${source}.$payload`, ['apply', 'payload', source]],
];

/** `value` without `sesam_*` properties (current edition), or as it is. */
const stripSesam = (early: boolean, value: unknown) =>
  early ? value : ['apply', 'strip-sesam-properties', value];

/** Decision DTL: which `$operation` (lookup, insert, delete or a `discard-*`) each entity takes. */
const decisionRules = (pk: string, early: boolean) => {
  /** The entities with a primary key (lookup, delete) and those without (insert, discard). */
  const byKey = [
    'if',
    ['all', ['is-not-null', '_.'], ['map', ['path', '_.', '_S.'], ['literal', pk]]],
    [
      'if',
      ['eq', '_S._deleted', true],
      [
        ['comment', 'Entity is deleted and it does have a system specific id.'],
        ['merge', ['apply', 'delete', '_S.']],
      ],
      [
        ['comment', 'Entity is not deleted and it does have a system specific id.'],
        ['merge', ['apply', 'lookup', '_S.']],
      ],
    ],
    [
      'if',
      ['eq', '_S._deleted', true],
      ['merge', ['apply', 'discard-delete-non-existent', '_S.']],
      [
        [
          'comment',
          'At this point there is no primary key, so we should do an insert unless there are sink entity ids in $ids with $generated_id in them.',
        ],
        [
          'if',
          [
            'is-not-empty',
            [
              'filter',
              ['is-not-null', '_.'],
              [
                'hops',
                {
                  datasets: [SHARE_ALIAS],
                  return: 'st.$generated_id',
                  'track-dependencies': false,
                  where: [['eq', '_S.$ids', ['ni', 'st._id']]],
                },
              ],
            ],
          ],
          ['merge', ['apply', 'discard-already-inserted', '_S.']],
          [
            [
              'comment',
              'Entity is not deleted, it does not have a system specific id and it does not exist in sink dataset.',
            ],
            ['merge', ['apply', 'insert', '_S.']],
          ],
        ],
      ],
    ],
  ];
  return {
    default: [
      ['copy', ['literal', pk]],
      ['add', '$source', '_S.'],
      ['copy', '$origin'],
      ['copy', '$replaced'],
      [
        'if',
        ['and', ['eq', '_S.$replaced', true], ['eq', '_S._deleted', true]],
        ['merge', ['apply', 'discard-replaced', '_S.']],
        early
          ? byKey
          : [
              'if',
              ['has-key', '$discard', '_S.'],
              ['merge', ['apply', 'discard-by-connector', '_S.']],
              byKey,
            ],
      ],
    ],
    delete: [['add', '$operation', early ? 'delete' : 'discard-deletes-not-enabled']],
    'discard-already-inserted': [['add', '$operation', 'discard-already-inserted']],
    ...(early
      ? {}
      : {
          'discard-by-connector': [
            ['add', '$operation', 'discard-by-connector'],
            ['add', '$reason', '_S.$discard'],
          ],
        }),
    'discard-delete-non-existent': [['add', '$operation', 'discard-delete-non-existent']],
    ...(early
      ? {}
      : { 'discard-partial-natural-key': [['add', '$operation', 'discard-partial-natural-key']] }),
    'discard-replaced': [['add', '$operation', 'discard-replaced']],
    insert: [['add', '$operation', 'insert'], payloadOf('_R._T.$source'), ['add', 'payload', '_T._payload']],
    lookup: [['add', '$operation', 'lookup']],
    payload: payloadRules(early),
    ...(early ? {} : { rewrite_update_payload: REWRITE_UPDATE_PAYLOAD }),
  };
};

/** Comparison DTL: after the lookup, `update` or a `discard-*` by comparing with `$based_on`. */
const comparisonRules = (pk: string, early: boolean) => ({
  'based-on-comparison': [
    [
      'comment',
      'If looked up entity is different from $based_on then noop. If looked up entity is same as _S then noop - otherwise perform update',
    ],
    ['merge', ['apply', 'based-on-source', '_S.']],
    ['merge', ['apply', 'based-on-lookup', '_S.']],
    ['merge', ['apply', 'based-on-update', '_S.']],
    [
      'if',
      ['neq', '_T.$based_on_lookup', '_T.$based_on_source'],
      ['add', '$result', 'modified-in-system'],
      [
        'if',
        ['neq', '_T.$based_on_update', '_T.$based_on_source'],
        ['add', '$result', 'needs-update'],
        ['add', '$result', 'entity-not-changed'],
      ],
    ],
  ],
  'based-on-lookup': [
    [
      'add',
      '$based_on_lookup',
      ['apply', 'remove-unmapped-properties', ['dict', 'prefix', '', 'data', ['first', '_S.response_body']]],
    ],
  ],
  'based-on-source': [['add', '$based_on_source', stripSesam(early, '_S.$source.$based_on')]],
  'based-on-update': [
    [
      'add',
      '$based_on_update',
      stripSesam(early, [
        'apply',
        'remove-unmapped-properties',
        ['dict', 'prefix', '', 'data', '_S.$source'],
      ]),
    ],
  ],
  default: [
    [
      'if',
      ['neq', '_S.$operation', 'lookup'],
      [
        [
          'if',
          ['eq', '_S.$operation', 'insert'],
          [
            'if',
            ['is-null', '_S.$origin'],
            ['fail!', 'Entity to be inserted does not have $origin property'],
          ],
        ],
        ['copy', '*'],
      ],
      [
        [
          'if',
          ['neq', '_S.response_status', 200],
          ['copy', '*'],
          [
            ['add', '$comparison', ['apply', 'based-on-comparison', '_S.']],
            [
              'case-eq',
              ['path', '$result', '_T.$comparison'],
              'modified-in-system',
              early
                ? ['merge', ['apply', 'discard-modified-in-system', '_S.']]
                : [
                    'if',
                    ['eq', '_S.$source.$unsafe_skip_optimistic_locking', true],
                    ['merge', ['apply', 'update', '_S.']],
                    ['merge', ['apply', 'discard-modified-in-system', '_S.']],
                  ],
              'entity-not-changed',
              ['merge', ['apply', 'discard-entity-not-changed', '_S.']],
              ['merge', ['apply', 'update', '_S.']],
            ],
            ['copy', '$source'],
            ['copy', ['literal', pk]],
            ['copy', '$origin'],
            ['copy', '$replaced'],
            ['add', '$trace_lookup', ['apply', 'trace', '_S.']],
          ],
        ],
      ],
    ],
  ],
  'discard-entity-not-changed': [['add', '$operation', 'discard-entity-not-changed']],
  'discard-modified-in-system': [['add', '$operation', 'discard-modified-in-system']],
  'is-match': [
    ['comment', 'workaround for shadowing the outer _. variable'],
    [
      'discard',
      ['is-not-empty', ['filter', ['matches', '_S.pattern', '_.'], '_R._S.$source.$based_on_properties']],
    ],
  ],
  'merge-lists': [
    [
      'add',
      'result',
      [
        'map',
        [
          'if',
          ['and', ['is-dict', ['nth', '_.key', '_S.a']], ['is-dict', '_.value']],
          ['apply', 'recursive-merge', ['dict', 'a', ['nth', '_.key', '_S.a'], 'b', '_.value']],
          '_.value',
        ],
        ['enumerate', '_S.b'],
      ],
    ],
  ],
  payload: payloadRules(early),
  'recursive-merge': [
    [
      'merge',
      [
        'dict',
        [
          'map',
          [
            'list',
            '_.',
            [
              'if',
              ['and', ['is-list', ['path', '_.', '_S.a']], ['is-list', ['path', '_.', '_S.b']]],
              [
                'path',
                'result',
                ['apply', 'merge-lists', ['dict', 'a', ['path', '_.', '_S.a'], 'b', ['path', '_.', '_S.b']]],
              ],
              [
                'if',
                ['and', ['is-dict', ['path', '_.', '_S.a']], ['is-dict', ['path', '_.', '_S.b']]],
                [
                  'apply',
                  'recursive-merge',
                  ['dict', 'a', ['path', '_.', '_S.a'], 'b', ['path', '_.', '_S.b']],
                ],
                ['if', ['has-key', '_.', '_S.b'], ['path', '_.', '_S.b'], ['path', '_.', '_S.a']],
              ],
            ],
          ],
          ['distinct', ['combine', ['keys', '_S.a'], ['keys', '_S.b']]],
        ],
      ],
    ],
  ],
  'remove-unmapped-properties': [
    [
      'comment',
      'function that builds up the dotted key and checks if one of dotted notations in $based_on_properties starts with this dotted key, recurses if the value is a dict',
    ],
    [
      'comment',
      "the inner 'map' checks if key matches any of the paths in $based_on_properties and recurses dicts",
    ],
    [
      'comment',
      "the 'group' removes keys for values that are null, empty strings, empty lists or empty dicts (after recursively removing unmapped properties) and groups lists of dicts",
    ],
    [
      'comment',
      "the 'map-dict' checks if the values are single valued lists and unwraps them as the previous group collects all values in lists",
    ],
    [
      'comment',
      "possible optimizations: don't recurse deep or long lists of dicts if there is no prefix that matches",
    ],
    [
      'comment',
      'possible optimizations: drop outer map-dict that unwraps the single value lists as the values are normalized regardless',
    ],
    [
      'merge',
      [
        'map-dict',
        '_.',
        ['if', ['eq', ['count', '_.'], 1], ['first', '_.'], '_.'],
        [
          'dict',
          [
            'group',
            [
              'if',
              [
                'or',
                ['and', ['is-dict', ['last', '_.']], ['gt', ['count', ['last', '_.']], 0]],
                [
                  'and',
                  ['not', ['is-dict', ['last', '_.']]],
                  ['and', ['is-not-empty', ['last', '_.']], ['neq', ['last', '_.'], '']],
                ],
              ],
              ['first', '_.'],
            ],
            ['last', '_.'],
            [
              'map',
              [
                'list',
                [
                  'if',
                  [
                    'is-not-empty',
                    [
                      'apply',
                      'is-match',
                      ['dict', 'pattern', ['concat', '_S.prefix', ['ni-id', ['ni', ['first', '_.']]], '*']],
                    ],
                  ],
                  ['ni-id', ['ni', ['first', '_.']]],
                ],
                [
                  'if',
                  ['is-dict', ['last', '_.']],
                  [
                    'apply',
                    'remove-unmapped-properties',
                    [
                      'dict',
                      'data',
                      ['last', '_.'],
                      'prefix',
                      ['concat', '_S.prefix', ['ni-id', ['ni', ['first', '_.']]], '.'],
                    ],
                  ],
                  ['last', '_.'],
                ],
              ],
              ['items', '_S.data'],
            ],
          ],
        ],
      ],
    ],
  ],
  ...(early ? {} : { rewrite_update_payload: REWRITE_UPDATE_PAYLOAD }),
  ...(early ? {} : { 'strip-sesam-properties': [['copy', '*', 'sesam_*']] }),
  trace: [['copy', '*', ['list', '$trace_*', '$source']]],
  update: [
    ['add', '$operation', 'update'],
    early
      ? payloadOf('_S.$source')
      : ['add', '_payload', ['path', '$payload', ['apply', 'rewrite_update_payload', '_S.']]],
    ['add', '_lookup', ['first', '_S.response_body']],
    ['add', 'payload', '_T._payload'],
  ],
});

/** What the result DTL takes from the entity's previous version in the share dataset. */
const currentPrevious = [
  ['add-if', '$truncation', '_T._previous.$truncation'],
  ['comment', 'IS-16402: Copy $generated and $origin from previous if $generated on previous is not null'],
  [
    'if',
    ['and', ['is-null', '_T.$generated_id'], ['is-not-null', '_T._previous.$generated_id']],
    [
      ['add', '$generated_id', '_T._previous.$generated_id'],
      ['add', '$origin', '_T._previous.$origin'],
    ],
  ],
];
const earlyPrevious = [
  [
    'if',
    ['and', ['is-null', '_T.$generated_id'], ['is-not-null', '_T._previous.$generated_id']],
    ['add', '$generated_id', '_T._previous.$generated_id'],
  ],
  ['comment', 'If entity is $replaced and it has a $generated_id then we must not delete it.'],
  [
    'if',
    ['and', ['is-not-null', '_T.$generated_id'], ['eq', '_S.$operation', 'discard-replaced']],
    ['add', '_deleted', false],
  ],
  ['if', ['eq', '_S.$replaced', true], ['add-if', '$origin', '_T._previous.$origin']],
];

/** `$success`: false on an error, the previous one on a discard, else true. */
const SUCCESS_RULES = [
  ['add-if', '$previous_success', '_T._previous.$success'],
  [
    'if',
    ['is-not-null', '_T.$error'],
    ['add', '$success', false],
    [
      'if',
      ['matches', 'discard-', '_S.$operation'],
      ['add-if', '$success', '_T.$previous_success'],
      ['add', '$success', true],
    ],
  ],
];

/** Result DTL: `$error`, `$generated_id`, `$success`, `$trace_*` and what `previous` kept. */
const resultRules = (pk: string, early: boolean) => ({
  default: [
    ['copy', ['literal', pk]],
    ['copy', '$source'],
    ['copy', '$origin'],
    ['copy', '$replaced'],
    ['copy', '$trace_*'],
    ['add', '$last_operation', '_S.$operation'],
    ['add', ['concat', '$trace_', '_S.$operation'], ['apply', 'trace', '_S.']],
    ['comment', 'Check lookup operation'],
    [
      'if',
      ['and', ['eq', '_S.$operation', 'lookup'], ['not', ['in', '_S.response_status', ['list', 200]]]],
      ['add', '$error', 'error-lookup'],
    ],
    ['comment', 'Check insert operation'],
    [
      'if',
      ['eq', '_S.$operation', 'insert'],
      [
        'if',
        ['not', ['in', '_S.response_status', ['list', 200, 201, ...(early ? [] : [204])]]],
        ['add', '$error', 'error-insert'],
        [
          ['add', '$generated_id', ['first', `_S.response_body.${pk}`]],
          early
            ? ['if', ['is-null', '_T.$generated_id'], ['fail!', 'Generated primary key not found']]
            : [
                'if',
                ['any', ['is-null', '_.'], '_T.$generated_id'],
                ['trip!', 'Generated primary key is incomplete or not found'],
              ],
        ],
      ],
    ],
    ['comment', 'Check update operation'],
    [
      'if',
      [
        'and',
        ['eq', '_S.$operation', 'update'],
        ['not', ['in', '_S.response_status', ['list', 200, 201, 204]]],
      ],
      ['add', '$error', 'error-update'],
    ],
    ['comment', 'Check delete operation'],
    [
      'if',
      ['and', ['eq', '_S.$operation', 'delete'], ['not', ['in', '_S.response_status', ['list', 200, 204]]]],
      ['add', '$error', 'error-delete'],
    ],
    [
      'add',
      '_previous',
      [
        'apply',
        'previous',
        [
          'first',
          [
            'hops',
            { datasets: [SHARE_ALIAS], 'track-dependencies': false, where: [['eq', '_S._id', 'st._id']] },
          ],
        ],
      ],
    ],
    ...(early ? earlyPrevious : currentPrevious),
    ...SUCCESS_RULES,
    ...(early
      ? []
      : [
          ['comment', 'IS-15016: Never write deleted entities to the share sink dataset'],
          ['if', ['eq', '_S._deleted', true], ['add', '$deleted', true]],
          ['add', '_deleted', false],
        ]),
  ],
  previous: [
    ['copy', '$generated_id'],
    ['copy', '$origin'],
    ...(early ? [] : [['copy', '$truncation']]),
    ['copy', '$success'],
  ],
  trace: [['copy', '*', ['list', '$trace_*', '$source']]],
});

/** The rest step of an operation role, run for entities whose `$operation` is that role. */
const restStep = (role: string, keys: PatternOptions) => ({
  allowed_status_codes: '100-428,430-599',
  operation: `{{@ datatype @}}-${role}`,
  replace_entity: false,
  response_property: 'response_body',
  response_status_property: 'response_status',
  side_effects: role !== 'lookup',
  system: '{{@ system @}}',
  trigger_on: { key: '$operation', value: role },
  type: 'rest',
  ...keys,
});

/** The write roles in the order the chain calls them. */
const WRITE_ORDER = ['update', 'insert', 'delete'] as const;

/**
 * The written-out steps for a primary key, the write roles the datatype shares (`shareOperations`)
 * and the extra keys of every rest step (`shareStepKeys`).
 */
export function shareChainSteps(
  primaryKey: string,
  writes: readonly string[],
  stepKeys: PatternOptions = {},
  edition: (typeof SHARE_STEPS_EDITIONS)[number] = 'current',
): object[] {
  const early = edition === 'early';
  return [
    { type: 'dtl', rules: decisionRules(primaryKey, early) },
    restStep('lookup', stepKeys),
    { type: 'dtl', rules: comparisonRules(primaryKey, early) },
    ...WRITE_ORDER.filter((role) => writes.includes(role)).map((role) => restStep(role, stepKeys)),
    { type: 'dtl', rules: resultRules(primaryKey, early) },
  ];
}
