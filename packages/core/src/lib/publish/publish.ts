import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { CONNECTOR_OUTPUT_DIR, MANIFEST_FILE, skipExpanded } from '../layout';
import { renderConnectorPackage } from '../build/render-package';
import { isUserError } from '../build/errors';
import { listFiles } from '../fs';
import {
  checkLocalCheckout,
  cloneDestination,
  readDestinationState,
  resolveDestination,
  type Clone,
  type Destination,
} from './destination';
import { PublishError } from './errors';
import { Git } from './git';
import { commitMessage, type WorkspaceRevision } from './message';
import { handEdits, planPublish, type PlanInput, type PublishPlan } from './plan';
import { changeSummary, differenceLines, refusalMessage } from './report';
import type { Log } from '../log';

export const DEFAULT_BRANCH = 'main';

export interface PublishRequest {
  readonly workspaceRoot: string;
  /** The connector project's root, relative to the workspace (packages/connectors/<system>). */
  readonly projectRoot: string;
  readonly projectName: string;
  /** --repo; relative paths are relative to `repoBase`. Default: connector.json's publish.repo. */
  readonly repo?: string;
  /** Default: the workspace root. */
  readonly repoBase?: string;
  /** Default: connector.json's publish.branch, else main. */
  readonly branch?: string;
  /** Print the diff, change nothing. */
  readonly dryRun?: boolean;
  /** Push the publish commit (off by default). */
  readonly push?: boolean;
  /** Make a repository that is neither empty nor published from here a destination. */
  readonly init?: boolean;
  /** Only report whether the destination holds exactly what would be published. */
  readonly check?: boolean;
}

export interface PublishDeps {
  readonly log: Log;
  readonly git?: Git;
  /** Where the temporary clone goes (default: the OS temp folder). */
  readonly tmpRoot?: string;
}

export type PublishStatus =
  'committed' | 'pushed' | 'up-to-date' | 'dry-run' | 'in-sync' | 'out-of-sync' | 'no-destination';

export interface PublishResult {
  readonly success: boolean;
  readonly status?: PublishStatus;
  /** The publish commit made. */
  readonly commit?: string;
}

/**
 * Publishes one built connector into its own repository: manifest.json and templates/ at the
 * root, one commit when something changed. All work happens in a temporary clone; a local
 * checkout is fast-forwarded to the publish commit only at the end, so a refusal or a failure
 * leaves the destination as it was. A refusal or error is logged and gives `success: false`.
 */
export async function publishConnector(request: PublishRequest, deps: PublishDeps): Promise<PublishResult> {
  const label = request.projectName;
  try {
    return await publish(request, deps);
  } catch (error) {
    if (!(error instanceof Error) || !isUserFacing(error)) throw error;
    deps.log.error(`${label}: ${error.message}`);
    return { success: false };
  }
}

const isUserFacing = (error: Error): boolean => error instanceof PublishError || isUserError(error);

