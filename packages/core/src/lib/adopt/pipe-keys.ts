import type { JsonObject, JsonValue } from '../json';
import { at } from './json-access';

/** What several patterns' option inference reads alike from a pipe: how it turns namespacing off, its primary key. */

/** The `identifiers` value a pipe's own keys say (`none` when it turns namespacing off in neither way). */
export const identifiersOfPipe = (pipe: JsonObject): string => {
  const namespaced = pipe.get('namespaced_identifiers') === false;
  const added = pipe.get('add_namespaces') === false;
  if (namespaced && added) return 'both';
  if (added) return 'add_namespaces';
  if (namespaced) return 'namespaced_identifiers';
  return 'none';
};

/** `primaryKey` when a template transform names another than the default `id`. */
export const primaryKeyOf = (...templates: (JsonObject | undefined)[]): JsonValue | undefined => {
  for (const template of templates) {
    const key = at(template, 'properties', 'primary_key');
    const valid =
      (typeof key === 'string' && key !== '') ||
      (Array.isArray(key) && key.length > 0 && key.every((k) => typeof k === 'string' && k !== ''));
    if (valid) return key === 'id' ? undefined : key;
  }
  return undefined;
};
