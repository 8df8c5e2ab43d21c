/**
 * Lossless JSON with Python `json` semantics, shared by every part of the workspace.
 *
 * - `parseJson(text, file?)` reads like Python's `json.loads` and throws `JsonParseError` with its
 *   wording and position. Objects are `JsonObject` (a Map, source key order), numbers `JsonNumber`
 *   (exact lexeme); strings, booleans, null and arrays are plain JS.
 * - `toCanonicalJson(value)` writes like `json.dumps(value, indent=2, sort_keys=True)`;
 *   `toJsonText(value, { sortKeys, indent })` is the same writer with Python's other choices.
 */
export { parseJson, USER_AUTHORED, type ParseJsonOptions } from './parse';
export { JsonParseError, type JsonErrorPosition, type PythonJsonErrorType } from './parse-error';
export { toCanonicalJson, toJsonText, JsonWriteError, type JsonTextOptions } from './write';
export { JsonNumber } from './json-number';
export {
  JsonObject,
  isJsonObject,
  isJsonArray,
  isJsonNumber,
  type JsonArray,
  type JsonValue,
  type JsonWritable,
} from './types';
export { mergeOver, mergeJson, mergeOverride, JSON_MERGE, type MergeModel } from './merge';
export { toPlainJs, toRecordTree, type PlainJson, type RecordTree } from './plain';
export { compareCodePoints } from './key-order';
export { pythonFloatRepr } from './number-format';
export { formatJsonPath, IDENTIFIER_KEY, type JsonPath, type JsonPathFormat } from './json-path';
