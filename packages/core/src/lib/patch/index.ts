/**
 * Patches: RFC 6902 JSON Patch operations (applied through fast-json-patch) that a connector.json
 * lays over what a pattern renders, each replace/remove guarded by what the pattern rendered when
 * the patch was written (a `test`, or the operation's own `was` / `wasSha256`), so that a pattern
 * change makes the build fail instead of the patch applying in the wrong place.
 */
export { applyPatch } from './apply';
export { createGuardedPatch } from './diff';
export { operationChange, patchSize } from './size';
export { GUARD_DIGEST_LENGTH, GUARD_DIGEST_PATTERN, inlineGuard, valueSha256 } from './digest';
export { guardFix, unguardedOperations, type UnguardedOperation } from './guards';
export { toPatchValue, type PatchInput } from './tree';
export type {
  InlineGuard,
  PatchFailure,
  PatchFailureKind,
  PatchOperation,
  PatchResult,
  PatchValue,
  PatchWhere,
} from './types';
