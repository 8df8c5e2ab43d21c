import { ExpandError } from '../lib/expand';
import { UsageError } from './args';
import { reportStyle } from './colour';
import { diagramCommand } from './commands/diagram';
import { driftCommand } from './commands/drift';
import { expandCommand } from './commands/expand';
import { validateCommand } from './commands/validate';
import { DIAGRAM_HELP, DRIFT_HELP, EXPAND_HELP, MAIN_HELP, VALIDATE_HELP } from './help';
import type { CliIo } from './io';

export { processIo, type CliIo } from './io';

const COMMANDS: Record<string, (argv: readonly string[], io: CliIo) => Promise<number>> = {
  expand: expandCommand,
  validate: validateCommand,
  diagram: diagramCommand,
  drift: driftCommand,
};
const HELP: Record<string, string> = {
  expand: EXPAND_HELP,
  validate: VALIDATE_HELP,
  diagram: DIAGRAM_HELP,
  drift: DRIFT_HELP,
};
const COMMAND_NAMES = Object.keys(COMMANDS).join(', ');

/**
 * The `sesam-connectors` command. Returns the exit code: 0 ok, 1 findings or a failed expansion,
 * 2 wrong usage. User mistakes are reported as one clear message, never a stack trace.
 */
export async function main(argv: readonly string[], io: CliIo, version = 'unknown'): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      io.stderr(MAIN_HELP);
      return 2;
    }
    if (command === '--help' || command === '-h') {
      io.stdout(MAIN_HELP);
      return 0;
    }
    if (command === '--version') {
      io.stdout(version);
      return 0;
    }
    if (command === 'help') {
      const topic = rest[0];
      if (topic !== undefined && !HELP[topic])
        throw new UsageError(`unknown command ${topic} (commands: ${COMMAND_NAMES})`);
      io.stdout(topic === undefined ? MAIN_HELP : HELP[topic]);
      return 0;
    }
    const run = COMMANDS[command];
    if (!run)
      throw new UsageError(
        `unknown command ${command} (commands: ${COMMAND_NAMES}; see sesam-connectors --help)`,
      );
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`sesam-connectors: ${error.message}`);
      return 2;
    }
    if (error instanceof ExpandError) {
      io.stderr(`${reportStyle(io.colour?.stderr ?? false).error('error')}: ${error.message}`);
      if (error.hint && !error.message.includes(error.hint)) io.stderr(`hint: ${error.hint}`);
      return 1;
    }
    throw error;
  }
}
