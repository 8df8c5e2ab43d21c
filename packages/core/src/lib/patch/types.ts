import type { JsonNumber, RecordTree } from '../json';

/**
 * A JSON value inside a patch and the documents it is applied to: plain records (a "__proto__"
 * key stays data) and lossless `JsonNumber`s, like connector.json's values in the engine.
 */
export type PatchValue = RecordTree<JsonNumber>;

/** One RFC 6902 operation, as connector.json holds it. */
export type PatchOperation =
  | { readonly op: 'add' | 'replace' | 'test'; readonly path: string; readonly value: PatchValue }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'move' | 'copy'; readonly path: string; readonly from: string };

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
  /** What the document holds there now; absent when nothing is there. */
  readonly actual?: PatchValue;
  /** How to fix it. */
  readonly fix: string;
  /** The whole message: headline, where, expected, actual, fix. */
  readonly message: string;
}

/** What `applyPatch` returns: the patched document, or why the patch does not fit. */
export type PatchResult =
  { readonly ok: true; readonly value: PatchValue } | { readonly ok: false; readonly error: PatchFailure };
