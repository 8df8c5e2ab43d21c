import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { corpusPath, expandingFolders } from '../../../test/corpus';
import { diskSource } from '../expand';
import { connectorFlow, datatypeDiagram, overviewDiagram } from '.';
import { parseMermaid, type ParsedFlowchart } from './testing/mermaid-parse';

// Every corpus connector that sesam expand expands (read in place): its overview and each datatype's
// diagram must parse with Mermaid, and their edges are checked against the pipes sesam-py wrote
// (expected-expanded/pipes), read here on their own, without the diagram code.
const folders = expandingFolders();
const PLACEHOLDER = 'xxxxxx';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Pipe = { [key: string]: Json };

/** sesam-py's development shim, which the diagrams leave out. */
const isShim = (pipe: Pipe): boolean =>
  String(pipe._id).endsWith('-transform') &&
  JSON.stringify(pipe.transform).includes('"$based_on",["apply","based-on"');

const datasetName = (text: string): string => text.trim().split(/\s+/)[0];
const strings = (value: Json | undefined): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : [];
const source = (pipe: Pipe) => (pipe.source ?? {}) as { [key: string]: Json };
const sink = (pipe: Pipe) => (pipe.sink ?? {}) as { [key: string]: Json };
/** The dataset a pipe writes, if its sink is a dataset. */
const sinkDataset = (pipe: Pipe): string | undefined =>
  (sink(pipe).type ?? 'dataset') === 'dataset' ? String(sink(pipe).dataset ?? pipe._id) : undefined;
/** The datasets a pipe's source reads. */
const sourceDatasets = (pipe: Pipe): string[] =>
  strings(source(pipe).type === 'dataset' ? source(pipe).dataset : source(pipe).datasets).map(datasetName);
/** Every name a pipe's source, exclude_completeness and transforms mention (aliases cut). */
const mentions = (pipe: Pipe): Set<string> =>
  new Set(
    [...strings(pipe.source), ...strings(pipe.exclude_completeness), ...strings(pipe.transform)].map(
      datasetName,
    ),
  );

interface Corpus {
  folder: string;
  pipes: Map<string, Pipe>;
  label: string;
  texts: { name: string; text: string; overview: boolean }[];
}

const corpus: Corpus[] = folders.map((folder) => {
  const dir = corpusPath(folder);
  const pipeDir = path.join(dir, 'expected-expanded', 'pipes');
  const pipes = new Map<string, Pipe>();
  for (const file of existsSync(pipeDir) ? readdirSync(pipeDir) : []) {
    const pipe = JSON.parse(readFileSync(path.join(pipeDir, file), 'utf8')) as Pipe;
    if (!isShim(pipe)) pipes.set(String(pipe._id), pipe);
  }
  const flow = connectorFlow(diskSource(dir));
  return {
    folder,
    pipes,
    label: flow.label,
    texts: [
      { name: 'overview', text: overviewDiagram(flow), overview: true },
      ...flow.datatypes.map((d) => ({ name: d, text: datatypeDiagram(flow, d), overview: false })),
    ],
  };
});
// Mermaid in one process for all of them (identical diagrams are parsed once).
const results = parseMermaid(corpus.flatMap((c) => c.texts.map((t) => t.text)));

type Entity =
  | { kind: 'pipe'; id: string }
  | { kind: 'dataset'; id: string }
  | { kind: 'system'; id: string }
  | { kind: 'endpoint' };

/** What a vertex stands for, from its shape, label and box alone; undefined when it names no real pipe. */
function resolver(chart: ParsedFlowchart, connector: Corpus): (id: string) => Entity | undefined {
  const box = new Map(chart.subgraphs.flatMap((s) => s.nodes.map((node) => [node, s.title] as const)));
  const vertices = new Map(chart.vertices.map((v) => [v.id, v]));
  return (id) => {
    const vertex = vertices.get(id);
    if (!vertex) return undefined;
    const { text } = vertex;
    switch (vertex.type) {
      case 'square':
      case 'odd': {
        const candidates = [`${PLACEHOLDER}-${box.get(id)}-${text}`, `${PLACEHOLDER}-${text}`, text];
        const pipe = candidates.find((c) => connector.pipes.has(c));
        return pipe === undefined ? undefined : { kind: 'pipe', id: pipe };
      }
      case 'cylinder':
        return { kind: 'dataset', id: text };
      case 'hexagon':
        return {
          kind: 'system',
          id: text === connector.label ? PLACEHOLDER : text.replace(/ \(not in this connector\)$/, ''),
        };
      case 'stadium':
        return { kind: 'endpoint' };
      default:
        return undefined;
    }
  };
}

