import { ExpandError, memorySource } from '../expand';
import {
  connectorFlow,
  datatypeDiagram,
  diffFlows,
  overviewDiagram,
  type ConnectorFlow,
  type FlowLink,
} from '.';
import { parseMermaid, type ParsedFlowchart, type ParseResult } from './testing/mermaid-parse';

const system = { _id: '{{@ system @}}', type: 'system:rest', operations: {} };
const pipe = (role: string, rest: Record<string, unknown>) => ({
  _id: `{{@ system @}}-{{@ datatype @}}-${role}`,
  type: 'pipe',
  ...rest,
});

/** A connector with one of each kind of link. */
const files = {
  'manifest.json': JSON.stringify({
    system: 'Acme "Shop" #1',
    'system-template': 'templates/system.json',
    datatypes: {
      order: { template: 'templates/order.json' },
      end: { template: 'templates/end.json' },
    },
  }),
  'templates/system.json': JSON.stringify(system),
  'templates/order.json': JSON.stringify([
    pipe('all', { source: { type: 'rest', system: '{{@ system @}}', operation: '{{@ datatype @}}-list' } }),
    pipe('event', { source: { type: 'http_endpoint' } }),
    pipe('collect', {
      source: {
        type: 'merge_datasets',
        datasets: ['{{@ system @}}-{{@ datatype @}}-all a', '{{@ system @}}-{{@ datatype @}}-event e'],
      },
      exclude_completeness: ['{{@ system @}}-{{@ datatype @}}-share'],
      transform: {
        type: 'dtl',
        rules: { default: [['add', 'x', ['hops', { datasets: ['global-customer gc'], where: [] }]]] },
      },
    }),
    pipe('share', {
      source: { type: 'dataset', dataset: '{{@ system @}}-{{@ datatype @}}-transform' },
      transform: [
        {
          type: 'template',
          template: 'transform-share-rest',
          properties: {
            rest_system: '{{@ system @}}',
            operation_insert: '{{@ datatype @}}-insert',
            operation_update: '{{@ datatype @}}-update',
            operation_insert_properties: { x: 1 },
            share_dataset: '{{@ system @}}-{{@ datatype @}}-share',
          },
        },
        {
          type: 'chained',
          transforms: [{ type: 'rest', system: 'other', operation: 'notify' }],
        },
      ],
      sink: { dataset: 'renamed' },
    }),
    pipe('publish', {
      source: { type: 'dataset', dataset: 'renamed' },
      sink: { type: 'json' },
    }),
    pipe('push', {
      source: { type: 'dataset', dataset: 'renamed' },
      sink: { type: 'rest', system: '{{@ system @}}', operation: '{{@ datatype @}}-delete' },
    }),
  ]),
  // A datatype named like a Mermaid keyword, with a pipe id full of characters labels must escape.
  'templates/end.json': JSON.stringify([pipe('a"b#c|d<e>', { source: { type: 'embedded', entities: [] } })]),
};

const flow = connectorFlow(memorySource(files));

/** A flow of `n` datatypes, each a chain of three pipes reading the one before's dataset. */
const wide = (n: number): ConnectorFlow => {
  const datatypes = Array.from({ length: n }, (_, i) => `d${i}`);
  const manifest = { 'system-template': 'templates/system.json', datatypes: {} as Record<string, unknown> };
  const chain = JSON.stringify([
    pipe('all', { source: { type: 'rest', system: '{{@ system @}}', operation: 'list' } }),
    pipe('collect', { source: { type: 'dataset', dataset: '{{@ system @}}-{{@ datatype @}}-all' } }),
    pipe('share', {
      source: { type: 'dataset', dataset: '{{@ system @}}-{{@ datatype @}}-collect' },
      transform: { type: 'rest', system: '{{@ system @}}', operation: 'insert' },
    }),
  ]);
  for (const d of datatypes) manifest.datatypes[d] = { template: 'templates/chain.json' };
  return connectorFlow(
    memorySource({
      'manifest.json': JSON.stringify(manifest),
      'templates/system.json': JSON.stringify(system),
      'templates/chain.json': chain,
    }),
  );
};

/** The connector after a change: collect hops elsewhere, push is gone, audit is new, so is datatype extra. */
const changedFiles = (() => {
  const order = JSON.parse(files['templates/order.json']) as Record<string, any>[];
  order[2].transform.rules.default[0][2][1].datasets = ['global-other'];
  const kept = order.filter((p) => !String(p._id).endsWith('-push'));
  kept.push(pipe('audit', { source: { type: 'dataset', dataset: 'renamed' } }));
  const manifest = JSON.parse(files['manifest.json']);
  manifest.datatypes.extra = { template: 'templates/end.json' };
  return {
    ...files,
    'manifest.json': JSON.stringify(manifest),
    'templates/order.json': JSON.stringify(kept),
  };
})();
const diffed = diffFlows(flow, connectorFlow(memorySource(changedFiles)));
const diffedText = datatypeDiagram(diffed, 'order');

