import { DEFAULT_SYSTEM_PLACEHOLDER, diskSource } from '../../lib/expand';
import { connectorFlow, datatypeDiagram, overviewDiagram } from '../../lib/diagram';
import { parseArgs, stringOption, UsageError } from '../args';
import { connectorDir, fileNamePart } from '../connector-dir';
import { DIAGRAM_HELP } from '../help';
import { inConnector } from '../in-connector';
import type { CliIo } from '../io';
import { DIAGRAM_OPTIONS } from '../options';

/** `sesam-connectors diagram`: see DIAGRAM_HELP. Returns the exit code. */
export async function diagramCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, DIAGRAM_OPTIONS, 'diagram');
  if (args.options.has('help')) {
    io.stdout(DIAGRAM_HELP);
    return 0;
  }
  const dir = connectorDir(args, io.cwd);
  const placeholder = fileNamePart(
    stringOption(args, 'system-placeholder', DEFAULT_SYSTEM_PLACEHOLDER),
    '--system-placeholder',
  );
  const flow = inConnector(dir, io, () => connectorFlow(diskSource(dir), { systemPlaceholder: placeholder }));
  const datatype = args.options.get('datatype');
  if (typeof datatype !== 'string') {
    io.stdout(overviewDiagram(flow).trimEnd());
    return 0;
  }
  if (!flow.datatypes.includes(datatype))
    throw new UsageError(
      `no datatype ${datatype} in the connector's manifest.json (datatypes: ${flow.datatypes.join(', ') || 'none'})`,
    );
  io.stdout(datatypeDiagram(flow, datatype).trimEnd());
  return 0;
}
