import type { JsonValue, JsonWritable } from '../json';
import {
  applyPatch,
  type PatchFailure,
  type PatchOperation,
  type PatchValue,
  type PatchWhere,
} from '../patch';

/** A patch of connector.json does not fit what the pack renders; the message says where and how to fix it. */
export class PatchApplyError extends Error {
  override readonly name = 'PatchApplyError';
  constructor(readonly failure: PatchFailure) {
    super(failure.message);
  }
}

/** The document patched, or (no operations) as rendered; throws `PatchApplyError` when the patch does not fit. */
export function patched(
  document: JsonValue | undefined,
  operations: readonly PatchOperation[] | undefined,
  where: PatchWhere,
): JsonValue | PatchValue | undefined {
  if (operations === undefined) return document;
  const result = applyPatch(document, operations, where);
  if (!result.ok) throw new PatchApplyError(result.error);
  return result.value;
}

/** One pipe of a datatype's template file as the pattern rendered it. */
export interface RenderedPipe {
  readonly role: string;
  readonly value: JsonValue;
}

/**
 * The pipes of `templates/<datatype>.json` with the datatype's patches applied: each pattern pipe
 * patched by its role's operations, then one pipe per other role, created by its patch (in the
 * order connector.json lists them).
 */
export function patchedPipes(
  pipes: readonly RenderedPipe[],
  patches: { readonly [role: string]: readonly PatchOperation[] },
  where: Omit<PatchWhere, 'role' | 'configPath'> & { readonly datatype: string },
): JsonWritable[] {
  const at = (role: string): PatchWhere => ({
    ...where,
    role,
    configPath: ['datatypes', where.datatype, 'patches', role],
  });
  const rendered = new Set(pipes.map((pipe) => pipe.role));
  const extra = Object.keys(patches).filter((role) => !rendered.has(role));
  return [
    ...pipes.map((pipe) => patched(pipe.value, patches[pipe.role], at(pipe.role))!),
    ...extra.map((role) => patched(undefined, patches[role], at(role))!),
  ];
}