const wideFlow = wide(130); // 5 links each: 650 > 500
const limitedText = overviewDiagram(wide(4), { maxEdges: 5 });
// Mermaid runs in a process of its own: one for every diagram of this file.
const [order, end, overview, wideOverview, limited, marked] = parseMermaid([
  datatypeDiagram(flow, 'order'),
  datatypeDiagram(flow, 'end'),
  overviewDiagram(flow),
  overviewDiagram(wideFlow),
  limitedText,
  diffedText,
]).map((result: ParseResult, i) => {
  if ('error' in result) throw new Error(`diagram ${i} does not parse: ${result.error}`);
  return result;
});

const describeLink = (link: FlowLink): string =>
  `${link.from.kind}:${link.from.id} -${link.kind}${link.dataset ? `(${link.dataset})` : ''}${link.operations.length ? `[${link.operations.join(',')}]` : ''}-> ${link.to.kind}:${link.to.id}`;

describe('connectorFlow', () => {
  it('reads every pipe (not the development shim) and the systems', () => {
    expect(flow.label).toBe('Acme "Shop" #1');
    expect(flow.datatypes).toEqual(['order', 'end']);
    expect(flow.pipes.map((p) => [p.id, p.datatype, p.sourceType])).toEqual([
      ['xxxxxx-order-all', 'order', 'rest'],
      ['xxxxxx-order-event', 'order', 'http_endpoint'],
      ['xxxxxx-order-collect', 'order', 'merge_datasets'],
      ['xxxxxx-order-share', 'order', 'dataset'],
      ['xxxxxx-order-publish', 'order', 'dataset'],
      ['xxxxxx-order-push', 'order', 'dataset'],
      ['xxxxxx-end-a"b#c|d<e>', 'end', 'embedded'],
    ]);
    expect(flow.systems).toEqual([
      { id: 'xxxxxx', defined: true },
      { id: 'other', defined: false },
    ]);
  });

  it('links datasets from the pipe that writes them (or a dataset node), systems both ways', () => {
    expect(flow.links.map(describeLink).sort()).toEqual(
      [
        'system:xxxxxx -read[order-list]-> pipe:xxxxxx-order-all',
        'system:xxxxxx -webhook-> pipe:xxxxxx-order-event',
        // merge sources, aliases cut
        'pipe:xxxxxx-order-all -source(xxxxxx-order-all)-> pipe:xxxxxx-order-collect',
        'pipe:xxxxxx-order-event -source(xxxxxx-order-event)-> pipe:xxxxxx-order-collect',
        // exclude_completeness and a hop into a dataset no pipe here writes
        'dataset:xxxxxx-order-share -exclude_completeness(xxxxxx-order-share)-> pipe:xxxxxx-order-collect',
        'dataset:global-customer -hops(global-customer)-> pipe:xxxxxx-order-collect',
        // the collect dataset nobody here reads: drawn as the pipe's output
        'pipe:xxxxxx-order-collect -sink(xxxxxx-order-collect)-> dataset:xxxxxx-order-collect',
        // share reads the shim's output (a dataset node), hops via the template's share_dataset,
        // calls the system through the REST template and another system through a chained rest step
        'dataset:xxxxxx-order-transform -source(xxxxxx-order-transform)-> pipe:xxxxxx-order-share',
        'dataset:xxxxxx-order-share -hops(xxxxxx-order-share)-> pipe:xxxxxx-order-share',
        'pipe:xxxxxx-order-share -call[order-insert,order-update]-> system:xxxxxx',
        'pipe:xxxxxx-order-share -call[notify]-> system:other',
        // a renamed sink dataset, read by two pipes; a json endpoint and a rest sink
        'pipe:xxxxxx-order-share -source(renamed)-> pipe:xxxxxx-order-publish',
        'pipe:xxxxxx-order-share -source(renamed)-> pipe:xxxxxx-order-push',
        'pipe:xxxxxx-order-publish -sink-> endpoint:xxxxxx-order-publish:json',
        'pipe:xxxxxx-order-push -call[order-delete]-> system:xxxxxx',
        'pipe:xxxxxx-end-a"b#c|d<e> -sink(xxxxxx-end-a"b#c|d<e>)-> dataset:xxxxxx-end-a"b#c|d<e>',
      ].sort(),
    );
  });

  it('throws the expander error for a connector that does not expand', () => {
    expect(() => connectorFlow(memorySource({ 'manifest.json': '{"datatypes": [}' }))).toThrow(ExpandError);
  });
});