async function publish(request: PublishRequest, deps: PublishDeps): Promise<PublishResult> {
  const { log } = deps;
  const label = request.projectName;
  const packageDir = resolve(request.workspaceRoot, request.projectRoot);
  const rendered = renderConnectorPackage(packageDir, { displayRoot: request.workspaceRoot });
  const system = rendered.config.system;
  const configured = rendered.config.publish;
  const repo = request.repo ?? configured?.repo;
  if (repo === undefined) {
    log.info(
      `${label}: no publish destination (set publish.repo in ${request.projectRoot}/connector.json or pass --repo); nothing published.`,
    );
    return { success: true, status: 'no-destination' };
  }
  const base = request.repo !== undefined ? (request.repoBase ?? request.workspaceRoot) : packageDir;
  const branch = request.branch ?? configured?.branch ?? DEFAULT_BRANCH;
  const files = readFreshBuild(packageDir, rendered.files, request);
  const git = deps.git ?? new Git();
  const destination = await resolveDestination(repo, base, git);
  if (destination.checkout && !request.check) {
    await checkLocalCheckout(git, destination.checkout, branch);
    if (request.push && !request.dryRun) await pushRemote(git, destination.checkout, branch);
  }

  const clone = await cloneDestination(git, destination, branch, deps.tmpRoot ?? tmpdir());
  try {
    const state = await readDestinationState(git, clone.dir);
    const input = { system, files, state, init: request.init === true };
    const plan = planPublish({ ...input, incorporated: await incorporatedEdits(git, clone, input) });
    const where = `${destination.shown} (branch ${branch})`;

    if (request.check) return reportCheck(plan, label, where, log);
    if (plan.refusal) {
      const handEditDiff =
        plan.refusal.kind === 'hand-edits'
          ? await git.ok(
              ['diff', '--no-color', plan.refusal.commit, 'HEAD', '--', ...plan.refusal.paths],
              clone.dir,
            )
          : undefined;
      throw new PublishError(
        refusalMessage(plan.refusal, {
          system,
          destination: destination.shown,
          branch,
          projectName: label,
          handEditDiff,
        }),
      );
    }
    if (plan.writes.size === 0 && plan.deletes.length === 0) {
      log.info(`${label}: ${where} already holds this build; nothing to commit.`);
      return { success: true, status: 'up-to-date' };
    }
    await stage(git, clone, plan);
    if (request.dryRun) {
      const diff = await git.ok(['diff', '--cached', '--no-color', '--stat', '--patch'], clone.dir);
      log.info(
        [
          `${label}: --dry-run, nothing written; publishing to ${where} would:`,
          ...changeSummary(plan),
          '',
          diff,
        ].join('\n'),
      );
      return { success: true, status: 'dry-run' };
    }
    const revision = await workspaceRevision(git, request);
    await git.ok(
      ['commit', '--quiet', '--cleanup=whitespace', '-m', commitMessage(system, plan, revision)],
      clone.dir,
    );
    const commit = (await git.ok(['rev-parse', 'HEAD'], clone.dir)).trim();
    const done = [`${label}: committed ${commit.slice(0, 12)} to ${where}:`, ...changeSummary(plan)];
    const pushedTo = await deliver(git, destination, clone, branch, request.push === true);
    const status = pushedTo ? 'pushed' : 'committed';
    done.push(
      pushedTo
        ? `  pushed to ${pushedTo}.`
        : destination.checkout
          ? '  not pushed (--push pushes it).'
          : `  not pushed: ${destination.shown} is a remote, so without --push the commit is discarded with the temporary clone. Run again with --push to publish.`,
    );
    log.info(done.join('\n'));
    return { success: true, status, commit };
  } finally {
    clone.remove();
  }
}

/**
 * The built connector/ (manifest.json, templates/**), refused unless it is exactly what
 * connector.json renders now: a stale build is never published.
 */
function readFreshBuild(
  packageDir: string,
  rendered: ReadonlyMap<string, string>,
  request: PublishRequest,
): ReadonlyMap<string, string> {
  const outputDir = join(packageDir, CONNECTOR_OUTPUT_DIR);
  const shownDir = relative(request.workspaceRoot, outputDir) || '.';
  const build = `run \`npx nx run ${request.projectName}:build\` (publish depends on build; --exclude-task-dependencies skips it)`;
  const built = existsSync(join(outputDir, MANIFEST_FILE))
    ? new Map(
        listFiles(outputDir, skipExpanded).map((path) => [path, readFileSync(join(outputDir, path), 'utf8')]),
      )
    : new Map<string, string>();
  const stale = [
    ...[...rendered.keys()].filter((path) => built.get(path) !== rendered.get(path)),
    ...[...built.keys()].filter((path) => !rendered.has(path)),
  ].sort();
  if (stale.length > 0) {
    throw new PublishError(
      [
        `${shownDir}/ is not what connector.json renders now (a stale build), so it is not published:`,
        ...stale.slice(0, 20).map((path) => `  ${path}`),
        `Fix: ${build}, then commit the output.`,
      ].join('\n'),
    );
  }
  return built;
}

/**
 * The hand edits the build already contains: for each owned file changed since the last publish
 * (in the last publish, at the tip and in the build alike), `git merge-file` merges the hand edit
 * (last publish → tip) into the built file; when that changes nothing, the fix is in connector.json.
 */
