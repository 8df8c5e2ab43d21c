import type { JsonNumber, RecordTree } from '../json';

/**
 * A JSON value inside a patch and the documents it is applied to: plain records (a "__proto__"
 * key stays data) and lossless `JsonNumber`s, like connector.json's values in the engine.
 */
export type PatchValue = RecordTree<JsonNumber>;

/**
 * An operation's own guard (members RFC 6902 §4 says a generic applier ignores): what the pattern
 * rendered at the operation's target (`from` for a move, else `path`) when the patch was written,
 * checked just before the operation applies, like a `test` of that pointer in front of it:
 * - `was`: the value itself (short values);
 * - `wasSha256`: the first hex digits (8 to 64) of the SHA-256 of its minified JSON with sorted keys
 *   (long values: a DTL rule list is pinned in 23 bytes instead of repeated whole).
 */
export interface InlineGuard {
  readonly was?: PatchValue;
  readonly wasSha256?: string;
}

/** Why a maintainer keeps an operation: one line, shown by the drift report and the README. */
export interface Reasoned {
  readonly reason?: string;
}

/** One RFC 6902 operation, as connector.json holds it (with the engine's optional extra members). */
export type PatchOperation = Reasoned &
  (
    | ({ readonly op: 'add' | 'replace'; readonly path: string; readonly value: PatchValue } & InlineGuard)
    | { readonly op: 'test'; readonly path: string; readonly value: PatchValue }
    | ({ readonly op: 'remove'; readonly path: string } & InlineGuard)
    | ({ readonly op: 'move' | 'copy'; readonly path: string; readonly from: string } & InlineGuard)
  );

/** What a patch is applied to, named in every failure. */
export interface PatchWhere {
  readonly connector: string;
  /** Absent for the connector's system and manifest patches. */
  readonly datatype?: string;
  /** The pipe role (`collect`, `all`, …), or `system` / `manifest`. */
  readonly role: string;
  /** The rendered file, relative to connector/ (e.g. `templates/order.json`). */
  readonly file?: string;
  /** connector.json as messages show it. */
  readonly configFile?: string;
  /** Where the operations are in connector.json, e.g. `["datatypes", "order", "patches", "collect"]`. */
  readonly configPath?: readonly (string | number)[];
}

/**
 * Why a patch does not fit:
 * - `test-failed`: a guard's value is not what the pattern renders there now;
 * - `missing-path`: the path (or `from`) the operation needs does not exist;
 * - `unguarded`: a replace, remove or move (or an add that overwrites a value, or an insert at an
 *   array index) without a preceding `test` of that path or an ancestor;
 * - `no-pipe`: the pattern renders no pipe for the role and the patch does not create one;
 * - `invalid`: not an operation RFC 6902 (or the engine) can apply.
 */
export type PatchFailureKind = 'test-failed' | 'missing-path' | 'unguarded' | 'no-pipe' | 'invalid';

export interface PatchFailure {
  readonly kind: PatchFailureKind;
  readonly where: PatchWhere;
  /** Index of the failing operation in the patch. */
  readonly index: number;
  /** The JSON pointer (in the rendered pipe or file) the operation is about. */
  readonly pointer: string;
  /** What the patch expected there (a test's value); absent when it expected nothing in particular. */
  readonly expected?: PatchValue;
  /** The digest a `wasSha256` guard expected (then `expected` is absent). */
  readonly expectedSha256?: string;
  /** What the document holds there now; absent when nothing is there. */
  readonly actual?: PatchValue;
  /** The digest of `actual`, as long as `expectedSha256` (the value to put in the guard). */
  readonly actualSha256?: string;
  /** How to fix it. */
  readonly fix: string;
  /** The whole message: headline, where, expected, actual, fix. */
  readonly message: string;
}

/** What `applyPatch` returns: the patched document, or why the patch does not fit. */
export type PatchResult =
  { readonly ok: true; readonly value: PatchValue } | { readonly ok: false; readonly error: PatchFailure };
