import { loadTemplatePack } from '../render';
import { parseJson, toCanonicalJson } from '../json';
import { planDatatypes, type DatatypePlan } from './plan-datatypes';
import { ID, inferred } from './testing/pipes';

const PACK = loadTemplatePack();
const options = inferred;
const plan = (files: Record<string, object | string>, datatypes: [string, string][]): DatatypePlan[] =>
  planDatatypes(
    {
      datatypes: datatypes.map(([name, template]) => ({ name, template })),
      files: new Map(
        Object.entries(files).map(([path, value]) => [
          path,
          typeof value === 'string' ? value : JSON.stringify(value),
        ]),
      ),
    },
    PACK,
  );
const patchesOf = (planned: DatatypePlan) =>
  planned.kind === 'pattern' ? Object.fromEntries(planned.patches) : `not on a pattern: ${planned.kind}`;

/** A collect pipe that reads the API itself, the most common real shape. */
const apiCollect = {
  _id: ID('collect'),
  type: 'pipe',
  add_namespaces: false,
  source: {
    type: 'rest',
    system: '{{@ system @}}',
    operation: '{{@ datatype @}}-list',
    trace: true,
    payload_property: 'data',
  },
};

describe('option inference from real pipes', () => {
  it('reads a -collect that reads the API itself: identifiers, trace, extra source keys, no template, no DTL, no pump', () => {
    expect(options('collect', apiCollect)).toEqual({
      collectPump: false,
      collectSource: 'api',
      collectTemplate: 'none',
      copyAll: false,
      excludeCompleteness: false,
      identifiers: 'add_namespaces',
      sourceProperties: { payload_property: 'data' },
      trace: true,
    });
  });

  it('reads a merged -collect with a share, its template properties, last-modified and a list of exclusions', () => {
    const collect = {
      _id: ID('collect'),
      type: 'pipe',
      namespaced_identifiers: false,
      exclude_completeness: [ID('event2'), ID('share')],
      source: { type: 'merge_datasets', datasets: [ID('event2'), ID('all')] },
      transform: [
        {
          type: 'template',
          template: 'transform-collect-rest',
          properties: { primary_key: 'Id', share_dataset: ID('share') },
        },
        {
          type: 'dtl',
          rules: {
            default: [
              ['copy', '*'],
              ['add', '$last-modified', ['datetime-parse', '%Y', '_S.updated']],
            ],
          },
        },
      ],
    };
    const share = {
      _id: ID('share'),
      type: 'pipe',
      batch_size: 1,
      add_namespaces: false,
      sink: { set_initial_offset: 'onload' },
      source: { type: 'dataset', dataset: ID('transform') },
      transform: {
        type: 'template',
        template: 'transform-share-rest',
        properties: {
          primary_key: 'Id',
          rest_system: '{{@ system @}}',
          share_dataset: ID('share'),
          enable_deletes: true,
        },
      },
    };
    const all = {
      _id: ID('all'),
      type: 'pipe',
      namespaced_identifiers: false,
      pump: { cron_expression: '0 6 * * ?' },
      source: { type: 'rest', system: '{{@ system @}}', operation: 'list' },
    };
    expect(options('collect', collect, share, all)).toEqual({
      collectPump: false,
      collectSource: ['event2', 'all'],
      collectTemplate: 'share-dataset',
      cronExpression: '0 6 * * ?',
      excludeCompleteness: ['event2', 'share'],
      lastModified: { format: '%Y', property: 'updated' },
      listOperation: 'list',
      primaryKey: 'Id',
      share: true,
      shareDeletionTracking: true,
      shareIdentifiers: 'add_namespaces',
      shareOperations: false,
      shareTemplateProperties: { enable_deletes: true },
      transformForm: 'object',
    });
  });

  it('reads a source of another type than rest, with its settings', () => {
    const csv = {
      _id: ID('collect'),
      type: 'pipe',
      source: { type: 'csv', system: '{{@ system @}}', delimiter: ';', url: 'a.csv' },
    };
    expect(options('collect', csv)).toMatchObject({
      collectSource: 'api',
      sourceType: 'csv',
      sourceProperties: { delimiter: ';', url: 'a.csv' },
      identifiers: 'none',
    });
  });

  it('leaves out what the pipes do not show (defaults) and ignores values the options cannot hold', () => {
    const all = {
      _id: ID('all'),
      type: 'pipe',
      namespaced_identifiers: false,
      pump: { schedule_interval: 0.5 },
      source: { type: 'rest', system: '{{@ system @}}', operation: '{{@ datatype @}}-list' },
    };
    const collect = {
      ...apiCollect,
      namespaced_identifiers: false,
      add_namespaces: undefined,
      source: { type: 'dataset', dataset: ID('all') },
    };
    expect(options('collect', JSON.parse(JSON.stringify(collect)), all)).not.toHaveProperty(
      'scheduleInterval',
    );
    expect(options('collect', JSON.parse(JSON.stringify(collect)), all)).not.toHaveProperty('identifiers');
  });
});

