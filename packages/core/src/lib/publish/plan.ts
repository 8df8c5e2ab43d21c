import { MANIFEST_FILE, TEMPLATES_DIR } from '../layout';
import { changedPipes, type PipeChanges } from './pipes';

/**
 * What publish owns in the destination: manifest.json and everything under templates/. README.md,
 * LICENSE, .github/ and any other file are never written, deleted or read for a decision.
 */
export const OWNED_PATHS: readonly string[] = [MANIFEST_FILE, TEMPLATES_DIR];
export const isOwnedPath = (path: string): boolean =>
  path === MANIFEST_FILE || path.startsWith(`${TEMPLATES_DIR}/`);

/** The destination branch as publish finds it. */
export interface DestinationState {
  /** Every file of the branch tip, path → blob id; empty when the branch has no commit. */
  readonly tip: ReadonlyMap<string, string>;
  /** The text of the tip's owned files (manifest.json, templates/**). */
  readonly tipFiles: ReadonlyMap<string, string>;
  /** The newest publish commit on the branch and the owned files it left there (path → blob id). */
  readonly lastPublish?: LastPublish;
}

export interface LastPublish {
  readonly commit: string;
  /** The connector it published (its `Sesam-Connectors-System` trailer). */
  readonly system: string;
  readonly files: ReadonlyMap<string, string>;
}

export interface PlanInput {
  readonly system: string;
  /** The built connector/ (manifest.json, templates/**), path → text. */
  readonly files: ReadonlyMap<string, string>;
  readonly state: DestinationState;
  /** --init: make a repository that is neither empty nor published from here a destination. */
  readonly init: boolean;
  /**
   * Owned files someone else changed since the last publish whose change the build already
   * contains (a three-way merge of the hand edit into the build changes nothing): not refused.
   */
  readonly incorporated?: ReadonlySet<string>;
}

/** Why publish will not write. Each is reported with what to do (see report.ts). */
export type Refusal =
  | { readonly kind: 'unsafe-files'; readonly paths: readonly string[] }
  | { readonly kind: 'other-connector'; readonly system: string; readonly commit: string }
  | { readonly kind: 'not-a-connector-repository'; readonly paths: readonly string[] }
  | { readonly kind: 'foreign-files'; readonly paths: readonly string[] }
  | { readonly kind: 'hand-edits'; readonly paths: readonly string[]; readonly commit: string };

/** How one owned file of the destination differs from what would be published. */
export interface Difference {
  readonly path: string;
  /** missing: published but not there; differs: other bytes; extra: there but not published. */
  readonly change: 'missing' | 'differs' | 'extra';
}

export interface PublishPlan {
  /** Set when publish must not write; the rest then describes what it would have done. */
  readonly refusal?: Refusal;
  /** Files to write (new or changed), path → text. */
  readonly writes: ReadonlyMap<string, string>;
  /** Files an earlier publish wrote that the build no longer writes. */
  readonly deletes: readonly string[];
  readonly pipes: PipeChanges;
  readonly manifestChanged: boolean;
  /** The destination's owned files against the build, for --check (empty: it holds exactly the build). */
  readonly differences: readonly Difference[];
}

/** What publish may write: manifest.json and JSON files under templates/, no dot files, no env files. */
export const isPublishable = (path: string): boolean =>
  (path === MANIFEST_FILE || (isOwnedPath(path) && path.endsWith('.json'))) &&
  !path.split('/').some((segment) => segment.startsWith('.') || segment === '..') &&
  !/(^|[-_.])env\.json$/.test(path.slice(path.lastIndexOf('/') + 1));

const sorted = (paths: Iterable<string>): string[] => [...paths].sort();

/**
 * Decides a publish from data alone: which files to write and delete, which pipes change, and
 * whether publish must refuse. Ownership comes from the last publish commit: the owned files it
 * left are exactly what publish wrote (an --init publish refuses to leave files it does not own
 * under templates/), so those are what a later publish may delete, and any difference between
 * them and the tip is a change someone else made.
 */
export function planPublish(input: PlanInput): PublishPlan {
  const { state, files, system } = input;
  const tipOwned = sorted([...state.tip.keys()].filter(isOwnedPath));
  const last = state.lastPublish?.system === system ? state.lastPublish : undefined;

  const writes = new Map<string, string>();
  for (const [path, text] of files) if (state.tipFiles.get(path) !== text) writes.set(path, text);
  const deletes = last
    ? sorted([...last.files.keys()].filter((path) => !files.has(path) && state.tip.has(path)))
    : [];
  const pipes = changedPipes(
    [...writes.keys(), ...deletes].map((path) => ({
      path,
      before: state.tipFiles.get(path),
      after: files.get(path),
    })),
    system,
  );
  const differences: Difference[] = [
    ...sorted(files.keys())
      .filter((path) => state.tipFiles.get(path) !== files.get(path))
      .map((path) => ({ path, change: state.tip.has(path) ? ('differs' as const) : ('missing' as const) })),
    ...tipOwned.filter((path) => !files.has(path)).map((path) => ({ path, change: 'extra' as const })),
  ];
  const plan = { writes, deletes, pipes, manifestChanged: writes.has(MANIFEST_FILE), differences };
  const refusal = refusalOf(input, tipOwned, last);
  return refusal ? { ...plan, refusal } : plan;
}

/**
 * Owned files whose content at the tip is not what the last publish left there (someone else
 * changed, added or deleted them) and not what the build would write now.
 */
export function handEdits(input: PlanInput): string[] {
  const { state, files, system } = input;
  const last = state.lastPublish;
  if (last?.system !== system) return [];
  const touched = new Set([...last.files.keys(), ...[...state.tip.keys()].filter(isOwnedPath)]);
  return sorted(touched).filter(
    (path) => last.files.get(path) !== state.tip.get(path) && state.tipFiles.get(path) !== files.get(path),
  );
}

function refusalOf(
  input: PlanInput,
  tipOwned: readonly string[],
  last: LastPublish | undefined,
): Refusal | undefined {
  const { state, files } = input;
  const unsafe = sorted(files.keys()).filter((path) => !isPublishable(path));
  if (unsafe.length > 0) return { kind: 'unsafe-files', paths: unsafe };
  if (last) {
    const edited = handEdits(input).filter((path) => !input.incorporated?.has(path));
    return edited.length > 0 ? { kind: 'hand-edits', paths: edited, commit: last.commit } : undefined;
  }
  const other = state.lastPublish;
  if (other && !input.init) return { kind: 'other-connector', system: other.system, commit: other.commit };
  if (state.tip.size === 0) return undefined;
  if (!input.init) return { kind: 'not-a-connector-repository', paths: sorted(state.tip.keys()) };
  const foreign = tipOwned.filter((path) => !files.has(path));
  return foreign.length > 0 ? { kind: 'foreign-files', paths: foreign } : undefined;
}