/** A dataset label is the dataset without the placeholder prefix. */
const isDataset = (label: string, dataset: string): boolean =>
  dataset === label || dataset === `${PLACEHOLDER}-${label}`;

/** Why an edge is not backed by the pipes' JSON, or undefined when it is. */
function unbacked(from: Entity | undefined, to: Entity | undefined, connector: Corpus): string | undefined {
  if (!from || !to) return 'an end names no pipe of the connector';
  if (to.kind === 'pipe') {
    const reader = connector.pipes.get(to.id)!;
    if (from.kind === 'pipe') {
      const written = sinkDataset(connector.pipes.get(from.id)!);
      return written !== undefined && mentions(reader).has(written)
        ? undefined
        : `${to.id} does not read ${from.id}`;
    }
    if (from.kind === 'dataset')
      return [...mentions(reader)].some((name) => isDataset(from.id, name))
        ? undefined
        : `${to.id} names no ${from.id}`;
    if (from.kind === 'system')
      return source(reader).system === from.id ||
        (source(reader).type === 'http_endpoint' && from.id === PLACEHOLDER)
        ? undefined
        : `${to.id} does not read system ${from.id}`;
  }
  if (from.kind === 'pipe') {
    const writer = connector.pipes.get(from.id)!;
    const written = sinkDataset(writer);
    if (to.kind === 'dataset')
      return written !== undefined && isDataset(to.id, written)
        ? undefined
        : `${from.id} does not write ${to.id}`;
    if (to.kind === 'system')
      return strings(writer.transform).includes(to.id) || sink(writer).system === to.id
        ? undefined
        : `${from.id} does not call ${to.id}`;
    if (to.kind === 'endpoint') return written === undefined ? undefined : `${from.id} writes a dataset`;
  }
  return 'an edge between two things that are not pipes';
}

describe('corpus: every diagram parses with Mermaid and matches the pipes sesam expand wrote', () => {
  it('covers the whole corpus', () => {
    expect(corpus).toHaveLength(141);
    expect(results).toHaveLength(corpus.reduce((n, c) => n + c.texts.length, 0));
  });

  let next = 0;
  const cases = corpus.map((connector) => {
    const charts = connector.texts.map((t) => ({ ...t, result: results[next++] }));
    return [connector.folder, connector, charts] as const;
  });

  it.each(cases)('%s', (_folder, connector, charts) => {
    const problems: string[] = [];
    for (const chart of charts) {
      if ('error' in chart.result) {
        problems.push(`${chart.name}: does not parse: ${chart.result.error}`);
        continue;
      }
      const parsed = chart.result;
      const resolve = resolver(parsed, connector);
      // Nothing invented: every edge is a read, write, hop or call the pipes' JSON has.
      for (const edge of parsed.edges) {
        const why = unbacked(resolve(edge.start), resolve(edge.end), connector);
        if (why) problems.push(`${chart.name}: ${edge.start} → ${edge.end}: ${why}`);
      }
      if (!chart.overview) continue;
      // Nothing left out: every pipe is drawn with its source datasets and its sink.
      expect(parsed.vertices.filter((v) => v.type === 'subroutine')).toEqual([]); // not collapsed
      const drawn = new Map<string, string>();
      for (const vertex of parsed.vertices) {
        const entity = resolve(vertex.id);
        if (entity?.kind === 'pipe') drawn.set(entity.id, vertex.id);
      }
      for (const [id, pipe] of connector.pipes) {
        const vertex = drawn.get(id);
        if (vertex === undefined) {
          problems.push(`overview: pipe ${id} is missing`);
          continue;
        }
        const into = parsed.edges.filter((e) => e.end === vertex).map((e) => resolve(e.start));
        for (const dataset of sourceDatasets(pipe)) {
          const found = into.some(
            (from) =>
              (from?.kind === 'dataset' && isDataset(from.id, dataset)) ||
              (from?.kind === 'pipe' && sinkDataset(connector.pipes.get(from.id)!) === dataset),
          );
          if (!found) problems.push(`overview: ${id} reads ${dataset}, no edge shows it`);
        }
        const written = sinkDataset(pipe);
        if (written === undefined) continue;
        const out = parsed.edges.filter((e) => e.start === vertex).map((e) => resolve(e.end));
        const shown = out.some(
          (to) =>
            (to?.kind === 'dataset' && isDataset(to.id, written)) ||
            (to?.kind === 'pipe' && mentions(connector.pipes.get(to.id)!).has(written)),
        );
        if (!shown) problems.push(`overview: ${id} writes ${written}, no edge shows it`);
      }
    }
    expect(problems).toEqual([]);
  });
});
