import { loadTemplatePack } from '../render';
import { toCanonicalJson } from '../json';
import { planDatatypes } from './plan-datatypes';
import { ID, inferred, sharePipe } from './testing/pipes';

const PACK = loadTemplatePack();
const options = inferred;
/** The plan of `templates/order.json` holding these pipes: pattern, options and patches as plain data. */
const planned = (...pipes: object[]) => {
  const [plan] = planDatatypes(
    {
      datatypes: [{ name: 'order', template: 'templates/order.json' }],
      files: new Map([['templates/order.json', JSON.stringify(pipes)]]),
    },
    PACK,
  );
  if (plan?.kind !== 'pattern') throw new Error(`not on a pattern: ${JSON.stringify(plan)}`);
  return {
    pattern: plan.pattern,
    options: JSON.parse(toCanonicalJson(plan.options)),
    patches: Object.fromEntries(
      [...plan.patches].map(([role, ops]) => [role, JSON.parse(toCanonicalJson(ops as never))]),
    ),
  };
};

const collect = {
  _id: ID('collect'),
  type: 'pipe',
  namespaced_identifiers: false,
  exclude_completeness: [ID('share')],
  source: { type: 'rest', system: '{{@ system @}}', operation: '{{@ datatype @}}-list' },
  transform: {
    type: 'template',
    template: 'transform-collect-rest',
    properties: { primary_key: 'id', share_dataset: ID('share') },
  },
};
/** Hand-written share DTL: the payload without Sesam's properties, a default for inserts. */
const payloadRules = {
  default: [
    ['copy', '*'],
    ['if', ['is-null', '_S.id'], ['add', 'status', 'NEW']],
    ['add', '$payload', ['apply', 'create-payload', '_S.']],
  ],
  'create-payload': [['copy', '*', ['list', '_*', '$*']]],
};
const shareRest = (properties: object, extra: object = {}) => ({
  ...extra,
  type: 'template',
  template: 'transform-share-rest',
  properties: { primary_key: 'id', rest_system: '{{@ system @}}', share_dataset: ID('share'), ...properties },
});
const share = sharePipe;
const OPERATIONS = {
  operation_insert: '{{@ datatype @}}-insert',
  operation_update: '{{@ datatype @}}-update',
  operation_lookup: '{{@ datatype @}}-lookup',
};

describe('-share: the DTL before transform-share-rest, the operations it names, the transform keys', () => {
  it('reads the hand-written DTL as shareRules, three of the four operations as a list, trace as a transform key', () => {
    const pipes = [
      collect,
      share([{ type: 'dtl', rules: payloadRules }, shareRest(OPERATIONS, { trace: true })]),
    ];
    expect(options('collect', ...pipes)).toMatchObject({
      share: true,
      shareRules: payloadRules,
      shareOperations: ['insert', 'update', 'lookup'],
      shareTransformKeys: { trace: true },
    });
    expect(options('collect', ...pipes)).not.toHaveProperty('shareTemplateProperties');
    expect(planned(...pipes)).toMatchObject({ pattern: 'collect', patches: {} });
  });

  it('keeps an operation named otherwise as a template property, and names the rest by role', () => {
    const pipes = [
      collect,
      share(
        shareRest({
          operation_insert: '{{@ datatype @}}-upsert',
          operation_update: '{{@ datatype @}}-upsert',
          operation_delete: '{{@ datatype @}}-delete',
          operation_lookup: '{{@ datatype @}}-lookup',
        }),
      ),
    ];
    expect(options('collect', ...pipes)).toMatchObject({
      shareOperations: ['delete', 'lookup'],
      shareTemplateProperties: {
        operation_insert: '{{@ datatype @}}-upsert',
        operation_update: '{{@ datatype @}}-upsert',
      },
    });
    expect(planned(...pipes).patches).toEqual({});
  });

  it('reads the pattern’s own payload wrapping as sharePayloadKey, not as shareRules', () => {
    const wrapping = {
      type: 'dtl',
      rules: {
        default: [
          ['copy', '*', ['list', '_*', '$*']],
          ['add', '$payload', ['dict', 'order', '_T.']],
          ['copy', '*'],
        ],
      },
    };
    const inferred = options(
      'collect',
      collect,
      share([wrapping, shareRest({ ...OPERATIONS, operation_delete: '{{@ datatype @}}-delete' })]),
    );
    expect(inferred).toMatchObject({ sharePayloadKey: 'order' });
    expect(inferred).not.toHaveProperty('shareRules');
    expect(inferred).not.toHaveProperty('shareOperations');
  });

  it('reads a DTL with keys beside type and rules, or one not right before the template, as a first transform', () => {
    const named = { type: 'dtl', name: 'shape', rules: payloadRules };
    const withName = options('collect', collect, share([named, shareRest(OPERATIONS)]));
    expect(withName).not.toHaveProperty('shareRules');
    expect(withName).toMatchObject({ shareFirstTransforms: [named] });
    const apart = [
      { type: 'dtl', rules: payloadRules },
      { type: 'rest', system: '{{@ system @}}' },
      shareRest(OPERATIONS),
    ];
    expect(options('collect', collect, share(apart))).not.toHaveProperty('shareRules');
    expect(options('collect', collect, share(apart))).toMatchObject({
      shareFirstTransforms: apart.slice(0, 2),
    });
  });

  it('leaves transforms after transform-share-rest to a patch', () => {
    const after = { type: 'dtl', rules: { default: [['copy', '*']] } };
    const listed = { ...collect, transform: [collect.transform] };
    const { pattern, patches } = planned(listed, share([shareRest(OPERATIONS), after]));
    expect(pattern).toBe('collect');
    expect(Object.keys(patches)).toEqual(['share']);
    expect(patches.share).toContainEqual({ op: 'add', path: '/transform/-', value: after });
  });

  it('says none of the operations with false, as the share pattern takes it too', () => {
    const pipes = [share(shareRest({ operation_insert_properties: { a: 'b' } }))];
    expect(options('collect', collect, ...pipes)).toMatchObject({
      shareOperations: false,
      shareTemplateProperties: { operation_insert_properties: { a: 'b' } },
    });
    expect(planned(...pipes)).toMatchObject({ pattern: 'share', patches: {} });
  });
});

