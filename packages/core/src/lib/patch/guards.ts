import { coversPointer } from './pointer';
import type { PatchOperation } from './types';

/** The pointer a `test` must guard before this operation, if it replaces or removes something. */
export const guardedPointer = (operation: PatchOperation): string | undefined => {
  switch (operation.op) {
    case 'replace':
    case 'remove':
      return operation.path;
    case 'move':
      return operation.from;
    default:
      return undefined;
  }
};

/** Whether a `test` before operation `index` covers `pointer` (the same path or an ancestor). */
export const isGuarded = (operations: readonly PatchOperation[], index: number, pointer: string): boolean =>
  operations.slice(0, index).some((earlier) => earlier.op === 'test' && coversPointer(earlier.path, pointer));

/** A replace, remove or move without its guard: the operation's index and the pointer to test. */
export interface UnguardedOperation {
  readonly index: number;
  readonly pointer: string;
}

/**
 * Every replace, remove and move (its `from`) not preceded by a `test` of the same path or an
 * ancestor. Without that guard a pattern change (a DTL rule inserted before an index path) would
 * make the operation apply to something else, silently.
 */
export function unguardedOperations(operations: readonly PatchOperation[]): UnguardedOperation[] {
  const unguarded: UnguardedOperation[] = [];
  operations.forEach((operation, index) => {
    const pointer = guardedPointer(operation);
    if (pointer !== undefined && !isGuarded(operations, index, pointer)) unguarded.push({ index, pointer });
  });
  return unguarded;
}

/** How to guard an operation, for messages. */
export const guardFix = (pointer: string): string =>
  `put {"op": "test", "path": ${JSON.stringify(pointer)}, "value": <what the pattern renders there>} before it, ` +
  'after checking that value in the built file';
