import {
  mkdirSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { outputDir, readTree } from '../../shared/src/connectors';

/** One connector output folder as it was: its files (bytes) and folders, or null when it did not exist. */
export interface FolderSnapshot {
  files: Map<string, Buffer>;
  dirs: Set<string>;
}

/** The output folders (`packages/connectors/<system>/connector`, `.expanded` included) by system. */
export type OutputSnapshot = Map<string, FolderSnapshot | null>;

/** Reads every named connector's output folder into memory. */
export const captureOutputs = (root: string, systems: Iterable<string>): OutputSnapshot =>
  new Map([...systems].map((system) => [system, captureFolder(outputDir(root, system))]));

const captureFolder = (dir: string): FolderSnapshot | null => {
  if (!isDirectory(dir)) return null;
  const files = readTree(dir);
  const dirs = new Set<string>();
  for (const path of files.keys()) {
    for (let parent = dirname(path); parent !== '.'; parent = dirname(parent)) dirs.add(parent);
  }
  for (const path of emptyDirs(dir)) dirs.add(path);
  return { files, dirs };
};

/**
 * Puts every output folder back exactly as the snapshot has it: files the build added are deleted,
 * changed or deleted ones rewritten (via a temporary file and a rename), folders that did not
 * exist removed. Files that are already right are not touched. `systems` may name folders the
 * snapshot does not have (created since): they are removed.
 */
export const restoreOutputs = (
  root: string,
  snapshot: OutputSnapshot,
  systems: Iterable<string> = [],
): void => {
  for (const system of new Set([...snapshot.keys(), ...systems])) {
    const dir = outputDir(root, system);
    const before = snapshot.get(system) ?? null;
    if (before === null) {
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    const now = isDirectory(dir) ? readTree(dir) : new Map<string, Buffer>();
    for (const path of now.keys()) if (!before.files.has(path)) unlinkSync(join(dir, path));
    for (const [path, bytes] of before.files) {
      const current = now.get(path);
      if (current !== undefined && current.equals(bytes)) continue;
      const file = join(dir, path);
      mkdirSync(dirname(file), { recursive: true });
      const temporary = `${file}.restore-${process.pid}`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, file);
    }
    mkdirSync(dir, { recursive: true });
    for (const path of before.dirs) mkdirSync(join(dir, path), { recursive: true });
    removeNewEmptyDirs(dir, '', before.dirs);
  }
};

const removeNewEmptyDirs = (root: string, relative: string, keep: Set<string>): void => {
  const dir = join(root, relative);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    removeNewEmptyDirs(root, path, keep);
    if (!keep.has(path) && readdirSync(join(root, path)).length === 0) rmdirSync(join(root, path));
  }
};

const emptyDirs = (root: string, relative = ''): string[] =>
  readdirSync(join(root, relative), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      const inner = emptyDirs(root, path);
      return readdirSync(join(root, path)).length === 0 ? [path, ...inner] : inner;
    });

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};
