import { JsonNumber } from './json-number';
import { JsonObject, type JsonValue } from './types';

/** A plain JS value: what `JSON.parse` would give (e.g. for a schema validator such as ajv). */
export type PlainJson = null | boolean | number | string | PlainJson[] | { [key: string]: PlainJson };

/**
 * Converts a parsed value to plain JS: `JsonObject` → object, `JsonNumber` → number. Lossy on
 * purpose: integers beyond 2^53 are rounded and integer-like keys move to the front (JS object
 * order), so use it only for reading (validation, display), never to write JSON back.
 */
export function toPlainJs(value: JsonValue): PlainJson {
  if (value instanceof JsonNumber) return value.toNumber();
  if (Array.isArray(value)) return value.map(toPlainJs);
  if (value instanceof JsonObject) {
    const record: { [key: string]: PlainJson } = {};
    for (const [key, member] of value) {
      // defineProperty so that a "__proto__" key becomes data, not the prototype.
      Object.defineProperty(record, key, {
        value: toPlainJs(member),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return record;
  }
  return value;
}