describe('planning datatypes onto the pack', () => {
  it('renders an API-reading collect exactly: the pattern, the inferred options, no patch', () => {
    const [planned] = plan({ 'templates/order.json': [apiCollect] }, [['order', 'templates/order.json']]);
    expect(planned).toMatchObject({ kind: 'pattern', pattern: 'collect', patchSize: 0 });
    expect(patchesOf(planned!)).toEqual({});
  });

  it('keeps what no option says in a guarded patch, and adds a pipe the pattern does not make', () => {
    const extra = { _id: ID('all2'), type: 'pipe', source: { type: 'dataset', dataset: ID('all') } };
    const [planned] = plan({ 'templates/order.json': [{ ...apiCollect, comment: 'hand-written' }, extra] }, [
      ['order', 'templates/order.json'],
    ]);
    expect(patchesOf(planned!)).toEqual({
      collect: [{ op: 'add', path: '/comment', value: 'hand-written' }],
      all2: [{ op: 'add', path: '', value: parseJson(JSON.stringify(extra)) }].map((op) =>
        JSON.parse(toCanonicalJson(op as never)),
      ),
    });
  });

  it('refines the inferred options one at a time while that shrinks what is authored', () => {
    // A -share far from the pattern's: inference reads share options from it, but adding the pipe
    // whole is smaller than rendering and rewriting it; the share options it makes redundant go too.
    const share = {
      _id: ID('share'),
      type: 'pipe',
      source: { type: 'dataset', dataset: ID('collect') },
      sink: { type: 'rest' },
    };
    const collect = { ...apiCollect, namespaced_identifiers: false };
    expect(Object.keys(options('collect', collect, share))).toEqual(
      expect.arrayContaining(['share', 'shareIdentifiers', 'shareDeletionTracking']),
    );
    const [planned] = plan({ 'templates/order.json': [collect, share] }, [['order', 'templates/order.json']]);
    if (planned?.kind !== 'pattern') throw new Error(`not on a pattern: ${planned?.kind}`);
    expect([...planned.options.keys()].filter((key) => key.startsWith('share'))).toEqual([]);
    expect(patchesOf(planned)).toEqual({
      share: [
        JSON.parse(
          toCanonicalJson({ op: 'add', path: '', value: parseJson(JSON.stringify(share)) } as never),
        ),
      ],
    });
  });

  it('describes datatypes sharing one file once: the one it is named after, the others reuse it', () => {
    const planned = plan({ 'templates/human.json': [apiCollect] }, [
      ['asset', 'templates/human.json'],
      ['human', 'templates/human.json'],
    ]);
    expect(planned.map((p) => [p.name, p.kind, p.kind === 'reuse' ? p.reuse : ''])).toEqual([
      ['asset', 'reuse', 'human'],
      ['human', 'pattern', ''],
    ]);
  });

  it('reads the datatype name written out as the placeholder when only that datatype uses the file', () => {
    const literal = JSON.parse(JSON.stringify(apiCollect).replaceAll('{{@ datatype @}}', 'order'));
    const [planned] = plan({ 'templates/order.json': literal }, [['order', 'templates/order.json']]);
    expect(planned).toMatchObject({ kind: 'pattern', patchSize: 0 });
  });

  it('adopts a legacy datatype name (-, _, upper case) whose pipes spell it out, and keeps raw a name that changes a path', () => {
    const spelled = (name: string) =>
      JSON.parse(JSON.stringify(apiCollect).replaceAll('{{@ datatype @}}', name));
    const planned = plan(
      { 'templates/business-unit.json': spelled('business-unit'), 'templates/a.b.json': spelled('a.b') },
      [
        ['business-unit', 'templates/business-unit.json'],
        ['a.b', 'templates/a.b.json'],
      ],
    );
    expect(planned[0]).toMatchObject({ kind: 'pattern', pattern: 'collect', patchSize: 0 });
    expect(planned[1]).toMatchObject({ kind: 'raw', reason: expect.stringContaining(`contains '.'`) });
  });

  it('keeps raw, saying why, what no pattern can describe', () => {
    const planned = plan(
      {
        'templates/a.json': [{ ...apiCollect, _id: 'push-{{@ datatype @}}-all' }],
        'templates/b.json': '{ not json',
        'templates/shared.json': [apiCollect],
      },
      [
        ['a', 'templates/a.json'],
        ['b', 'templates/b.json'],
        ['c', 'templates/shared.json'],
        ['d', 'templates/missing.json'],
      ],
    );
    expect(planned.map((p) => (p.kind === 'raw' ? p.reason.replace(/ \(.*$/, '') : p.kind))).toEqual([
      'the pipe "push-{{@ datatype @}}-all" does not follow the naming {{@ system @}}-{{@ datatype @}}-<role>',
      'it is not valid JSON',
      'its file templates/shared.json is not named after one of its datatypes',
      'the source has no such file',
    ]);
  });
});
