import {
  DEFAULT_SYSTEM_PLACEHOLDER,
  expandConnector,
  readManifestDatatypes,
  type ConnectorSource,
  type FiledComponent,
} from '../expand';
import { JsonObject, toCanonicalJson } from '../json';
import {
  linkKey,
  type ConnectorFlow,
  type FlowLink,
  type FlowLinkKind,
  type FlowPipe,
  type FlowRef,
  type FlowSystem,
} from './model';
import { pipeReferences, type PipeReferences } from './pipe-links';

export interface ConnectorFlowOptions {
  /** The `{{@ system @}}` value to expand with (default sesam-py's `xxxxxx`); cut from labels. */
  readonly systemPlaceholder?: string;
  /** The system node's label (default: the manifest's `system`, else the placeholder). */
  readonly label?: string;
}

const PIPE_FILE = /^pipes\/(.*)\.conf\.json$/;
const SYSTEM_FILE = /^systems\/(.*)\.conf\.json$/;

/**
 * The data flow of a built connector folder (manifest.json and templates/, as `sesam expand` reads
 * them), expanded in memory: nothing is written. sesam-py's development shim (`-transform`) is left
 * out; the dataset it writes shows as a dataset no pipe of the connector writes. Throws the
 * expander's `ExpandError` for a connector that does not expand.
 */
export function connectorFlow(source: ConnectorSource, options: ConnectorFlowOptions = {}): ConnectorFlow {
  const placeholder = options.systemPlaceholder ?? DEFAULT_SYSTEM_PLACEHOLDER;
  const expanded = expandConnector(source, { systemPlaceholder: placeholder });
  // The last component written to a path is the one sesam-py leaves there (a datatype's own
  // `-transform` is replaced by the shim, as Sesam Talk replaces it with its model's mapping).
  const final = new Map<string, FiledComponent>();
  for (const component of expanded.components) if (component.path) final.set(component.path, component);

  const pipes: { pipe: FlowPipe; refs: PipeReferences }[] = [];
  const systems = new Map<string, FlowSystem>();
  for (const [path, component] of final) {
    if (!(component.value instanceof JsonObject) || component.origin.kind === 'shim') continue;
    const system = SYSTEM_FILE.exec(path);
    if (system) systems.set(system[1], { id: system[1], defined: true });
    const pipe = PIPE_FILE.exec(path);
    if (!pipe) continue;
    const refs = pipeReferences(component.value, pipe[1]);
    pipes.push({
      pipe: {
        id: pipe[1],
        ...(component.origin.datatype === undefined ? {} : { datatype: component.origin.datatype }),
        sourceType: refs.sourceType,
        text: toCanonicalJson(component.value),
      },
      refs,
    });
  }
  const manifestLabel = expanded.manifest.get('system');
  return {
    label: options.label ?? (typeof manifestLabel === 'string' ? manifestLabel : placeholder),
    placeholder,
    datatypes: readManifestDatatypes(expanded.manifest).map((d) => d.name),
    ...linkPipes(pipes, systems, placeholder),
  };
}

/** The links between the pipes (datasets as edges), their datasets and the systems. */
function linkPipes(
  pipes: readonly { pipe: FlowPipe; refs: PipeReferences }[],
  defined: ReadonlyMap<string, FlowSystem>,
  placeholder: string,
): Pick<ConnectorFlow, 'pipes' | 'systems' | 'links'> {
  const systems = new Map(defined);
  const system = (id: string): FlowRef => {
    if (!systems.has(id)) systems.set(id, { id, defined: false });
    return { kind: 'system', id };
  };
  // Webhooks without a named system come from the connector's own system.
  const receiverSystem = defined.has(placeholder) ? placeholder : [...defined.keys()][0];

  const writers = new Map<string, string[]>();
  for (const { pipe, refs } of pipes) {
    if (refs.sinkDataset === undefined) continue;
    const list = writers.get(refs.sinkDataset) ?? [];
    list.push(pipe.id);
    writers.set(refs.sinkDataset, list);
  }
  const read = new Set(
    pipes.flatMap(({ refs }) => [...refs.sources, ...refs.hops, ...refs.excludeCompleteness]),
  );

  const links = new Map<string, FlowLink>();
  const add = (
    from: FlowRef,
    to: FlowRef,
    kind: FlowLinkKind,
    extra: { dataset?: string; operations?: readonly string[] } = {},
  ) => {
    const link: FlowLink = {
      from,
      to,
      kind,
      ...(extra.dataset === undefined ? {} : { dataset: extra.dataset }),
      operations: [],
    };
    const key = linkKey(link);
    const known = links.get(key) ?? link;
    links.set(key, {
      ...known,
      operations: [...new Set([...known.operations, ...(extra.operations ?? [])])].sort(),
    });
  };
  const fromDataset = (dataset: string, to: FlowRef, kind: FlowLinkKind) => {
    const producers = writers.get(dataset);
    if (!producers) add({ kind: 'dataset', id: dataset }, to, kind, { dataset });
    else for (const id of producers) add({ kind: 'pipe', id }, to, kind, { dataset });
  };

  for (const { pipe, refs } of pipes) {
    const self: FlowRef = { kind: 'pipe', id: pipe.id };
    if (refs.readsSystem)
      add(system(refs.readsSystem.system), self, 'read', { operations: refs.readsSystem.operations });
    if (refs.receiver) {
      const from = refs.receiver.system ?? receiverSystem;
      add(
        from === undefined ? { kind: 'endpoint', id: `${pipe.id}:http_endpoint` } : system(from),
        self,
        'webhook',
      );
    }
    for (const dataset of refs.sources) fromDataset(dataset, self, 'source');
    for (const dataset of refs.hops) fromDataset(dataset, self, 'hops');
    for (const dataset of refs.excludeCompleteness) fromDataset(dataset, self, 'exclude_completeness');
    for (const call of refs.calls) add(self, system(call.system), 'call', { operations: call.operations });
    if (refs.sinkDataset !== undefined && !read.has(refs.sinkDataset))
      add(self, { kind: 'dataset', id: refs.sinkDataset }, 'sink', { dataset: refs.sinkDataset });
    if (refs.sinkEndpoint !== undefined)
      add(self, { kind: 'endpoint', id: `${pipe.id}:${refs.sinkEndpoint}` }, 'sink');
  }
  return { pipes: pipes.map(({ pipe }) => pipe), systems: [...systems.values()], links: [...links.values()] };
}
