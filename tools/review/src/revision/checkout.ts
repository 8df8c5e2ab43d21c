import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isBuildOutput } from '../../../shared/src/connectors';
import { addWorktree, removeWorktree } from '../../../shared/src/git';
import { linkNodeModules } from '../../../shared/src/node-modules';
import type { Cleanup } from './cleanup';

export interface Revision {
  /** What the user called it (`main`, `HEAD~1`, `work tree`). */
  ref: string;
  commit: string;
}

export interface Checkout extends Revision {
  dir: string;
  /** Things the reader should know about this checkout. */
  notes: string[];
}

/**
 * Checks a revision out into `dir` (a temporary git worktree, removed by `cleanup`) and gives it the
 * source checkout's installed dependencies (see linkNodeModules).
 */
export const checkoutRevision = (
  root: string,
  dir: string,
  revision: Revision,
  cleanup: Cleanup,
): Checkout => {
  cleanup.add(`remove worktree ${dir}`, () => removeWorktree(root, dir));
  // The committed build outputs are left out: the build writes them again (it would delete them first).
  addWorktree(root, dir, revision.commit, isBuildOutput);
  linkNodeModules(root, dir);
  const notes: string[] = [];
  if (lockfile(root) !== lockfile(dir)) {
    notes.push(
      `package-lock.json at ${revision.ref} differs from the one installed in ${root}; it was built with the installed dependencies`,
    );
  }
  return { ...revision, dir, notes };
};

const lockfile = (root: string): string | undefined => {
  const file = join(root, 'package-lock.json');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
};