describe('-collect: its own DTL and where it stands', () => {
  const withTransform = (transform: object[]) => ({ ...collect, transform });
  const template = collect.transform;
  const idRules = {
    default: [
      ['copy', '*'],
      ['add', '_id', ['string', '_S.Id']],
    ],
  };

  it('reads a DTL before transform-collect-rest as collectRules first', () => {
    const pipe = withTransform([{ type: 'dtl', rules: idRules }, template]);
    expect(options('collect', pipe)).toMatchObject({ collectRules: idRules, collectRulesFirst: true });
    expect(planned(pipe).patches).toEqual({});
  });

  it('reads hand-written rules after it as collectRules, the pattern’s own rules as copyAll / lastModified', () => {
    const changes = {
      default: [
        ['copy', '*'],
        ['merge', ['max', '_.', ['apply', 'last-modified', '_S.changes']]],
      ],
      'last-modified': [['add', '$last-modified', ['datetime-parse', '%Y', '_S.timestamp']]],
    };
    const own = options('collect', withTransform([template, { type: 'dtl', rules: changes }]));
    expect(own).toMatchObject({ collectRules: changes });
    expect(own).not.toHaveProperty('collectRulesFirst');
    expect(planned(withTransform([template, { type: 'dtl', rules: changes }])).patches).toEqual({});

    const copy = options(
      'collect',
      withTransform([template, { type: 'dtl', rules: { default: [['copy', '*']] } }]),
    );
    expect(copy).not.toHaveProperty('collectRules');
    expect(copy).not.toHaveProperty('copyAll');
    const modified = {
      default: [
        ['copy', '*'],
        ['add', '$last-modified', ['datetime-parse', '%Y', '_S.updated']],
      ],
    };
    expect(options('collect', withTransform([template, { type: 'dtl', rules: modified }]))).toMatchObject({
      lastModified: { property: 'updated', format: '%Y' },
    });
    expect(
      options('collect', withTransform([template, { type: 'dtl', rules: modified }])),
    ).not.toHaveProperty('collectRules');
  });

  it('says copyAll false for a -collect with no DTL at all', () => {
    expect(options('collect', withTransform([template]))).toMatchObject({ copyAll: false });
  });
});

