import type { ConnectorConfig } from '../config';
import { connectorFlow, datatypeDiagram, type ConnectorFlow } from '../diagram';
import { ExpandError, memorySource, readManifest } from '../expand';
import { JsonObject } from '../json';
import { datatypePurpose, inlineCode, optionsText, tableCell } from './datatype-summary';
import { withReadmeSection } from './markers';
import { patchesTable } from './patches-table';

/** How to read the diagrams, once above them. */
const LEGEND =
  'In the diagrams a box is a pipe (a flag: a webhook receiver), a cylinder a dataset that no pipe of ' +
  'this connector writes or that none reads, a hexagon a system. Plain arrows carry datasets and ' +
  'reads from the system, dotted ones are hops, `exclude_completeness` and webhooks, thick ones are ' +
  'calls to the system.';

/**
 * The body of a connector README's generated section: a table of the datatypes (label, pattern,
 * pipes, what each does, the options connector.json sets), the node parameters, the patches it
 * keeps with their reasons (when it has any), and one Mermaid diagram per datatype, made from
 * connector.json and its rendered `connector/` files. Wrapped in
 * prettier-ignore so that formatting the README leaves it byte for byte as written here.
 */
export function readmeSection(config: ConnectorConfig, files: ReadonlyMap<string, string>): string {
  const source = memorySource(Object.fromEntries(files), 'connector');
  let flow: ConnectorFlow | undefined;
  let failure: string | undefined;
  try {
    flow = connectorFlow(source, { systemPlaceholder: config.system, label: config.label });
  } catch (error) {
    if (!(error instanceof ExpandError)) throw error;
    failure = error.message;
  }
  const lines = [
    '<!-- prettier-ignore-start -->',
    '## Datatypes and data flow',
    '',
    '| Datatype | Label | Pattern | Pipes | What it does | Options set in connector.json |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  const manifest = readableManifest(source);
  for (const [name, datatype] of Object.entries(config.datatypes)) {
    lines.push(
      `| ${[
        inlineCode(name),
        datatype.label ?? manifestLabel(manifest, name) ?? name,
        inlineCode(datatype.pattern),
        flow ? pipeNames(flow, name) : '',
        datatypePurpose(name, datatype),
        optionsText(datatype),
      ]
        .map(tableCell)
        .join(' | ')} |`,
    );
  }
  const declared = manifest?.get('additional_parameters');
  const parameters = declared instanceof JsonObject ? [...declared.keys()] : [];
  lines.push(
    '',
    parameters.length
      ? `Node parameters (\`additional_parameters\` in the manifest): ${parameters.map(inlineCode).join(', ')}.`
      : 'The manifest declares no node parameters (`additional_parameters`).',
    '',
    ...patchesTable(config),
  );
  if (flow === undefined) {
    lines.push(`No diagrams: the connector does not expand (${failure}).`, '');
  } else if (flow.datatypes.length) {
    lines.push(LEGEND, '');
    // In connector.json's order, as the table (a verbatim manifest's other datatypes after them).
    const configured = Object.keys(config.datatypes).filter((d) => flow!.datatypes.includes(d));
    const others = flow.datatypes.filter((d) => !configured.includes(d));
    for (const datatype of [...configured, ...others])
      lines.push(
        `### ${inlineCode(datatype)}`,
        '',
        '```mermaid',
        datatypeDiagram(flow, datatype).trimEnd(),
        '```',
        '',
      );
  }
  lines.push('<!-- prettier-ignore-end -->', '');
  return lines.join('\n');
}

/** A datatype's pipes as `-role` (the id after `<system>-<datatype>`), or the whole id. */
function pipeNames(flow: ConnectorFlow, datatype: string): string {
  const prefix = `${flow.placeholder}-${datatype}`;
  return flow.pipes
    .filter((pipe) => pipe.datatype === datatype)
    .map((pipe) => inlineCode(pipe.id.startsWith(`${prefix}-`) ? pipe.id.slice(prefix.length) : pipe.id))
    .join(', ');
}

/** The rendered manifest, if it can be read (a verbatim one may not be). */
function readableManifest(source: ReturnType<typeof memorySource>): JsonObject | undefined {
  try {
    return readManifest(source);
  } catch (error) {
    if (error instanceof ExpandError) return undefined;
    throw error;
  }
}

/** A datatype's `label` in the manifest (where a verbatim manifest keeps it). */
function manifestLabel(manifest: JsonObject | undefined, datatype: string): string | undefined {
  const datatypes = manifest?.get('datatypes');
  const entry = datatypes instanceof JsonObject ? datatypes.get(datatype) : undefined;
  const label = entry instanceof JsonObject ? entry.get('label') : undefined;
  return typeof label === 'string' ? label : undefined;
}

/**
 * The README a connector package should have: `readme` (undefined when there is none) with its
 * generated section made from connector.json (`config`) and the rendered `connector/` files.
 */
export const connectorReadme = (
  readme: string | undefined,
  config: ConnectorConfig,
  files: ReadonlyMap<string, string>,
): string => withReadmeSection(readme, readmeSection(config, files), `${config.label} connector`);
