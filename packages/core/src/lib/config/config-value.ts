import { JsonNumber, toRecordTree, type JsonValue } from '../json';
import type { ConfigJson, ConfigObject } from './types';

/**
 * A parsed value as the engine keeps it: `JsonObject`s become plain records (file key order;
 * a "__proto__" key stays data), numbers stay `JsonNumber`.
 */
export const toConfigValue = (value: JsonValue): ConfigJson =>
  toRecordTree(value, (n) => (n instanceof JsonNumber ? n : JsonNumber.from(n))) as ConfigJson;

export const isConfigObject = (value: unknown): value is ConfigObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof JsonNumber);

/** A path relative to a folder that stays inside it: no absolute path, `\`, empty, `.` or `..` segment. */
export const isInsideRelativePath = (path: string): boolean =>
  !path.startsWith('/') &&
  !path.includes('\\') &&
  path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
