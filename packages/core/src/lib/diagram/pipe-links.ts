import { JsonObject, type JsonValue } from '../json';
import { objectAt, stringAt } from '../validate/pipe-parts';

/** What one pipe's JSON says about where its data comes from and goes (names as written, aliases cut). */
export interface PipeReferences {
  readonly sourceType: string;
  /** Datasets the source reads (`dataset`, or each of `datasets`). */
  readonly sources: readonly string[];
  /** A system the source reads (`rest`, `sparql`, `csv`, … with `system`), with the operation if any. */
  readonly readsSystem?: { readonly system: string; readonly operations: readonly string[] };
  /** An `http_endpoint` source: a receiver the system posts to (its `system`, when it names one). */
  readonly receiver?: { readonly system?: string };
  /** Datasets looked up by DTL `hops`/`apply-hops` or named by a template transform's `*_dataset`. */
  readonly hops: readonly string[];
  readonly excludeCompleteness: readonly string[];
  /** Systems called by `rest` transforms, REST template transforms and `rest` sinks. */
  readonly calls: readonly { readonly system: string; readonly operations: readonly string[] }[];
  /** The dataset the sink writes (`sink.dataset`, by default the pipe's `_id`). */
  readonly sinkDataset?: string;
  /** A sink that neither writes a dataset nor calls a system (`json`, …): its type. */
  readonly sinkEndpoint?: string;
}

const MULTI_DATASET_SOURCES = new Set(['merge_datasets', 'merge', 'union_datasets', 'diff_datasets']);
const HOPS_FUNCTIONS = new Set(['hops', 'apply-hops']);

/** `"name alias"` (merge sources, hops) → `name`. */
const datasetName = (entry: string): string => entry.trim().split(/\s+/)[0] ?? '';

const datasetList = (value: JsonValue | undefined): string[] =>
  (Array.isArray(value) ? value : typeof value === 'string' ? [value] : [])
    .filter((entry): entry is string => typeof entry === 'string')
    .map(datasetName)
    .filter((name) => name !== '');

/** Reads the references out of a pipe (an expanded pipe object). */
export function pipeReferences(pipe: JsonObject, id: string): PipeReferences {
  const source = objectAt(pipe, 'source');
  const sourceType = stringAt(source, 'type') ?? 'dataset';
  const sources = MULTI_DATASET_SOURCES.has(sourceType)
    ? datasetList(source?.get('datasets'))
    : sourceType === 'dataset'
      ? datasetList(source?.get('dataset'))
      : [];
  const sourceSystem = stringAt(source, 'system');
  const operation = stringAt(source, 'operation');
  const hops: string[] = [];
  const calls: { system: string; operations: string[] }[] = [];
  walkTransforms(pipe.get('transform'), hops, calls);

  const sink = objectAt(pipe, 'sink');
  const sinkType = stringAt(sink, 'type') ?? 'dataset';
  let sinkDataset: string | undefined;
  let sinkEndpoint: string | undefined;
  if (sinkType === 'dataset') sinkDataset = stringAt(sink, 'dataset') ?? id;
  else if (stringAt(sink, 'system') !== undefined) {
    const sinkOperation = stringAt(sink, 'operation');
    calls.push({ system: stringAt(sink, 'system')!, operations: sinkOperation ? [sinkOperation] : [] });
  } else sinkEndpoint = sinkType;

  return {
    sourceType,
    sources,
    ...(sourceType === 'http_endpoint'
      ? { receiver: sourceSystem === undefined ? {} : { system: sourceSystem } }
      : sourceSystem !== undefined
        ? { readsSystem: { system: sourceSystem, operations: operation ? [operation] : [] } }
        : {}),
    hops,
    excludeCompleteness: datasetList(pipe.get('exclude_completeness')),
    calls,
    ...(sinkDataset === undefined ? {} : { sinkDataset }),
    ...(sinkEndpoint === undefined ? {} : { sinkEndpoint }),
  };
}

/** The transform steps (object or list; `chained` steps' `transforms` too). */
function walkTransforms(
  transform: JsonValue | undefined,
  hops: string[],
  calls: { system: string; operations: string[] }[],
): void {
  const steps = Array.isArray(transform) ? transform : transform === undefined ? [] : [transform];
  for (const step of steps) {
    if (!(step instanceof JsonObject)) continue;
    const type = stringAt(step, 'type');
    if (type === 'chained') {
      walkTransforms(step.get('transforms'), hops, calls);
      continue;
    }
    if (type === 'rest') {
      const system = stringAt(step, 'system');
      const operation = stringAt(step, 'operation');
      if (system !== undefined) calls.push({ system, operations: operation ? [operation] : [] });
    }
    if (type === 'template') {
      const properties = objectAt(step, 'properties');
      for (const [key, value] of properties ?? []) {
        if (typeof value === 'string' && key.endsWith('_dataset')) hops.push(...datasetList(value));
      }
      const system = stringAt(properties, 'rest_system');
      if (system !== undefined) {
        const operations = [...(properties ?? [])]
          .filter(([key, value]) => /^operation(_[a-z]+)*$/.test(key) && typeof value === 'string')
          .map(([, value]) => value as string);
        calls.push({ system, operations });
      }
    }
    collectHops(step.get('rules'), hops);
  }
}

/** Every `["hops", {"datasets": …}]` and `["apply-hops", rule, {"datasets": …}]` in DTL rules. */
function collectHops(value: JsonValue | undefined, hops: string[]): void {
  if (Array.isArray(value)) {
    if (typeof value[0] === 'string' && HOPS_FUNCTIONS.has(value[0])) {
      const spec = value.find((member): member is JsonObject => member instanceof JsonObject);
      if (spec) hops.push(...datasetList(spec.get('datasets')));
    }
    for (const member of value) collectHops(member, hops);
  } else if (value instanceof JsonObject) {
    for (const member of value.values()) collectHops(member, hops);
  }
}
