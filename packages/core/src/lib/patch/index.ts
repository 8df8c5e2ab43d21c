/**
 * Patches: RFC 6902 JSON Patch operations (applied through fast-json-patch) that a connector.json
 * lays over what a pattern renders, each replace/remove guarded by a `test` of what the pattern
 * rendered when the patch was written, so that a pattern change makes the build fail instead of
 * the patch applying in the wrong place.
 */
export { applyPatch } from './apply';
export { createGuardedPatch } from './diff';
export { patchSize } from './size';
export { guardFix, unguardedOperations, type UnguardedOperation } from './guards';
export { toPatchValue, type PatchInput } from './tree';
export type {
  PatchFailure,
  PatchFailureKind,
  PatchOperation,
  PatchResult,
  PatchValue,
  PatchWhere,
} from './types';
