import { JsonNumber, JsonObject, toJsonText, type JsonValue } from '../json';
import type { PatchValue } from './types';

/** What `toPatchValue` takes: a parsed value (`JsonObject`s) or a patch value (records), or a mix. */
export type PatchInput = JsonValue | PatchValue;

const setMember = (record: { [key: string]: PatchValue }, key: string, value: PatchValue): void => {
  // defineProperty so that a "__proto__" key becomes data, not the prototype.
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
};

/** A deep copy as plain records with `JsonNumber`s (the representation patches are applied to). */
export function toPatchValue(value: PatchInput): PatchValue {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'number' ? JsonNumber.from(value) : value;
  }
  if (value instanceof JsonNumber) return value;
  if (Array.isArray(value)) return value.map((item: PatchInput) => toPatchValue(item));
  const record: { [key: string]: PatchValue } = {};
  const entries = value instanceof JsonObject ? value.entries() : Object.entries(value);
  for (const [key, member] of entries) setMember(record, key, toPatchValue(member));
  return record;
}

export const isRecord = (value: PatchValue | undefined): value is { [key: string]: PatchValue } =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof JsonNumber);

/** Minified JSON with sorted keys: equal texts are equal values as the build writes them. */
export const canonicalText = (value: PatchValue): string =>
  toJsonText(value, { sortKeys: true, compact: true });

/** A value for a message: minified JSON, cut after `limit` characters. */
export function shownValue(value: PatchValue | undefined, limit = 300): string {
  if (value === undefined) return 'nothing';
  const text = canonicalText(value);
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length} characters)`;
}
