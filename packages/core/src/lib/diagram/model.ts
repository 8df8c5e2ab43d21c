/**
 * A connector's data flow as data: the systems, every pipe, the datasets no pipe of the connector
 * writes (or that nothing in it reads), and the links between them. The Mermaid text is made from
 * this (`render-mermaid.ts`); the review marks it (`diff-flow.ts`).
 */

/** How a part differs between two revisions (only on a diffed flow). */
export type FlowStatus = 'added' | 'removed' | 'changed';

export interface FlowPipe {
  /** The expanded `_id`. */
  readonly id: string;
  /** The datatype whose template produced it; absent for pipes of the system template. */
  readonly datatype?: string;
  /** The source type (`rest`, `dataset`, `merge_datasets`, `http_endpoint`, `embedded`, …). */
  readonly sourceType: string;
  /** The pipe's canonical JSON text (what a review compares). */
  readonly text: string;
  readonly status?: FlowStatus;
}

export interface FlowSystem {
  readonly id: string;
  /** Whether the connector defines it (its system template), or only refers to it. */
  readonly defined: boolean;
}

/** One end of a link. */
export type FlowRef =
  | { readonly kind: 'pipe'; readonly id: string }
  | { readonly kind: 'dataset'; readonly id: string }
  | { readonly kind: 'system'; readonly id: string }
  /** A sink that publishes (`json`, …) rather than writing a dataset. */
  | { readonly kind: 'endpoint'; readonly id: string }
  /** A whole datatype (only in an overview too large to show every pipe). */
  | { readonly kind: 'datatype'; readonly id: string };

/**
 * What a link stands for:
 * - `source`: the pipe reads the dataset (`dataset`, each of `merge_datasets`' `datasets`, …);
 * - `sink`: the pipe writes the dataset, and no pipe of the connector reads it;
 * - `hops`: a DTL `hops`/`apply-hops` (or a template's `*_dataset`) looks entities up in the dataset;
 * - `exclude_completeness`: the pipe's `exclude_completeness` names the dataset;
 * - `read`: the pipe's source reads the system (`rest` with `operation`, `sparql`, …);
 * - `webhook`: the system posts to the pipe's `http_endpoint` (the webhook receiver);
 * - `call`: a `rest` transform or sink (or a REST template transform) calls the system.
 */
export type FlowLinkKind = 'source' | 'sink' | 'hops' | 'exclude_completeness' | 'read' | 'webhook' | 'call';

export interface FlowLink {
  readonly from: FlowRef;
  readonly to: FlowRef;
  readonly kind: FlowLinkKind;
  /** The dataset the link carries (for source, sink, hops, exclude_completeness). */
  readonly dataset?: string;
  /** Operations (`read`, `call`), sorted, without duplicates. */
  readonly operations: readonly string[];
  readonly status?: FlowStatus;
}

export interface ConnectorFlow {
  /** Shown on the system node (the manifest's `system` label, or the placeholder). */
  readonly label: string;
  /** The `{{@ system @}}` value the ids were expanded with (stripped from labels). */
  readonly placeholder: string;
  /** Datatypes in manifest order. */
  readonly datatypes: readonly string[];
  readonly systems: readonly FlowSystem[];
  /** In expansion order (system template first, then each datatype's templates). */
  readonly pipes: readonly FlowPipe[];
  readonly links: readonly FlowLink[];
  /** Status of whole datatypes on a diffed flow. */
  readonly datatypeStatus?: ReadonlyMap<string, FlowStatus>;
}

/** A stable key for a part (`pipe:<id>`, `dataset:<id>`, …). */
export const refKey = (ref: FlowRef): string => `${ref.kind}:${ref.id}`;

/** A stable key for a link: its ends, kind and dataset. */
export const linkKey = (link: Pick<FlowLink, 'from' | 'to' | 'kind' | 'dataset'>): string =>
  `${refKey(link.from)}>${refKey(link.to)}>${link.kind}>${link.dataset ?? ''}`;
