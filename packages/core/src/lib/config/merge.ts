import { mergeOver, type MergeModel } from '../json';
import { isConfigObject } from './config-value';
import type { ConfigJson, ConfigObject } from './types';

/** connector.json's values as the engine keeps them (plain records; a "__proto__" key stays data). */
const CONFIG_MERGE: MergeModel<ConfigJson, ConfigObject> = {
  isObject: (value): value is ConfigObject => isConfigObject(value),
  entries: (object) => Object.entries(object),
  make: (entries) => {
    const made: ConfigObject = {};
    for (const [key, value] of entries)
      Object.defineProperty(made, key, { value, enumerable: true, writable: true, configurable: true });
    return made;
  },
};

/**
 * `override` over `base` member by member, as every default of connector.json is merged
 * (`datatypeDefaults`, `restSystem.operationDefaults`, a datatype's `operationDefaults` and
 * `operations`, `restSystem.operations`): JSON Merge Patch (RFC 7396) — null removes a member,
 * objects merge, anything else replaces (see `mergeOver`).
 */
export const mergeConfig = (base: ConfigObject, override: ConfigObject = {}): ConfigObject =>
  mergeOver(CONFIG_MERGE, base, override);
