import { parseArgs } from 'node:util';
import { ToolError } from '../../shared/src/errors';

export interface FreshnessOptions {
  /** Build with `node <root>/<buildScript>` instead of Nx (the tests' fixture repositories). */
  buildScript?: string;
  help: boolean;
}

export const FRESHNESS_USAGE = `Usage: npm run check:fresh [-- --build-script <path>]

Rebuilds every connector (npx nx run-many -t build --skip-nx-cache) and fails when a connector output
folder (packages/connectors/<system>/connector/) differs from the fresh build, listing each stale
connector and file. The output folders are always put back as they were, uncommitted edits included.

  --build-script <p>   build with \`node <repo>/<p>\` instead of Nx
  -h, --help           show this help

Exit status: 0 fresh, 1 stale or the build failed, 2 could not check.`;

export const parseFreshnessArgs = (argv: readonly string[]): FreshnessOptions => {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: { 'build-script': { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    });
    return { buildScript: values['build-script'], help: values.help === true };
  } catch (error) {
    throw new ToolError(`${(error as Error).message}\n\n${FRESHNESS_USAGE}`);
  }
};
