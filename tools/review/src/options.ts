import { parseArgs } from 'node:util';
import { DEFAULT_MARKDOWN_LIMIT } from './render/markdown';
import { ToolError } from '../../shared/src/errors';

export type ReviewFormat = 'text' | 'markdown' | 'json';

export interface ReviewOptions {
  base: string;
  /** A revision, or undefined for the work tree (its current state, tracked and untracked files). */
  head?: string;
  expanded: boolean;
  format: ReviewFormat;
  exitCode: boolean;
  maxChars: number;
  /**
   * Instead of the revision's own Nx build, run `node <checkout>/<buildScript> [--expand]` in each
   * checkout (used by the tests' fixture repositories).
   */
  buildScript?: string;
  help: boolean;
}

export const REVIEW_USAGE = `Usage: npm run review -- --base <rev> [--head <rev>] [--expanded] [--format text|markdown|json] [--exit-code]

Builds every connector at two revisions (in temporary git worktrees; your work tree is not touched)
and reports what changed: per connector the datatypes, pipes, systems and manifest added, removed
and changed, then each change once — a unified diff of the pipe's canonical JSON and every
connector · datatype · role it happens in; a pipe whose change differs from the common one of its
role is shown on its own.

  --base <rev>         revision to compare from (required), e.g. main, origin/main, HEAD~1
  --head <rev>         revision to compare to (default: the work tree as it is now, uncommitted changes included)
  --expanded           also compare the expanded node config (pipes/*.conf.json, systems/*.conf.json)
  --format <f>         text (default), markdown (a pull-request comment) or json
  --max-chars <n>      size cap of the markdown output (default ${DEFAULT_MARKDOWN_LIMIT})
  --exit-code          exit 1 when anything changed or failed, 0 when nothing did (like git diff --exit-code)
  --build-script <p>   build with \`node <checkout>/<p> [--expand]\` instead of the checkout's Nx build
  -h, --help           show this help

Exit status: 0 done (with --exit-code: no changes), 1 changes (with --exit-code), 2 error.`;

const FORMATS: readonly ReviewFormat[] = ['text', 'markdown', 'json'];

/** Parses the command line; throws ToolError with a usable message on bad input. */
export const parseReviewArgs = (argv: readonly string[]): ReviewOptions => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        base: { type: 'string' },
        head: { type: 'string' },
        expanded: { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        'exit-code': { type: 'boolean', default: false },
        'max-chars': { type: 'string' },
        'build-script': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new ToolError(`${(error as Error).message}\n\n${REVIEW_USAGE}`);
  }
  const { values } = parsed;
  const help = values.help === true;
  if (!help && (values.base === undefined || values.base === '')) {
    throw new ToolError(`--base <rev> is required\n\n${REVIEW_USAGE}`);
  }
  const format = values.format as ReviewFormat;
  if (!FORMATS.includes(format)) {
    throw new ToolError(`--format must be one of ${FORMATS.join(', ')}, got '${values.format}'`);
  }
  let maxChars = DEFAULT_MARKDOWN_LIMIT;
  if (values['max-chars'] !== undefined) {
    maxChars = Number(values['max-chars']);
    if (!Number.isInteger(maxChars) || maxChars < 2_000) {
      throw new ToolError(
        `--max-chars must be a whole number of at least 2000, got '${values['max-chars']}'`,
      );
    }
  }
  if (values.head === '')
    throw new ToolError('--head needs a revision; leave it out to review the work tree');
  return {
    base: values.base ?? '',
    head: values.head,
    expanded: values.expanded === true,
    format,
    exitCode: values['exit-code'] === true,
    maxChars,
    buildScript: values['build-script'],
    help,
  };
};
