import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isInsideRelativePath } from '../config/config-value';

export interface ReplaceDirectoryOptions {
  /** Entries of the existing folder carried over into the new one (e.g. `.expanded`) unless the new one has them. */
  readonly keep?: readonly string[];
}

const stagingPrefix = (target: string): string => `.${basename(target)}.staging-`;
const oldPrefix = (target: string): string => `.${basename(target)}.old-`;

/**
 * Replaces the folder `target` with exactly `files` (relative path → text), atomically as far as
 * the file system allows: everything is written to a staging folder beside the target, and only
 * then swapped in by two renames. Any failure before the swap leaves the
 * previous folder as it was.
 */
export async function replaceDirectory(
  target: string,
  files: ReadonlyMap<string, string>,
  options: ReplaceDirectoryOptions = {},
): Promise<void> {
  for (const path of files.keys()) {
    if (!isInsideRelativePath(path))
      throw new Error(`refusing to write ${JSON.stringify(path)} outside ${target}`);
  }
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  await removeLeftovers(target);
  const staged = await mkdtemp(join(parent, stagingPrefix(target)));
  try {
    await chmod(staged, 0o755); // mkdtemp makes it private; it becomes the ordinary output folder
    for (const [path, text] of files) {
      const file = join(staged, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text, 'utf8');
    }
    await swapIn(target, staged, options.keep ?? []);
  } catch (error) {
    await rm(staged, { recursive: true, force: true });
    throw error;
  }
}

/** Staging/old folders a killed build left beside the target. */
async function removeLeftovers(target: string): Promise<void> {
  const parent = dirname(target);
  for (const entry of await readdir(parent)) {
    if (entry.startsWith(stagingPrefix(target)) || entry.startsWith(oldPrefix(target))) {
      await rm(join(parent, entry), { recursive: true, force: true });
    }
  }
}

async function swapIn(target: string, staged: string, keep: readonly string[]): Promise<void> {
  if (!existsSync(target)) {
    await rename(staged, target);
    return;
  }
  const carried: string[] = [];
  const carryBack = async (): Promise<void> => {
    for (const name of carried) await rename(join(staged, name), join(target, name));
  };
  for (const name of keep) {
    if (existsSync(join(target, name)) && !existsSync(join(staged, name))) {
      await rename(join(target, name), join(staged, name));
      carried.push(name);
    }
  }
  const old = await mkdtemp(join(dirname(target), oldPrefix(target)));
  try {
    await rename(target, join(old, 'previous'));
  } catch (error) {
    await rm(old, { recursive: true, force: true });
    await carryBack();
    throw error;
  }
  try {
    await rename(staged, target);
  } catch (error) {
    await rename(join(old, 'previous'), target);
    await rm(old, { recursive: true, force: true });
    await carryBack();
    throw error;
  }
  await rm(old, { recursive: true, force: true });
}
