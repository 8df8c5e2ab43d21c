import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exitOnError, ToolError } from '../../shared/src/errors';
import type { ToolDeps } from '../../shared/src/tool-deps';
import { buildComment, GITHUB_COMMENT_LIMIT } from './comment';

export const PR_COMMENT_USAGE = `Usage: node tools/ci/bin/pr-comment.cjs <review.md> [--artifact-url <url>] [--max-chars <n>]

Prints the pull-request comment for a review (npm run review -- --format markdown): a hidden marker
on the first line, by which the workflow finds and updates its earlier comment, and the review, cut
to fit GitHub's ${GITHUB_COMMENT_LIMIT.toLocaleString('en-US')}-character limit with a pointer to the full text (--artifact-url).`;

/** `pr-comment <review.md>`: the comment body on stdout. 0 done, 2 bad arguments or unreadable input. */
export const runPrComment = async (argv: readonly string[], deps: ToolDeps): Promise<number> => {
  try {
    const { values, positionals } = (() => {
      try {
        return parseArgs({
          args: [...argv],
          strict: true,
          allowPositionals: true,
          options: {
            'artifact-url': { type: 'string' },
            'max-chars': { type: 'string' },
            help: { type: 'boolean', short: 'h', default: false },
          },
        });
      } catch (error) {
        throw new ToolError(`${(error as Error).message}\n\n${PR_COMMENT_USAGE}`);
      }
    })();
    if (values.help) {
      deps.stdout(`${PR_COMMENT_USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new ToolError(`give one review file\n\n${PR_COMMENT_USAGE}`);
    const maxChars = values['max-chars'] === undefined ? undefined : Number(values['max-chars']);
    if (maxChars !== undefined && (!Number.isInteger(maxChars) || maxChars < 1_000))
      throw new ToolError(
        `--max-chars must be a whole number of at least 1000, got '${values['max-chars']}'`,
      );
    const file = resolve(deps.cwd, positionals[0]!);
    let markdown: string;
    try {
      markdown = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ToolError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    deps.stdout(buildComment(markdown, { artifactUrl: values['artifact-url'] || undefined, maxChars }));
    return 0;
  } catch (error) {
    return exitOnError(error, (line) => deps.stderr(`pr-comment: ${line}\n`), 'nothing was written');
  }
};
