import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isInsideRelativePath } from '../config/config-value';

export interface ReplaceDirectoryOptions {
  /** Entries of the existing folder carried over into the new one (e.g. `.expanded`) unless the new one has them. */
  readonly keep?: readonly string[];
  /** Sub-folders the new folder always has, even when no file lands in them (`pipes`, `systems`). */
  readonly folders?: readonly string[];
}

const stagingPrefix = (target: string): string => `.${basename(target)}.staging-`;
const oldPrefix = (target: string): string => `.${basename(target)}.old-`;

/**
 * The one way the workspace replaces an output folder (the build's `connector/`, expand's
 * `.expanded`): the folder `target` becomes exactly `files` (relative path → text), atomically as
 * far as the file system allows. Everything is written to a staging folder beside the target, and
 * only then swapped in by two renames; any failure before the swap leaves the previous folder as it
 * was. (Node has no atomic directory exchange, so there is a moment between the renames where the
 * target does not exist.) Synchronous file calls: a batch build writes thousands of small files.
 */
export async function replaceDirectory(
  target: string,
  files: ReadonlyMap<string, string>,
  options: ReplaceDirectoryOptions = {},
): Promise<void> {
  for (const path of [...files.keys(), ...(options.folders ?? [])]) {
    if (!isInsideRelativePath(path))
      throw new Error(`refusing to write ${JSON.stringify(path)} outside ${target}`);
  }
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  removeLeftovers(target);
  const staged = mkdtempSync(join(parent, stagingPrefix(target)));
  try {
    chmodSync(staged, 0o755); // mkdtemp makes it private; it becomes the ordinary output folder
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
      writeFileSync(file, text, 'utf8');
    }
    swapIn(target, staged, options.keep ?? []);
  } catch (error) {
    rmSync(staged, { recursive: true, force: true });
    throw error;
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
  const old = mkdtempSync(join(dirname(target), oldPrefix(target)));
  try {
    renameSync(target, join(old, 'previous'));
  } catch (error) {
    rmSync(old, { recursive: true, force: true });
    carryBack();
    throw error;
  }
  try {
    renameSync(staged, target);
  } catch (error) {
    renameSync(join(old, 'previous'), target);
    rmSync(old, { recursive: true, force: true });
    carryBack();
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}
