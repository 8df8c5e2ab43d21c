import * as path from 'node:path';

/** Where a command writes and what it runs in; the bin passes the process's, tests a recorder. */
export interface CliIo {
  readonly cwd: string;
  stdout(line: string): void;
  stderr(line: string): void;
}

/** A path as the user should see it: relative to the working folder when inside it. */
export function displayPath(cwd: string, target: string): string {
  const relative = path.relative(cwd, target);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? target : relative;
}
