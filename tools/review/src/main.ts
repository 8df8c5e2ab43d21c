import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareRevisions, hasChanges } from './compare/compare-revisions';
import type { ReviewReport, RevisionBuild } from './compare/types';
import { exitOnError } from '../../shared/src/errors';
import {
  branchFor,
  pruneWorktrees,
  repositoryRoot,
  resolveCommit,
  snapshotWorkTree,
} from '../../shared/src/git';
import { parseReviewArgs, REVIEW_USAGE, type ReviewOptions } from './options';
import { renderJson } from './render/json';
import { changedDatatypeDiagrams, type DatatypeDiagram } from './render/diagrams';
import { renderMarkdown } from './render/markdown';
import { renderText } from './render/text';
import { buildRevision } from './revision/build-revision';
import { checkoutRevision, type Revision } from './revision/checkout';
import { Cleanup } from './revision/cleanup';
import { WORK_TREE, revisionLabel } from './render/describe';
import type { ToolDeps } from '../../shared/src/tool-deps';
import { isolatedBuildEnv, nxBuilder, scriptBuilder } from '../../shared/src/builder';

export interface ReviewDeps extends ToolDeps {
  /** Where temporary checkouts go (default the OS temp folder). */
  tmpRoot?: string;
}

/**
 * `npm run review`: builds every connector at two revisions in temporary worktrees, compares the
 * outputs and prints the report. Returns the exit status: 0 done (with --exit-code: no changes),
 * 1 changes (with --exit-code), 2 error, 130/143 interrupted. Temporary worktrees are always removed.
 */
export const runReview = async (argv: readonly string[], deps: ReviewDeps): Promise<number> => {
  const progress = (message: string) => deps.stderr(`review: ${message}\n`);
  let options: ReviewOptions;
  try {
    options = parseReviewArgs(argv);
  } catch (error) {
    deps.stderr(`review: ${(error as Error).message}\n`);
    return 2;
  }
  if (options.help) {
    deps.stdout(`${REVIEW_USAGE}\n`);
    return 0;
  }
  const started = Date.now();
  const cleanup = new Cleanup();
  try {
    const { report, diagrams } = await review(options, deps, cleanup, progress);
    deps.stdout(render(report, options, diagrams));
    progress(`done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return options.exitCode && hasChanges(report) ? 1 : 0;
  } catch (error) {
    return exitOnError(error, progress, 'removing the temporary worktrees');
  } finally {
    for (const failure of cleanup.runAll()) progress(`cleanup: ${failure}`);
  }
};

const review = async (
  options: ReviewOptions,
  deps: ReviewDeps,
  cleanup: Cleanup,
  progress: (message: string) => void,
): Promise<{ report: ReviewReport; diagrams: DatatypeDiagram[] }> => {
  const root = repositoryRoot(deps.cwd);
  const base: Revision = { ref: options.base, commit: resolveCommit(root, options.base) };
  const headCommit = options.head === undefined ? undefined : resolveCommit(root, options.head);

  cleanup.add('prune worktrees', () => pruneWorktrees(root));
  pruneWorktrees(root);
  const tmpRoot = deps.tmpRoot ?? tmpdir();
  mkdirSync(tmpRoot, { recursive: true });
  const scratch = mkdtempSync(join(tmpRoot, 'sesam-review-'));
  cleanup.add(`remove ${scratch}`, () => rmSync(scratch, { recursive: true, force: true, maxRetries: 3 }));

  let head: Revision;
  if (headCommit === undefined) {
    progress('taking a snapshot of the work tree');
    head = { ref: WORK_TREE, commit: snapshotWorkTree(root, scratch) };
  } else {
    head = { ref: options.head ?? '', commit: headCommit };
  }

  const builder = options.buildScript ? scriptBuilder(options.buildScript) : (deps.builder ?? nxBuilder);
  // Both checkouts first, then both builds at once (each in its own worktree and Nx cache folder).
  const sides = (['base', 'head'] as const).map((side) => {
    const revision = side === 'base' ? base : head;
    const say = (message: string) => progress(`${side}: ${message}`);
    deps.signal?.throwIfAborted();
    say(`checking out ${revisionLabel(revision)}`);
    return { side, say, checkout: checkoutRevision(root, join(scratch, side), revision, cleanup) };
  });
  // One side failing (e.g. no nx installed) stops the other instead of letting it build for nothing.
  const stop = new AbortController();
  const forward = () => stop.abort(deps.signal?.reason);
  deps.signal?.addEventListener('abort', forward, { once: true });
  const settled = await Promise.allSettled(
    sides.map(({ side, say, checkout }) =>
      buildRevision(checkout, {
        builder,
        expand: options.expanded,
        env: isolatedBuildEnv(deps.env, join(scratch, `nx-cache-${side}`)),
        signal: stop.signal,
        progress: say,
      }).catch((error: unknown) => {
        if (!stop.signal.aborted) stop.abort(error);
        throw error;
      }),
    ),
  ).finally(() => deps.signal?.removeEventListener('abort', forward));
  const [baseBuild, headBuild] = settled.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
  const named = (build: RevisionBuild): RevisionBuild => {
    const branch = build.ref === WORK_TREE ? undefined : branchFor(root, build.ref, build.commit);
    return branch === undefined ? build : { ...build, branch };
  };
  const report = compareRevisions(named(baseBuild), named(headBuild), { expanded: options.expanded });
  // Only the markdown comment shows diagrams: of the changed datatypes of the connectors that differ.
  const systems = report.connectors.map((c) => c.system);
  const diagrams =
    options.format === 'markdown' ? changedDatatypeDiagrams(baseBuild, headBuild, systems) : [];
  return { report, diagrams };
};

const render = (report: ReviewReport, options: ReviewOptions, diagrams: DatatypeDiagram[]): string => {
  switch (options.format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report, { maxChars: options.maxChars, diagrams });
    default:
      return renderText(report);
  }
};
