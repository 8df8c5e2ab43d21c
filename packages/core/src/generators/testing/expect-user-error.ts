import type { Tree } from '@nx/devkit';
import { GeneratorError } from '../shared/generator-error';

/** Every change in the tree, with its content: two snapshots are equal only if nothing was written. */
const snapshot = (tree: Tree): string[] =>
  tree.listChanges().map((c) => `${c.type} ${c.path} ${c.content?.toString()}`);

/**
 * Test helper: runs a generator expecting a user error; checks that it is a GeneratorError whose
 * message matches, and that the tree is exactly as before (no file created, changed or deleted).
 */
export async function expectUserError(
  tree: Tree,
  run: () => Promise<unknown>,
  message: string | RegExp,
): Promise<void> {
  const before = snapshot(tree);
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GeneratorError);
  expect((error as Error).message).toMatch(message);
  expect(snapshot(tree)).toEqual(before);
}

/** Test helper: the paths under `packages/` the generator created or changed, sorted. */
export const changedPackagePaths = (tree: Tree): string[] =>
  tree
    .listChanges()
    .map((c) => c.path)
    .filter((p) => p.startsWith('packages/'))
    .sort();
