import { parseArgs } from 'node:util';
import { ToolError } from '../../shared/src/errors';

export interface CoverageOptions {
  /** Connector folders given; none: one version per repository of the corpus. */
  folders: string[];
  all: boolean;
  /** Deviations shown per role. */
  top: number;
  format: 'text' | 'markdown';
  help: boolean;
}

export const COVERAGE_USAGE = `Usage: npm run pack-coverage -- [<connector dir>…] [--all] [--top N] [--format text|markdown]

Reads real connector folders in place (manifest.json and the templates it names; nothing is
copied or written), plans each datatype onto the pack as the import does, and prints per pipe
role how the real pipes compare with what the pack renders for them: exact, of the same shape once
every string is abstracted, not made by the pattern at all, and the most common deviations (JSON
pointers, array indices as #) with the repositories they come from.

Without folders: one version per repository of ../shared/corpus (main, else playground, else the
first alphabetically).

  --all              every folder of ../shared/corpus
  --top <n>          deviations shown per role (default 8)
  --format <f>       text (default) or markdown
  -h, --help         show this help`;

export function parseCoverageArgs(argv: readonly string[]): CoverageOptions {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        all: { type: 'boolean', default: false },
        top: { type: 'string', default: '8' },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const top = Number(values.top);
    if (!Number.isInteger(top) || top < 0)
      throw new ToolError(`--top: give a whole number, not "${values.top}"`);
    if (values.format !== 'text' && values.format !== 'markdown')
      throw new ToolError(`--format: text or markdown, not "${values.format}"`);
    return { folders: positionals, all: values.all!, top, format: values.format, help: values.help! };
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw new ToolError(`${(error as Error).message}; see --help`);
  }
}
