import { coversPointer } from './pointer';
import type { InlineGuard, PatchOperation } from './types';

/** The pointer a guard must cover before this operation, if it replaces or removes something. */
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

/** The operation's own guard (`was` / `wasSha256`), if it carries one. */
export const inlineGuardOf = (operation: PatchOperation): InlineGuard | undefined =>
  operation.op !== 'test' && ('was' in operation || 'wasSha256' in operation) ? operation : undefined;

/** The pointer an operation's own guard pins: its `from` for a move, else its `path`. */
export const inlineGuardPointer = (operation: PatchOperation): string =>
  operation.op === 'move' ? operation.from : operation.path;

/**
 * Whether `pointer` is pinned before operation `index` applies: by an earlier `test` of it or an
 * ancestor, or by an inline guard (of this operation or an earlier one) on it or an ancestor. After a
 * pinned value the operations are deterministic, so one guard covers every later operation below it.
 */
export function isGuarded(operations: readonly PatchOperation[], index: number, pointer: string): boolean {
  return operations.slice(0, index + 1).some((earlier, at) => {
    if (earlier.op === 'test') return at < index && coversPointer(earlier.path, pointer);
    return inlineGuardOf(earlier) !== undefined && coversPointer(inlineGuardPointer(earlier), pointer);
  });
}

/** A replace, remove or move without its guard: the operation's index and the pointer to test. */
export interface UnguardedOperation {
  readonly index: number;
  readonly pointer: string;
}

/**
 * Every replace, remove and move (its `from`) not guarded by a `test` of the same path or an
 * ancestor before it, nor by a `was` / `wasSha256` of its own (or of an earlier operation on an
 * ancestor). Without a guard a pattern change (a DTL rule inserted before an index path) would make
 * the operation apply to something else, silently.
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
  `give it "was": <what the pattern renders at ${JSON.stringify(pointer)}> (or "wasSha256": the first 12 hex digits of the SHA-256 of that value's minified JSON with sorted keys, which a failing build prints), ` +
  `or put {"op": "test", "path": ${JSON.stringify(pointer)}, "value": <that value>} before it, after checking that value in the built file`;
