import type { OperationRole } from './types';

/** Every operation role, in the order the system template lists them. */
export const OPERATION_ROLES: readonly OperationRole[] = ['list', 'lookup', 'insert', 'update', 'delete'];

/** A Sesam REST system operation (`url`, `method`, `payload_property`, …), as plain data. */
export type OperationConfig = { readonly [key: string]: unknown };

/**
 * The one base path every default operation URL of a datatype is derived from: `collection` is the
 * path of the collection, `suffix` a format extension the API puts after the last path segment.
 */
export interface OperationBase {
  readonly collection: string;
  readonly suffix: string;
}

/** A format extension on the last segment: `items.json` → `.json` (not `{{ x }}.json`, not `.json` alone). */
const FORMAT_SUFFIX = /(?<=[^/.{}])(\.[A-Za-z][A-Za-z0-9]*)$/;

/**
 * The base path of a datatype's operations: the datatype name, or, when connector.json gives the
 * list operation's URL, that URL's path — without its query (`?…`), fragment, trailing `/` and
 * anything from a Jinja statement (`{% if since %}…`) on,
 * with a format extension of its last segment (`.json`, `.xml`) kept apart, so that the item
 * URLs put it after the id as such APIs do (`inventory_items.json?limit=50` → collection
 * `inventory_items`, suffix `.json`: lookup `inventory_items/{{ entity.id }}.json`).
 * A datatype's own API path (`apiPath`, connector.json's `datatypes.<dt>.path`) is the collection
 * when given (the list URL then only gives the suffix).
 */
export function operationBase(datatype: string, listUrl?: unknown, apiPath?: string): OperationBase {
  if (typeof listUrl !== 'string') return { collection: apiPath ?? datatype, suffix: '' };
  const path = listUrl.replace(/(\?|#|\{%).*$/s, '').replace(/\/+$/, '');
  if (path === '') return { collection: apiPath ?? datatype, suffix: '' };
  const suffix = FORMAT_SUFFIX.exec(path)?.[1] ?? '';
  return { collection: apiPath ?? path.slice(0, path.length - suffix.length), suffix };
}

/**
 * The default operation a pattern adds for `role` of `datatype` (connector.json's
 * `datatypes.<dt>.operations.<role>` is merged over it). Every role's URL comes from one base path
 * (`operationBase`: the datatype's path when given, else the list URL's, else the datatype name): the
 * collection for list and insert, `<collection>/{{ entity.id }}` for lookup, update and delete.
 * The urls are relative to the system's `url_pattern` and keep Sesam's runtime Jinja
 * (`{{ entity.id }}`) as text.
 */
export function defaultOperation(
  role: OperationRole,
  datatype: string,
  listUrl?: unknown,
  apiPath?: string,
): OperationConfig {
  const { collection, suffix } = operationBase(datatype, listUrl, apiPath);
  const all = `${collection}${suffix}`;
  const one = `${collection}/{{ entity.id }}${suffix}`;
  switch (role) {
    case 'list':
      return { method: 'GET', url: all };
    case 'lookup':
      return { method: 'GET', url: one };
    case 'insert':
      return { method: 'POST', url: all };
    case 'update':
      return { method: 'PUT', url: one };
    case 'delete':
      return { method: 'DELETE', url: one };
  }
}

/** The system operation name for a datatype's role. */
export const operationName = (datatype: string, role: OperationRole): string => `${datatype}-${role}`;
