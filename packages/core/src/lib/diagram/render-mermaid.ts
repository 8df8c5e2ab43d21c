import { mermaidLabel, NodeIds } from './mermaid-text';
import {
  refKey,
  type ConnectorFlow,
  type FlowLink,
  type FlowPipe,
  type FlowRef,
  type FlowStatus,
} from './model';

/** Mermaid refuses a flowchart with more edges than this unless the page raises `maxEdges`. */
export const MERMAID_MAX_EDGES = 500;

export interface DiagramOptions {
  /** At most this many edges (default {@link MERMAID_MAX_EDGES}). */
  readonly maxEdges?: number;
}

/** Colours of the marked parts; the text marker (`(added)`) says the same without colour. */
const STATUS_STYLE: Record<FlowStatus, { node: string; link: string }> = {
  added: { node: 'fill:#dafbe1,stroke:#1a7f37,color:#0f5323', link: 'stroke:#1a7f37,stroke-width:2px' },
  changed: { node: 'fill:#fff8c5,stroke:#9a6700,color:#4d2d00', link: 'stroke:#9a6700,stroke-width:2px' },
  removed: {
    node: 'fill:#ffebe9,stroke:#cf222e,color:#82071e,stroke-dasharray:4 3',
    link: 'stroke:#cf222e,stroke-width:2px,stroke-dasharray:4 3',
  },
};

const marker = (status: FlowStatus | undefined): string => (status ? ` (${status})` : '');

/**
 * One datatype's detail: its pipes (in a box named for it) and everything they link to — the
 * system, datasets, and pipes of other datatypes (named in full).
 */
export function datatypeDiagram(flow: ConnectorFlow, datatype: string, options: DiagramOptions = {}): string {
  const own = new Set(flow.pipes.filter((p) => p.datatype === datatype).map((p) => p.id));
  const touches = (ref: FlowRef) => ref.kind === 'pipe' && own.has(ref.id);
  const chart = new Chart(flow);
  chart.group(
    datatype,
    flow.pipes.filter((p) => own.has(p.id)),
    flow.datatypeStatus?.get(datatype),
  );
  return chart.text(
    flow.links.filter((link) => touches(link.from) || touches(link.to)),
    options.maxEdges ?? MERMAID_MAX_EDGES,
  );
}

/**
 * The whole connector: one box per datatype holding its pipes. When that has more edges than
 * Mermaid allows, each datatype becomes one node and only links between datatypes, systems and
 * datasets are kept (links inside a datatype are left out).
 */
export function overviewDiagram(flow: ConnectorFlow, options: DiagramOptions = {}): string {
  const maxEdges = options.maxEdges ?? MERMAID_MAX_EDGES;
  const detailed = new Chart(flow);
  for (const datatype of flow.datatypes)
    detailed.group(
      datatype,
      flow.pipes.filter((p) => p.datatype === datatype),
      flow.datatypeStatus?.get(datatype),
    );
  if (flow.links.length <= maxEdges) return detailed.text(flow.links, maxEdges);

  const collapsed = new Chart(flow, true);
  return collapsed.text(collapsedLinks(flow), maxEdges);
}

/** The links with each pipe replaced by its datatype; links inside one datatype dropped, repeats merged. */
function collapsedLinks(flow: ConnectorFlow): FlowLink[] {
  const datatypeOf = new Map(flow.pipes.map((p) => [p.id, p.datatype]));
  const collapse = (ref: FlowRef): FlowRef => {
    const datatype = ref.kind === 'pipe' ? datatypeOf.get(ref.id) : undefined;
    return datatype === undefined ? ref : { kind: 'datatype', id: datatype };
  };
  const merged = new Map<string, FlowLink>();
  for (const link of flow.links) {
    const from = collapse(link.from);
    const to = collapse(link.to);
    if (from.kind === 'datatype' && to.kind === 'datatype' && from.id === to.id) continue;
    const key = `${refKey(from)}>${refKey(to)}>${link.kind}`;
    const known = merged.get(key);
    const status = known === undefined ? link.status : sameStatus(known.status, link.status);
    merged.set(key, {
      from,
      to,
      kind: link.kind,
      operations: [...new Set([...(known?.operations ?? []), ...link.operations])].sort(),
      ...(status === undefined ? {} : { status }),
    });
  }
  return [...merged.values()];
}

/** Links merged into one: their common status; `changed` when they differ or only some have one. */
const sameStatus = (a: FlowStatus | undefined, b: FlowStatus | undefined): FlowStatus | undefined =>
  a === b ? a : 'changed';

/** Builds one flowchart: node declarations (some in boxes), edges, then the status classes. */
class Chart {
  private readonly ids = new NodeIds();
  private readonly lines: string[] = ['flowchart LR'];
  private readonly declared = new Set<string>();
  private readonly classes = new Map<FlowStatus, string[]>();
  private readonly pipes: ReadonlyMap<string, FlowPipe>;
  /** The datatype each boxed pipe is drawn in (its label is then just the role). */
  private readonly boxed = new Map<string, string>();

  constructor(
    private readonly flow: ConnectorFlow,
    private readonly collapsed = false,
  ) {
    this.pipes = new Map(flow.pipes.map((p) => [p.id, p]));
  }

  /** A box for a datatype with its pipes. */
  group(datatype: string, pipes: readonly FlowPipe[], status?: FlowStatus): void {
    const box = this.ids.id('dt', datatype);
    this.lines.push(`  subgraph ${box}[${mermaidLabel(`${datatype}${marker(status)}`)}]`);
    for (const pipe of pipes) {
      this.boxed.set(pipe.id, datatype);
      this.lines.push(`    ${this.declare({ kind: 'pipe', id: pipe.id })}`);
    }
    this.lines.push('  end');
    if (status) this.mark(box, status);
  }

