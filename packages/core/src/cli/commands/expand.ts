import { DEFAULT_PROFILE, DEFAULT_SYSTEM_PLACEHOLDER } from '../../lib/expand';
import { EXPANDED_DIR } from '../../lib/layout';
import { expandSummary, expandToFolder, styledFindingLine } from '../../lib/validate';
import { parseArgs, stringOption } from '../args';
import { reportStyle } from '../colour';
import { connectorDir, fileNamePart } from '../connector-dir';
import { EXPAND_HELP } from '../help';
import { inConnector } from '../in-connector';
import { displayPath } from '../../lib/fs';
import type { CliIo } from '../io';
import { EXPAND_OPTIONS } from '../options';

/** `sesam-connectors expand`: see EXPAND_HELP. Returns the exit code. */
export async function expandCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, EXPAND_OPTIONS, 'expand');
  if (args.options.has('help')) {
    io.stdout(EXPAND_HELP);
    return 0;
  }
  const dir = connectorDir(args, io.cwd);
  const run = inConnector(dir, io, () =>
    expandToFolder(dir, {
      outDir: stringOption(args, 'expanded-dir', EXPANDED_DIR),
      systemPlaceholder: fileNamePart(
        stringOption(args, 'system-placeholder', DEFAULT_SYSTEM_PLACEHOLDER),
        '--system-placeholder',
      ),
      profile: fileNamePart(stringOption(args, 'profile', DEFAULT_PROFILE), '--profile'),
      compat: args.options.has('compat'),
      dryRun: args.options.has('dry-run'),
    }),
  );
  for (const note of run.result.notes) io.stderr(`note: ${note}`);
  const style = reportStyle(io.colour?.stderr ?? false);
  for (const finding of run.findings) io.stderr(styledFindingLine(finding, style));
  const shown = displayPath(run.outDir, io.cwd);
  const errors = run.findings.filter((f) => f.severity === 'error').length;
  if (errors > 0) {
    io.stderr(
      `${expandSummary(run.result, shown, 'nothing written: would expand')}, but ${errors} expand-time variable${errors === 1 ? ' is' : 's are'} undefined (see above); declare ${errors === 1 ? 'it' : 'them'}, or pass --compat to render ${errors === 1 ? 'it' : 'them'} as "" like sesam expand`,
    );
    return 1;
  }
  io.stdout(
    args.options.has('dry-run')
      ? `${expandSummary(run.result, shown, 'would expand')} (dry run: nothing written)`
      : expandSummary(run.result, shown),
  );
  return 0;
}
