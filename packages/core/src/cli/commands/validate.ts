import { DEFAULT_PROFILE, DEFAULT_SYSTEM_PLACEHOLDER } from '../../lib/expand';
import { formatReportJson, formatReportText, validateConnector } from '../../lib/validate';
import { parseArgs, stringOption, UsageError } from '../args';
import { connectorDir, fileNamePart } from '../connector-dir';
import { reportStyle } from '../colour';
import { VALIDATE_HELP } from '../help';
import { displayPath } from '../../lib/fs';
import type { CliIo } from '../io';
import { VALIDATE_OPTIONS } from '../options';

/** `sesam-connectors validate`: see VALIDATE_HELP. Returns the exit code. */
export async function validateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, VALIDATE_OPTIONS, 'validate');
  if (args.options.has('help')) {
    io.stdout(VALIDATE_HELP);
    return 0;
  }
  const format = stringOption(args, 'format', 'text');
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format must be text or json, not ${format}`);
  const dir = connectorDir(args, io.cwd);
  const report = validateConnector(dir, {
    systemPlaceholder: fileNamePart(
      stringOption(args, 'system-placeholder', DEFAULT_SYSTEM_PLACEHOLDER),
      '--system-placeholder',
    ),
    profile: fileNamePart(stringOption(args, 'profile', DEFAULT_PROFILE), '--profile'),
    compat: args.options.has('compat'),
  });
  const shown = { ...report, connector: displayPath(dir, io.cwd) };
  io.stdout(
    format === 'json'
      ? formatReportJson(shown)
      : formatReportText(shown, reportStyle(io.colour?.stdout ?? false)),
  );
  return report.ok ? 0 : 1;
}