  /** The chart's text with these links (at most `maxEdges` of them). */
  text(links: readonly FlowLink[], maxEdges: number): string {
    for (const system of this.flow.systems)
      if (links.some((l) => isSystem(l.from, system.id) || isSystem(l.to, system.id)))
        this.lines.push(`  ${this.declare({ kind: 'system', id: system.id })}`);
    const shown = links.slice(0, maxEdges);
    const edges = shown.map((link) => this.edge(link));
    for (const ref of shown.flatMap((l) => [l.from, l.to])) {
      if (!this.declared.has(refKey(ref))) this.lines.push(`  ${this.declare(ref)}`);
    }
    this.lines.push(...edges.map((e) => `  ${e}`));
    if (links.length > shown.length)
      this.lines.push(
        `  %% ${links.length - shown.length} more links left out (Mermaid draws at most ${maxEdges} edges)`,
      );
    for (const [status, style] of Object.entries(STATUS_STYLE) as [
      FlowStatus,
      (typeof STATUS_STYLE)[FlowStatus],
    ][]) {
      const nodes = this.classes.get(status);
      if (nodes?.length)
        this.lines.push(`  classDef ${status} ${style.node}`, `  class ${nodes.join(',')} ${status}`);
      const indexes = shown.flatMap((l, i) => (l.status === status ? [i] : []));
      if (indexes.length) this.lines.push(`  linkStyle ${indexes.join(',')} ${style.link}`);
    }
    return `${this.lines.join('\n')}\n`;
  }

  private mark(id: string, status: FlowStatus): void {
    const list = this.classes.get(status) ?? [];
    list.push(id);
    this.classes.set(status, list);
  }

  private nodeId(ref: FlowRef): string {
    const prefix = { pipe: 'p', dataset: 'ds', system: 'sys', endpoint: 'out', datatype: 'dt' }[ref.kind];
    return this.ids.id(
      prefix,
      ref.id,
      ref.kind === 'pipe' || ref.kind === 'dataset' ? this.short(ref.id) : ref.id,
    );
  }

  /** The node's declaration (id, shape, label); remembers it as declared. */
  private declare(ref: FlowRef): string {
    this.declared.add(refKey(ref));
    const id = this.nodeId(ref);
    switch (ref.kind) {
      case 'pipe': {
        const pipe = this.pipes.get(ref.id);
        const label = mermaidLabel(`${this.pipeName(ref.id)}${marker(pipe?.status)}`);
        if (pipe?.status) this.mark(id, pipe.status);
        // The webhook receiver is drawn as an entry (a flag), every other pipe as a box.
        return pipe?.sourceType === 'http_endpoint' ? `${id}>${label}]` : `${id}[${label}]`;
      }
      case 'dataset':
        return `${id}[(${mermaidLabel(this.short(ref.id))})]`;
      case 'system': {
        const system = this.flow.systems.find((s) => s.id === ref.id);
        const name = ref.id === this.flow.placeholder ? this.flow.label : ref.id;
        return `${id}{{${mermaidLabel(system?.defined ? name : `${name} (not in this connector)`)}}}`;
      }
      case 'endpoint':
        return `${id}([${mermaidLabel(`${ref.id.slice(ref.id.lastIndexOf(':') + 1)} endpoint`)}])`;
      case 'datatype': {
        const count = this.flow.pipes.filter((p) => p.datatype === ref.id).length;
        const status = this.flow.datatypeStatus?.get(ref.id);
        if (status) this.mark(id, status);
        return `${id}[[${mermaidLabel(`${ref.id} · ${count} pipe${count === 1 ? '' : 's'}${marker(status)}`)}]]`;
      }
    }
  }

  private edge(link: FlowLink): string {
    const from = this.nodeId(link.from);
    const to = this.nodeId(link.to);
    const arrow =
      link.kind === 'call'
        ? '==>'
        : ['hops', 'exclude_completeness', 'webhook'].includes(link.kind)
          ? '-.->'
          : '-->';
    const text = `${this.linkLabel(link)}${marker(link.status)}`.trim();
    return text === '' ? `${from} ${arrow} ${to}` : `${from} ${arrow}|${mermaidLabel(text)}| ${to}`;
  }

  private linkLabel(link: FlowLink): string {
    // A dataset a pipe writes under its own id needs no name on the edge (the pipe is named).
    const renamed = link.dataset !== undefined && link.from.kind === 'pipe' && link.dataset !== link.from.id;
    const dataset = renamed ? this.short(link.dataset!) : '';
    switch (link.kind) {
      case 'source':
        return dataset;
      case 'sink':
        return '';
      case 'hops':
      case 'exclude_completeness':
        return dataset ? `${link.kind}: ${dataset}` : link.kind;
      case 'webhook':
        return 'webhook';
      case 'read':
        return (
          link.operations.join(', ') ||
          (link.to.kind === 'pipe' ? (this.pipes.get(link.to.id)?.sourceType ?? '') : '')
        );
      case 'call':
        return link.operations.join(', ');
    }
  }

  /** A pipe's name: its role inside its datatype's box, else its id without the system placeholder. */
  private pipeName(id: string): string {
    const datatype = this.boxed.get(id);
    const prefix = `${this.flow.placeholder}-${datatype}-`;
    return datatype !== undefined && id.startsWith(prefix) && id.length > prefix.length
      ? id.slice(prefix.length)
      : this.short(id);
  }

  /** An id without the leading `<placeholder>-`. */
  private short(id: string): string {
    const prefix = `${this.flow.placeholder}-`;
    return id.startsWith(prefix) && id.length > prefix.length ? id.slice(prefix.length) : id;
  }
}

const isSystem = (ref: FlowRef, id: string): boolean => ref.kind === 'system' && ref.id === id;
