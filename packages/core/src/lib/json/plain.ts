import { JsonNumber } from './json-number';
import { JsonObject, type JsonValue } from './types';

/** A value whose objects are plain records and whose numbers are `N`. */
export type RecordTree<N> = null | boolean | string | N | RecordTree<N>[] | { [key: string]: RecordTree<N> };

/**
 * Converts a parsed value to plain records (`JsonObject` → object, in the file's key order except
 * that JS puts integer-like keys first; a "__proto__" key stays data), mapping every number through
 * `number`. The one converter behind `toPlainJs` and the engine's config values.
 */
export function toRecordTree<N>(value: JsonValue, number: (n: JsonNumber | number) => N): RecordTree<N> {
  if (value instanceof JsonNumber || typeof value === 'number') return number(value);
  if (Array.isArray(value)) return value.map((item) => toRecordTree(item, number));
  if (value instanceof JsonObject) {
    const record: { [key: string]: RecordTree<N> } = {};
    for (const [key, member] of value) {
      // defineProperty so that a "__proto__" key becomes data, not the prototype.
      Object.defineProperty(record, key, {
        value: toRecordTree(member, number),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return record;
  }
  return value;
}

/** A plain JS value: what `JSON.parse` would give (e.g. for a schema validator such as ajv). */
export type PlainJson = RecordTree<number>;

/**
 * Converts a parsed value to plain JS: `JsonObject` → object, `JsonNumber` → number. Lossy on
 * purpose: integers beyond 2^53 are rounded and integer-like keys move to the front (JS object
 * order), so use it only for reading (validation, display), never to write JSON back.
 */
export const toPlainJs = (value: JsonValue): PlainJson =>
  toRecordTree(value, (n) => (n instanceof JsonNumber ? n.toNumber() : n));
