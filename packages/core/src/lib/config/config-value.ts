import { JsonNumber, JsonObject, type JsonValue } from '../json';
import type { ConfigJson, ConfigObject } from './types';

/**
 * A parsed value as the engine keeps it: `JsonObject`s become plain records (file key order;
 * a "__proto__" key stays data), numbers stay `JsonNumber`.
 */
export function toConfigValue(value: JsonValue): ConfigJson {
  if (value instanceof JsonObject) {
    const record: ConfigObject = {};
    for (const [key, member] of value) {
      Object.defineProperty(record, key, {
        value: toConfigValue(member),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return record;
  }
  if (Array.isArray(value)) return value.map(toConfigValue);
  if (typeof value === 'number') return JsonNumber.from(value);
  return value;
}

export const isConfigObject = (value: unknown): value is ConfigObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof JsonNumber);

/** A path relative to a folder that stays inside it: no absolute path, `\`, empty, `.` or `..` segment. */
export const isInsideRelativePath = (path: string): boolean =>
  !path.startsWith('/') &&
  !path.includes('\\') &&
  path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