async function incorporatedEdits(git: Git, clone: Clone, input: PlanInput): Promise<Set<string>> {
  const incorporated = new Set<string>();
  const last = input.state.lastPublish;
  const candidates = handEdits(input).filter(
    (path) => last?.files.has(path) && input.state.tipFiles.has(path) && input.files.has(path),
  );
  if (!last || candidates.length === 0) return incorporated;
  const scratch = mkdtempSync(join(dirname(clone.dir), 'merge-'));
  try {
    // The last published versions, byte for byte, into the scratch folder (the clone's index and
    // work tree are not touched).
    const base = join(scratch, 'base');
    mkdirSync(base);
    await git.ok(
      ['--work-tree', base, 'restore', `--source=${last.commit}`, '--worktree', '--', ...candidates],
      clone.dir,
    );
    for (const path of candidates) {
      const ours = join(scratch, 'build');
      const theirs = join(scratch, 'tip');
      writeFileSync(ours, input.files.get(path)!);
      writeFileSync(theirs, input.state.tipFiles.get(path)!);
      const merged = await git.run(['merge-file', '--quiet', ours, join(base, path), theirs], scratch);
      if (merged.code === 0 && readFileSync(ours, 'utf8') === input.files.get(path)) incorporated.add(path);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return incorporated;
}

/** Writes and deletes the plan's files in the clone and stages them. */
async function stage(git: Git, clone: Clone, plan: PublishPlan): Promise<void> {
  for (const [path, text] of plan.writes) {
    const file = join(clone.dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text, 'utf8');
  }
  if (plan.writes.size > 0) await git.ok(['add', '--', ...plan.writes.keys()], clone.dir);
  if (plan.deletes.length > 0) await git.ok(['rm', '--quiet', '--', ...plan.deletes], clone.dir);
}

/**
 * Brings the publish commit to the destination: a local checkout is fast-forwarded to it; with
 * --push it is pushed. Returns where it was pushed to, or undefined.
 */
async function deliver(
  git: Git,
  destination: Destination,
  clone: Clone,
  branch: string,
  push: boolean,
): Promise<string | undefined> {
  const ref = `refs/heads/${branch}`;
  if (destination.checkout) {
    await git.ok(['fetch', '--quiet', '--no-tags', clone.dir, ref], destination.checkout);
    await git.ok(['merge', '--quiet', '--ff-only', 'FETCH_HEAD'], destination.checkout);
    if (!push) return undefined;
    const remote = await pushRemote(git, destination.checkout, branch);
    const to = `${remote} ${branch}`;
    await pushOrExplain(git, ['push', '--quiet', remote, `${ref}:${ref}`], destination.checkout, to);
    return to;
  }
  if (!push) return undefined;
  const to = `${destination.shown} ${branch}`;
  await pushOrExplain(git, ['push', '--quiet', 'origin', `HEAD:${ref}`], clone.dir, to);
  return to;
}

async function pushOrExplain(git: Git, args: string[], cwd: string, where: string): Promise<void> {
  const result = await git.run(args, cwd);
  if (result.code === 0) return;
  throw new PublishError(
    `push to ${where} failed: ${result.stderr.trim() || `git exit ${result.code}`}\n` +
      'If the branch moved meanwhile, publish again (it checks the new tip); if access was denied, check the push credential.',
  );
}

/** The remote a local checkout's branch pushes to: its upstream's, else origin. */
async function pushRemote(git: Git, checkout: string, branch: string): Promise<string> {
  const upstream = await git.run(['config', '--get', `branch.${branch}.remote`], checkout);
  const remote = upstream.code === 0 ? upstream.stdout.trim() : 'origin';
  const exists = await git.run(['remote', 'get-url', remote], checkout);
  if (exists.code !== 0)
    throw new PublishError(
      `${checkout} has no remote '${remote}' to push ${branch} to: add one (git remote add ${remote} <url>) or publish without --push.`,
    );
  return remote;
}

/** The workspace commit the build comes from, and whether the built output is uncommitted. */
async function workspaceRevision(git: Git, request: PublishRequest): Promise<WorkspaceRevision> {
  const head = await git.commitOf('HEAD', request.workspaceRoot).catch(() => undefined);
  if (!head) return { uncommitted: false };
  const changed = await git.statusPaths(request.workspaceRoot, [
    `${request.projectRoot}/${CONNECTOR_OUTPUT_DIR}`,
  ]);
  return { commit: head, uncommitted: changed.length > 0 };
}

function reportCheck(plan: PublishPlan, label: string, where: string, log: Log): PublishResult {
  if (plan.differences.length === 0) {
    log.info(`${label}: ${where} holds exactly this build.`);
    return { success: true, status: 'in-sync' };
  }
  log.error(
    [
      `${label}: ${where} does not hold this build (${plan.differences.length} file${plan.differences.length === 1 ? '' : 's'} differ):`,
      ...differenceLines(plan.differences),
      ...(plan.refusal?.kind === 'hand-edits'
        ? ['  (the destination has changes publish did not make: publish would refuse)']
        : []),
      `Publish it with \`npx nx run ${label}:publish\`.`,
    ].join('\n'),
  );
  return { success: false, status: 'out-of-sync' };
}
