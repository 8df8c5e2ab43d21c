import { createHash } from 'node:crypto';
import { toJsonText, type JsonWritable } from '../json';
import { canonicalText } from './tree';
import type { InlineGuard, PatchValue } from './types';

/** Hex digits of the SHA-256 the import writes in `wasSha256` (48 bits: a changed rendering is never missed by chance). */
export const GUARD_DIGEST_LENGTH = 12;

/** A `wasSha256` value: 8 to 64 lowercase hex digits. */
export const GUARD_DIGEST_PATTERN = '^[0-9a-f]{8,64}$';

/** The SHA-256 (hex) of a value's minified JSON with sorted keys, cut to `length` digits. */
export const valueSha256 = (value: PatchValue, length = 64): string =>
  createHash('sha256').update(canonicalText(value), 'utf8').digest('hex').slice(0, length);

/** Whether `value` is what a `wasSha256` of `digest` pins (its SHA-256 starts with those digits). */
export const matchesSha256 = (value: PatchValue, digest: string): boolean =>
  valueSha256(value, digest.length) === digest;

const memberBytes = (guard: InlineGuard): number =>
  Buffer.byteLength(toJsonText(guard as JsonWritable, { compact: true }), 'utf8');

/**
 * The smaller guard of `value` as members of the operation it guards: the value itself (`was`) when
 * that is no longer than its digest, else `wasSha256` (the message of a failing guard shows what
 * the pattern renders now either way).
 */
export function inlineGuard(value: PatchValue): InlineGuard {
  const literal: InlineGuard = { was: value };
  const digest: InlineGuard = { wasSha256: valueSha256(value, GUARD_DIGEST_LENGTH) };
  return memberBytes(literal) <= memberBytes(digest) ? literal : digest;
}
