import { toJsonText, type JsonWritable } from '../json';
import type { PatchOperation } from './types';

/** The size of a patch: the bytes of its minified JSON (keys in the order written). */
export const patchSize = (operations: readonly PatchOperation[]): number =>
  Buffer.byteLength(toJsonText(operations as unknown as JsonWritable, { compact: true }), 'utf8');

/** What an operation changes, for reports: `replace /source/dataset`, `add ""`, `move /a → /b`. */
export const operationChange = (operation: PatchOperation): string =>
  'from' in operation
    ? `${operation.op} ${operation.from} → ${operation.path}`
    : `${operation.op} ${operation.path || '""'}`;
