import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FileTree } from './compare-trees';

/** Every file below `dir` (relative POSIX paths), skipping top-level entries named in `skip`. */
export const readTree = (dir: string, skip: ReadonlySet<string>): FileTree => {
  const files = new Map<string, Buffer>();
  const visit = (abs: string, rel: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (rel === '' && skip.has(entry.name)) continue;
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) visit(join(abs, entry.name), childRel);
      else if (entry.isFile()) files.set(childRel, readFileSync(join(abs, entry.name)));
    }
  };
  visit(dir, '');
  return files;
};
