import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../lib/fs';
import type { FileTree } from './compare-trees';

/** Every file below `dir` (relative POSIX paths), skipping top-level entries named in `skip`. */
export const readTree = (dir: string, skip: ReadonlySet<string>): FileTree =>
  new Map(listFiles(dir, (path) => skip.has(path)).map((path) => [path, readFileSync(join(dir, path))]));