describe('-collect and the reader: their own identifiers, sink, metadata and startup run', () => {
  it('reads -collect turning namespacing off otherwise than -all, its sink and the reader’s metadata', () => {
    const all = {
      _id: ID('all'),
      type: 'pipe',
      namespaced_identifiers: false,
      metadata: { supports_since: true },
      source: { type: 'rest', system: '{{@ system @}}', operation: '{{@ datatype @}}-list' },
    };
    const own = {
      _id: ID('collect'),
      type: 'pipe',
      sink: { set_initial_offset: 'onload' },
      source: { type: 'dataset', dataset: ID('all') },
    };
    const inferred = options('collect', all, own);
    expect(inferred).toMatchObject({
      collectIdentifiers: 'none',
      collectSink: { set_initial_offset: 'onload' },
      readerMetadata: { supports_since: true },
    });
    expect(inferred).not.toHaveProperty('identifiers');
    expect(planned(all, own).patches).toEqual({});
  });

  it('says runAtStartup false for a schedule without the startup run, and leaves it out with one', () => {
    const reader = (pump: object) => ({
      _id: ID('collect'),
      type: 'pipe',
      pump,
      source: { type: 'sparql', system: '{{@ system @}}', url: 'sparql' },
    });
    expect(options('collect', reader({ schedule_interval: 60 }))).toMatchObject({
      scheduleInterval: 60,
      runAtStartup: false,
    });
    expect(planned(reader({ schedule_interval: 60 })).patches).toEqual({});
    const started = options(
      'collect',
      reader({ schedule_interval: 60, run_at_startup_if_not_populated: true }),
    );
    expect(started).not.toHaveProperty('runAtStartup');
  });
});

describe('-all of a child list: it reads the parent datatype’s collected entities', () => {
  it('reads parent and allTransform from an -all on {{@ system @}}-<parent>-collect', () => {
    const perParent = [
      { type: 'rest', system: '{{@ system @}}', operation: '{{@ datatype @}}-list', replace_entity: true },
      {
        type: 'dtl',
        rules: { default: [['create-child', ['apply', 'rows', '_S.lines']]], rows: [['copy', '*']] },
      },
    ];
    const all = {
      _id: ID('all'),
      type: 'pipe',
      namespaced_identifiers: false,
      source: { type: 'dataset', dataset: '{{@ system @}}-order-collect' },
      transform: perParent,
    };
    const fromAll = {
      _id: ID('collect'),
      type: 'pipe',
      namespaced_identifiers: false,
      source: { type: 'dataset', dataset: ID('all') },
    };
    expect(options('collect', all, fromAll)).toMatchObject({ parent: 'order', allTransform: perParent });
    expect(planned(all, fromAll).patches).toEqual({});
  });

  it('leaves a dataset that is no -collect, or a source with more keys, to a patch', () => {
    const fromAll = { _id: ID('collect'), type: 'pipe', source: { type: 'dataset', dataset: ID('all') } };
    const all = (source: object) => ({ _id: ID('all'), type: 'pipe', source });
    const parentOf = (source: object) => options('collect', all(source), fromAll)['parent'];
    expect(parentOf({ type: 'dataset', dataset: '{{@ system @}}-order-collect' })).toBe('order');
    expect(parentOf({ type: 'dataset', dataset: 'other-order' })).toBeUndefined();
    expect(
      parentOf({ type: 'dataset', dataset: '{{@ system @}}-order-collect', subset: ['eq', 'a', 1] }),
    ).toBeUndefined();
  });
});

describe('transforms a pipe runs before the pattern’s own: the enrich step', () => {
  const lookup = {
    type: 'rest',
    system: '{{@ system @}}',
    operation: '{{@ datatype @}}-lookup',
    replace_entity: true,
  };
  const dropDeleted = {
    type: 'dtl',
    rules: {
      default: [
        ['filter', ['neq', '_S._deleted', true]],
        ['copy', '*'],
      ],
    },
  };

  it('reads a -collect that looks each listed entity up before its template and DTL', () => {
    const own = {
      default: [
        ['copy', '*'],
        ['add', '_id', ['string', '_S.Id']],
      ],
    };
    const pipe = {
      ...collect,
      transform: [dropDeleted, lookup, collect.transform, { type: 'dtl', rules: own }],
    };
    expect(options('collect', pipe)).toMatchObject({
      collectFirstTransforms: [dropDeleted, lookup],
      collectRules: own,
    });
    expect(planned(pipe).patches).toEqual({});
  });

  it('reads every transform of a -collect with no template and no DTL as first transforms', () => {
    const pipe = { ...collect, transform: [lookup] };
    expect(options('collect', pipe)).toMatchObject({ collectFirstTransforms: [lookup], copyAll: false });
    expect(planned(pipe).patches).toEqual({});
  });

  it('reads a -share that runs a lookup and a DTL before its own DTL and the template', () => {
    const pipes = [
      collect,
      share([dropDeleted, lookup, { type: 'dtl', rules: payloadRules }, shareRest(OPERATIONS)]),
    ];
    expect(options('collect', ...pipes)).toMatchObject({
      shareFirstTransforms: [dropDeleted, lookup],
      shareRules: payloadRules,
    });
    expect(planned(...pipes).patches).toEqual({});
  });
});

