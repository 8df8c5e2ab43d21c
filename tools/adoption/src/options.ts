import { parseArgs } from 'node:util';
import { ToolError } from '../../shared/src/errors';

export type AdoptionFormat = 'text' | 'markdown' | 'json';

export interface AdoptionOptions {
  /** Connector folders given; none: the corpus. */
  folders: string[];
  /** Every corpus folder instead of one version per repository. */
  all: boolean;
  format: AdoptionFormat;
  /** Print the whole drift report before the figures. */
  report: boolean;
  help: boolean;
}

export const ADOPTION_USAGE = `Usage: npm run adoption -- [<connector dir>…] [--all] [--report] [--format text|markdown|json]

Plans the import of each connector folder (nothing is written), proves each plan (its build,
expanded like "sesam-connectors expand --compat", gives byte for byte the node config of the
source) and prints the adoption figures: connectors whose node config is equivalent, datatypes on
patterns and with no patch, and authored / source bytes (minified JSON of connector.json plus
raw/ against the source's manifest plus each referenced template once).

Without folders: one version per repository of ../shared/corpus (main, else playground, else the
first alphabetically).

  --all              every folder of ../shared/corpus
  --report           print the drift report (per connector and role) before the figures
  --format <f>       text (default), markdown or json
  -h, --help         show this help

Exit status: 0 every plan equivalent, 1 a folder refused or not equivalent, 2 could not run.`;

export function parseAdoptionArgs(argv: readonly string[]): AdoptionOptions {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        all: { type: 'boolean', default: false },
        report: { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const format = values.format as string;
    if (format !== 'text' && format !== 'markdown' && format !== 'json')
      throw new Error(`--format must be text, markdown or json, not ${format}`);
    if (values.all === true && positionals.length > 0)
      throw new Error('--all takes the whole corpus; give folders or --all, not both');
    return {
      folders: positionals,
      all: values.all === true,
      format,
      report: values.report === true,
      help: values.help === true,
    };
  } catch (error) {
    throw new ToolError(`${(error as Error).message}\n\n${ADOPTION_USAGE}`);
  }
}
