import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** A flowchart as Mermaid's parser read it. */
export interface ParsedFlowchart {
  readonly type: string;
  readonly vertices: readonly { readonly id: string; readonly text: string; readonly type: string | null }[];
  readonly edges: readonly {
    readonly start: string;
    readonly end: string;
    readonly text: string;
    readonly stroke: string;
  }[];
  readonly subgraphs: readonly {
    readonly id: string;
    readonly title: string;
    readonly nodes: readonly string[];
  }[];
  readonly classes: readonly string[];
}

export type ParseResult = ParsedFlowchart | { readonly error: string };

/**
 * Parses the texts with Mermaid itself (`mermaid-parse.mjs`, in a Node process of its own: Jest's
 * module system cannot load mermaid's ESM bundle). One process for all of them.
 */
export function parseMermaid(texts: readonly string[]): ParseResult[] {
  const run = spawnSync(process.execPath, [path.join(__dirname, 'mermaid-parse.mjs')], {
    input: JSON.stringify(texts),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0) throw new Error(`mermaid-parse.mjs failed (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as ParseResult[];
}
