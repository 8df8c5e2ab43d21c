import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every regular file below `dir`, as relative `/`-separated paths in sorted order (UTF-16 code
 * units, like `Array.prototype.sort`). `skip` gets each entry's relative path (a folder's too) and
 * leaves out what it returns true for; symbolic links and other non-files are not listed. Throws
 * when `dir` cannot be read.
 */
export function listFiles(dir: string, skip: (path: string) => boolean = () => false): string[] {
  const files: string[] = [];
  const visit = (relative: string): void => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (skip(path)) continue;
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  visit('');
  return files.sort();
}
