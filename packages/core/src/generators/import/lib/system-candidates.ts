import { isJsonObject, JsonObject, parseJson, toCanonicalJson, type JsonValue } from '../../../lib/json';
import { AUTH_TYPES } from '../../../lib/config/types';
import { RAW_MANIFEST_FILE, stringOr } from './compose-config';
import type { SourceConnector } from './read-source';

/** connector.json's `auth` and `restSystem` for one way of rendering the source's system template. */
export interface SystemParts {
  auth: JsonObject;
  restSystem: JsonObject;
  /** connector.json fields of datatypes that hold part of the system (`path`, `operations`), by name. */
  datatypes?: ReadonlyMap<string, JsonObject>;
}

/** Root keys of the system that `restSystem` sets through its own fields. */
const OWN_SYSTEM_KEYS = new Set(['_id', 'type', 'url_pattern', 'verify_ssl', 'headers', 'operations']);

/**
 * Why the system pattern cannot render this system template at all, or undefined when it might:
 * it renders one `{{@ system @}}` system:rest object with url_pattern, verify_ssl and operations
 * (in the build's canonical layout, which only a byte-for-byte copy needs: see `systemLayoutProblem`).
 */
export const systemShapeProblem = (text: string): string | undefined => {
  let system: JsonValue;
  try {
    system = parseJson(text);
  } catch (error) {
    return `it is not valid JSON (${(error as Error).message})`;
  }
  if (!isJsonObject(system)) return 'it is not a single system object';
  if (system.get('_id') !== '{{@ system @}}' || system.get('type') !== 'system:rest') {
    return 'it is not a "{{@ system @}}" system:rest system';
  }
  if (typeof system.get('url_pattern') !== 'string' || typeof system.get('verify_ssl') !== 'boolean') {
    return 'it lacks url_pattern or verify_ssl';
  }
  if (!isJsonObject(system.get('operations'))) return 'it has no operations object';
  return undefined;
};

/**
 * Why the build cannot write this system template back byte for byte although its shape renders:
 * the build writes canonical JSON. Only a verbatim import (which compares the files' bytes) cares;
 * adoption compares the expanded node config, which `sesam expand` writes canonical anyway.
 */
export const systemLayoutProblem = (text: string): string | undefined => {
  const shape = systemShapeProblem(text);
  if (shape !== undefined) return shape;
  return toCanonicalJson(parseJson(text)) === text
    ? undefined
    : 'it is not in the canonical layout the build writes (keys sorted, 2-space indent, no final newline)';
};

/** The manifest's `oauth2` block as connector.json auth fields (only the string/array values it can hold). */
const oauth2Fields = (manifest: JsonObject): [string, JsonValue][] => {
  const block = manifest.get('oauth2');
  const get = (key: string) => (isJsonObject(block) ? block.get(key) : undefined);
  const scopes = get('scopes');
  return [
    ['loginUrl', stringOr(get('login_url')) || `see ${RAW_MANIFEST_FILE}`],
    ['tokenUrl', stringOr(get('token_url')) || `see ${RAW_MANIFEST_FILE}`],
    ['scopes', Array.isArray(scopes) && scopes.every((s) => typeof s === 'string') ? scopes : []],
  ];
};

/** `restSystem` holding everything the source system has besides what the auth type writes (removed later on demand). */
const restSystemOf = (system: JsonObject): JsonObject => {
  const properties = new JsonObject([...system].filter(([key]) => !OWN_SYSTEM_KEYS.has(key)));
  const entries: [string, JsonValue | undefined][] = [
    ['urlPattern', system.get('url_pattern')],
    // true is restSystem's default
    ['verifySsl', system.get('verify_ssl') === true ? undefined : system.get('verify_ssl')],
    ['headers', system.get('headers')],
    ['properties', properties.size > 0 ? properties : undefined],
    ['operations', system.get('operations')],
  ];
  return new JsonObject(entries.filter((e): e is [string, JsonValue] => e[1] !== undefined));
};

/** The auth type the source manifest declares, tried first. */
const declaredAuthType = (manifest: JsonObject): string | undefined => {
  const auth = manifest.get('auth');
  const variant = manifest.get('auth_variant');
  if (auth === 'oauth2') return variant === 'superoffice-ticket' ? 'superoffice-ticket' : 'oauth2';
  if (auth === 'api_key') return variant === 'tripletex' ? 'tripletex' : 'api_key';
  return auth === undefined ? 'none' : undefined;
};

/**
 * Every connector.json `auth` that might render the source's auth settings, the manifest's own
 * type first: each auth type, plus header variants for each header the system sends and basic
 * authentication with its username. Rendering decides which (if any) is exact.
 */
export const authCandidates = (source: SourceConnector, system: JsonObject): JsonObject[] => {
  const oauth2 = oauth2Fields(source.manifest);
  const headers = system.get('headers');
  const headerNames = isJsonObject(headers) ? [...headers.keys()] : [];
  const username = system.get('username');
  const declared = declaredAuthType(source.manifest);
  const types = [...AUTH_TYPES].sort((a, b) => Number(b === declared) - Number(a === declared));
  const candidates: [string, JsonValue][][] = types.flatMap((type): [string, JsonValue][][] => {
    switch (type) {
      case 'oauth2':
        return [
          [['type', type], ...oauth2],
          ...headerNames.map((h): [string, JsonValue][] => [
            ['type', type],
            ...oauth2,
            ['accessTokenHeader', h],
          ]),
        ];
      case 'superoffice-ticket':
        return [[['type', type], ...oauth2]];
      case 'api_key':
        return [
          [['type', type]],
          ...headerNames
            .filter((h) => h !== 'Authorization')
            .map((h): [string, JsonValue][] => [
              ['type', type],
              ['apiKeyHeader', h],
            ]),
          ...(typeof username === 'string'
            ? [
                [
                  ['type', type],
                  ['apiKeyStyle', 'basic'],
                  ['username', username],
                ] as [string, JsonValue][],
              ]
            : []),
        ];
      default:
        return [[['type', type]]];
    }
  });
  return candidates.map((entries) => new JsonObject(entries));
};

/** The source's system parsed, with its candidate connector.json parts; undefined when its shape rules it out. */
export const systemCandidates = (source: SourceConnector, systemText: string): SystemParts[] | undefined => {
  if (systemShapeProblem(systemText) !== undefined) return undefined;
  const system = parseJson(systemText) as JsonObject;
  return authCandidates(source, system).map((auth) => ({ auth, restSystem: restSystemOf(system) }));
};