describe('the share pattern: options read from -share alone', () => {
  it('reads identifiers, primary key, transform form and the share options from the one pipe', () => {
    const only = {
      ...share(shareRest({ ...OPERATIONS, operation_delete: '{{@ datatype @}}-delete', primary_key: 'Key' })),
      namespaced_identifiers: undefined,
      add_namespaces: false,
      compaction: { keep_versions: 10 },
    };
    const pipe = JSON.parse(JSON.stringify(only));
    expect(options('share', pipe)).toEqual({
      identifiers: 'add_namespaces',
      primaryKey: 'Key',
      shareKeepVersions: 10,
      transformForm: 'object',
    });
    expect(planned(pipe)).toMatchObject({ pattern: 'share', patches: {} });
  });
});

describe('-all2: the children -all nests, emitted on their own', () => {
  const all = {
    _id: ID('all'),
    type: 'pipe',
    namespaced_identifiers: false,
    source: { type: 'rest', system: '{{@ system @}}', operation: '{{@ datatype @}}-list' },
  };
  const all2 = (transform: object) => ({
    _id: ID('all2'),
    type: 'pipe',
    namespaced_identifiers: false,
    source: { type: 'dataset', dataset: ID('all') },
    transform,
  });
  const fromAll2 = {
    _id: ID('collect'),
    type: 'pipe',
    namespaced_identifiers: false,
    source: { type: 'dataset', dataset: ID('all2') },
  };

  it('reads emitChildren from an -all2 that emits the children of -all, and renders it', () => {
    const pipes = [all, all2([{ type: 'emit_children' }]), fromAll2];
    expect(options('collect', ...pipes)).toMatchObject({ collectSource: 'all2', emitChildren: true });
    expect(options('collect', ...pipes)).not.toHaveProperty('allPipe');
    expect(planned(...pipes).patches).toEqual({});
  });

  it('leaves an -all2 that does more than emit_children to its own patch, with -all kept by allPipe', () => {
    const more = all2([{ type: 'emit_children' }, { type: 'dtl', rules: { default: [['copy', '*']] } }]);
    const inferred = options('collect', all, more, fromAll2);
    expect(inferred).not.toHaveProperty('emitChildren');
    expect(inferred).toMatchObject({ allPipe: true });
    expect(Object.keys(planned(all, more, fromAll2).patches)).toEqual(['all2']);
  });
});

describe('-collect reading another datatype’s collected entities itself', () => {
  it('reads collectSource "parent" and the parent from a -collect on {{@ system @}}-<parent>-collect, with no -all', () => {
    const pipe = {
      _id: ID('collect'),
      type: 'pipe',
      namespaced_identifiers: false,
      source: { type: 'dataset', dataset: '{{@ system @}}-{{@ datatype @}}list-collect' },
    };
    expect(options('collect', pipe)).toMatchObject({
      collectSource: 'parent',
      parent: '{{@ datatype @}}list',
    });
    expect(planned(pipe).patches).toEqual({});
  });
});

describe('transformForm per pipe, where real pipes mix the two forms', () => {
  it('says the roles that write their one transform as the object, when another writes a list of one', () => {
    const listed = { ...collect, transform: [collect.transform] };
    const pipes = [listed, share(shareRest({ ...OPERATIONS, operation_delete: '{{@ datatype @}}-delete' }))];
    expect(options('collect', ...pipes)).toMatchObject({ transformForm: { share: 'object' } });
    expect(planned(...pipes).patches).toEqual({});
    expect(options('collect', collect)).toMatchObject({ transformForm: 'object' });
    expect(options('collect', listed)).not.toHaveProperty('transformForm');
  });
});
