/**
 * The workspace's one JSON module (lossless parse, canonical Python-style writer), owned by core.
 * Imported here once so the rest of the tools do not spell the cross-package path.
 */
export { parseJson, toCanonicalJson, isJsonObject, isJsonArray } from '../../../packages/core/src/lib/json';
