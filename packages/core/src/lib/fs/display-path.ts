import { isAbsolute, relative } from 'node:path';

/**
 * A path as a user should see it: relative to `from` (default: the current directory) when it is
 * inside it (`.` for `from` itself), else as given.
 */
export function displayPath(file: string, from: string = process.cwd()): string {
  const rel = relative(from, file);
  if (rel === '') return '.';
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}