describe('Mermaid text', () => {
  const vertex = (chart: ParsedFlowchart, text: string) => {
    const found = chart.vertices.filter((v) => v.text === text);
    expect(found).toHaveLength(1);
    return found[0];
  };
  const edge = (chart: ParsedFlowchart, from: string, to: string) =>
    chart.edges.filter((e) => e.start === vertex(chart, from).id && e.end === vertex(chart, to).id);

  it('parses with Mermaid, labels shown exactly as the names are (quotes, #, |, <, > escaped)', () => {
    expect(vertex(order, 'Acme "Shop" #1').type).toBe('hexagon');
    expect(vertex(end, 'a"b#c|d<e>').type).toBe('square');
    expect(vertex(end, 'end-a"b#c|d<e>').type).toBe('cylinder');
    expect(end.subgraphs.map((s) => s.title)).toEqual(['end']);
  });

  it('draws the webhook receiver as an entry, datasets as edges, calls back to the system', () => {
    expect(vertex(order, 'event').type).toBe('odd');
    expect(edge(order, 'Acme "Shop" #1', 'event')).toEqual([
      expect.objectContaining({ text: 'webhook', stroke: 'dotted' }),
    ]);
    expect(edge(order, 'all', 'collect')).toEqual([expect.objectContaining({ text: '', stroke: 'normal' })]);
    expect(edge(order, 'share', 'push')).toEqual([expect.objectContaining({ text: 'renamed' })]);
    expect(edge(order, 'share', 'Acme "Shop" #1')).toEqual([
      expect.objectContaining({ text: 'order-insert, order-update', stroke: 'thick' }),
    ]);
    expect(edge(order, 'order-share', 'collect')).toEqual([
      expect.objectContaining({ text: 'exclude_completeness', stroke: 'dotted' }),
    ]);
    expect(vertex(order, 'other (not in this connector)').type).toBe('hexagon');
    expect(vertex(order, 'json endpoint').type).toBe('stadium');
    expect(order.edges).toHaveLength(flow.links.filter((l) => !describeLink(l).includes('end-')).length);
  });

  it('groups every datatype in the overview', () => {
    expect(overview.subgraphs.map((s) => [s.title, s.nodes.length])).toEqual([
      ['order', 6],
      ['end', 1],
    ]);
    expect(overview.edges).toHaveLength(flow.links.length);
  });
});

describe('Mermaid limits', () => {
  it('collapses each datatype to one node when the overview would pass the edge limit', () => {
    expect(wideOverview.subgraphs).toEqual([]);
    expect(wideOverview.vertices.map((v) => v.text)).toContain('d7 · 3 pipes');
    // Links inside a datatype are gone: per datatype the read, the call and share's output remain.
    expect(wideOverview.edges).toHaveLength(390);
    expect(wideOverview.edges.filter((e) => e.start === 'sys_xxxxxx')).toHaveLength(130);
  });

  it('leaves links out, and says so, when even the collapsed overview would pass it', () => {
    expect(limitedText).toContain('%% 7 more links left out (Mermaid draws at most 5 edges)');
    expect(limited.edges).toHaveLength(5);
  });
});

describe('diffFlows', () => {
  it('marks added, changed and removed pipes and links, and the datatypes they touch', () => {
    const marks = (items: readonly { status?: string }[], name: (item: any) => string) =>
      items
        .filter((i) => i.status)
        .map((i) => `${i.status} ${name(i)}`)
        .sort();
    expect(marks(diffed.pipes, (p) => p.id)).toEqual([
      'added xxxxxx-extra-a"b#c|d<e>',
      'added xxxxxx-order-audit',
      'changed xxxxxx-order-collect',
      'removed xxxxxx-order-push',
    ]);
    expect(marks(diffed.links, describeLink)).toEqual([
      'added dataset:global-other -hops(global-other)-> pipe:xxxxxx-order-collect',
      'added pipe:xxxxxx-extra-a"b#c|d<e> -sink(xxxxxx-extra-a"b#c|d<e>)-> dataset:xxxxxx-extra-a"b#c|d<e>',
      'added pipe:xxxxxx-order-audit -sink(xxxxxx-order-audit)-> dataset:xxxxxx-order-audit',
      'added pipe:xxxxxx-order-share -source(renamed)-> pipe:xxxxxx-order-audit',
      'removed dataset:global-customer -hops(global-customer)-> pipe:xxxxxx-order-collect',
      'removed pipe:xxxxxx-order-push -call[order-delete]-> system:xxxxxx',
      'removed pipe:xxxxxx-order-share -source(renamed)-> pipe:xxxxxx-order-push',
    ]);
    expect([...diffed.datatypeStatus!]).toEqual([
      ['order', 'changed'],
      ['extra', 'added'],
    ]);
    expect(diffFlows(flow, flow).datatypeStatus!.size).toBe(0);
  });

  it('draws the marks as Mermaid classes and as text for readers without colour', () => {
    const text = (label: string) => marked.vertices.find((v) => v.text === label);
    expect(text('audit (added)')).toBeDefined();
    expect(text('collect (changed)')).toBeDefined();
    expect(text('push (removed)')).toBeDefined();
    expect(text('all')).toBeDefined();
    expect(marked.subgraphs.map((s) => s.title)).toEqual(['order (changed)']);
    expect(marked.classes).toEqual(expect.arrayContaining(['added', 'changed', 'removed']));
    expect(marked.edges.filter((e) => e.text.endsWith('(removed)')).map((e) => e.text)).toEqual([
      'hops (removed)',
      'renamed (removed)',
      'order-delete (removed)',
    ]);
    expect(diffedText).toMatch(/^ {2}class p_order_audit added$/m);
    expect(diffedText).toMatch(/^ {2}linkStyle [\d,]+ stroke:#cf222e/m);
  });
});
