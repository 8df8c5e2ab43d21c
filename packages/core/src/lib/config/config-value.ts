import { JsonNumber, toRecordTree, type PlainJson, type JsonValue } from '../json';
import type { ConfigJson, ConfigObject } from './types';

/**
 * A parsed value as the engine keeps it: `JsonObject`s become plain records (file key order;
 * a "__proto__" key stays data), numbers stay `JsonNumber`.
 */
export const toConfigValue = (value: JsonValue): ConfigJson =>
  toRecordTree(value, (n) => (n instanceof JsonNumber ? n : JsonNumber.from(n))) as ConfigJson;

export const isConfigObject = (value: unknown): value is ConfigObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof JsonNumber);

/**
 * The value as the schema validator sees it: plain JS, except that a number written as a float
 * (`1.0`, `1e2`) is nudged to the next float up, so that `type: integer` refuses it as Sesam's
 * typed fields do (ajv would take `1.0` for an integer); the bounds of every integer field sit far
 * below 2^52, where the nudge stops being a fraction.
 */
export const toSchemaInput = (value: JsonValue): PlainJson =>
  toRecordTree(value, (n) => {
    const x = n instanceof JsonNumber ? n.toNumber() : n;
    const writtenAsFloat = n instanceof JsonNumber && !n.isInteger;
    return writtenAsFloat && Number.isInteger(x) && Math.abs(x) < 2 ** 52
      ? x + Math.max(Number.MIN_VALUE, Math.abs(x) * Number.EPSILON)
      : x;
  });
