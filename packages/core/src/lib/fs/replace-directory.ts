import { randomBytes } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import { isInsideRelativePath } from './relative-path';
import { withFolderLock, type FolderLockOptions } from './folder-lock';

export interface ReplaceDirectoryOptions extends FolderLockOptions {
  /** Entries of the existing folder carried over into the new one (e.g. `.expanded`) unless the new one has them. */
  readonly keep?: readonly string[];
  /** Sub-folders the new folder always has, even when no file lands in them (`pipes`, `systems`). */
  readonly folders?: readonly string[];
}

/** Whether the folder was swapped for a new one or already held exactly these files. */
export type ReplaceResult = 'written' | 'unchanged';

const stagingPrefix = (target: string): string => `.${basename(target)}.staging-`;
const oldPrefix = (target: string): string => `.${basename(target)}.old-`;

/**
 * The one way the workspace replaces an output folder (the build's `connector/`, expand's
 * `.expanded`): the folder `target` becomes exactly `files` (relative path → text), atomically as
 * far as the file system allows. Everything is written to a staging folder beside the target, and
 * only then swapped in by two renames; any failure before the swap leaves the previous folder as it
 * was. (Node has no atomic directory exchange, so there is a moment between the renames where the
 * target does not exist.) A folder that already holds exactly `files` is left as it is, and files
 * whose bytes did not change are hard-linked into the staging folder rather than written again.
 * Synchronous (and so is every caller: build, expand): a batch build writes thousands of small
 * files, and asynchronous writes gained nothing (tools/bench/README.md). Two writers of one target
 * take turns through the lock beside it (`withFolderLock`): the leftovers of killed writers are
 * removed only while holding it, so a live writer's staging folder is never touched.
 */
export function replaceDirectory(
  target: string,
  files: ReadonlyMap<string, string>,
  options: ReplaceDirectoryOptions = {},
): ReplaceResult {
  for (const path of [...files.keys(), ...(options.folders ?? [])]) {
    if (!isInsideRelativePath(path))
      throw new Error(`refusing to write ${JSON.stringify(path)} outside ${target}`);
  }
  mkdirSync(dirname(target), { recursive: true });
  return withFolderLock(target, () => replaceLocked(target, files, options), options);
}

function replaceLocked(
  target: string,
  files: ReadonlyMap<string, string>,
  options: ReplaceDirectoryOptions,
): ReplaceResult {
  const parent = dirname(target);
  removeLeftovers(target);
  const existing = compareWithTarget(target, files, options);
  if (existing.identical) return 'unchanged';
  const staged = makeFreshFolder(join(parent, stagingPrefix(target)));
  try {
    const made = new Set<string>([staged]);
    const ensureFolder = (folder: string): void => {
      if (made.has(folder)) return;
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    };
    for (const folder of options.folders ?? []) ensureFolder(join(staged, folder));
    for (const [path, text] of files) {
      const file = join(staged, path);
      ensureFolder(dirname(file));
      if (!existing.unchanged.has(path) || !tryLink(join(target, path), file))
        writeFileSync(file, text, 'utf8');
    }
    swapIn(target, staged, options.keep ?? []);
  } catch (error) {
    rmSync(staged, { recursive: true, force: true });
    throw error;
  }
  return 'written';
}

/** What the existing target folder holds of the new files. */
interface Existing {
  /** It already is the new folder: the same files with the same bytes, the same sub-folders. */
  readonly identical: boolean;
  /** Files it holds with exactly the new bytes (relative paths). */
  readonly unchanged: ReadonlySet<string>;
}

/**
 * Compares `target` with the folder `files` (and `folders`) describe, the `keep` entries aside. An
 * identical folder is left alone — no file is rewritten, so timestamps stay and an unchanged rebuild
 * (a pack edit that renders the same text, a rebuild of a fresh checkout) costs reads only; files
 * that did not change are hard-linked into the staging folder instead of written again.
 */
function compareWithTarget(
  target: string,
  files: ReadonlyMap<string, string>,
  options: ReplaceDirectoryOptions,
): Existing {
  const keep = new Set(options.keep ?? []);
  const wantFolders = new Set<string>();
  const addFolder = (folder: string): void => {
    for (let at = folder; at !== '.' && at !== '' && !wantFolders.has(at); at = posix.dirname(at))
      wantFolders.add(at);
  };
  for (const path of files.keys()) addFolder(posix.dirname(path));
  for (const folder of options.folders ?? []) addFolder(posix.normalize(folder));
  const unchanged = new Set<string>();
  let identical = true;
  let differing = 0;
  let seenFolders = 0;
  // Reading stops paying once most files read so far differ (a template change that touches every
  // file): the rest is written without comparing.
  const worthReading = (): boolean => differing < 2 || differing <= unchanged.size;
  const walk = (folder: string, prefix: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      identical = false; // missing (or not a folder): everything is written
      return;
    }
    for (const entry of entries) {
      if (!worthReading()) return;
      if (prefix === '' && keep.has(entry.name)) continue;
      const path = prefix + entry.name;
      if (entry.isDirectory()) {
        if (!wantFolders.has(path)) {
          identical = false;
          continue;
        }
        seenFolders++;
        walk(join(folder, entry.name), `${path}/`);
        continue;
      }
      const text = files.get(path);
      if (
        text !== undefined &&
        entry.isFile() &&
        readFileSync(join(folder, entry.name)).equals(Buffer.from(text, 'utf8'))
      )
        unchanged.add(path);
      else {
        identical = false;
        differing++;
      }
    }
  };
  walk(target, '');
  return {
    identical: identical && unchanged.size === files.size && seenFolders === wantFolders.size,
    unchanged,
  };
}

/** A random name beside the target: staging and old folders of concurrent or killed builds never collide. */
const uniqueName = (prefix: string): string => `${prefix}${randomBytes(6).toString('hex')}`;

/**
 * Creates a new folder named `prefix` + random characters (mode 0755 under the umask: it becomes
 * the ordinary output folder); `mkdir` fails on an existing name, so the folder is ours alone.
 */
function makeFreshFolder(prefix: string): string {
  for (;;) {
    const folder = uniqueName(prefix);
    try {
      mkdirSync(folder, { mode: 0o755 });
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Hard-links `from` as `to`; false where the file system refuses (then the file is written). */
function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/** Staging/old folders a killed build left beside the target. */
function removeLeftovers(target: string): void {
  const parent = dirname(target);
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(stagingPrefix(target)) || entry.startsWith(oldPrefix(target))) {
      rmSync(join(parent, entry), { recursive: true, force: true });
    }
  }
}

function swapIn(target: string, staged: string, keep: readonly string[]): void {
  if (!existsSync(target)) {
    renameSync(staged, target);
    return;
  }
  const carried: string[] = [];
  const carryBack = (): void => {
    for (const name of carried) renameSync(join(staged, name), join(target, name));
  };
  for (const name of keep) {
    if (existsSync(join(target, name)) && !existsSync(join(staged, name))) {
      renameSync(join(target, name), join(staged, name));
      carried.push(name);
    }
  }
  // The previous folder moves aside under a fresh random name (leftovers of killed builds were
  // removed before, so nothing else uses that name), then goes once the new one is in place.
  const old = uniqueName(join(dirname(target), oldPrefix(target)));
  try {
    renameSync(target, old);
  } catch (error) {
    carryBack();
    throw error;
  }
  try {
    renameSync(staged, target);
  } catch (error) {
    renameSync(old, target);
    carryBack();
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}
