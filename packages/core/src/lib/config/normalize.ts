import {
  DEFAULT_DATATYPE_PATTERN,
  datatypePatterns,
  type DatatypePattern,
} from '@sesam-connectors/template-pack';
import { parseJson } from '../json';
import { toConfigValue } from './config-value';
import { labelByName } from './manifest-file';
import { mergeConfig } from './merge';
import type { ConfigObject, ConnectorConfig, DatatypeConfig, RestSystemConfig } from './types';

const objectOr = (value: unknown): ConfigObject => (value ?? {}) as ConfigObject;

/**
 * The datatype's pattern: its own; for one that reuses another's template and names none, that
 * datatype's (they must agree); else the pack's default (the schema allows leaving it out only then).
 */
const datatypePattern = (datatype: ConfigObject, datatypes: ConfigObject): string => {
  const own = datatype['pattern'] as string | undefined;
  if (own !== undefined) return own;
  const reused = typeof datatype['reuse'] === 'string' ? datatypes[datatype['reuse']] : undefined;
  const target =
    reused !== null && typeof reused === 'object' ? (reused as ConfigObject)['pattern'] : undefined;
  return typeof target === 'string' ? target : DEFAULT_DATATYPE_PATTERN;
};

/**
 * A datatype's options: `datatypeDefaults.<pattern>.options` with its own `options` merged over them
 * member by member (`mergeConfig`, JSON Merge Patch: an object-valued option such as
 * `shareTemplateProperties` states only the members it changes, null removes one), as Nx merges
 * `targetDefaults` under a project's targets; an option set to null is unset (the pattern's own
 * default applies, not the one of datatypeDefaults). A datatype that reuses another's template
 * renders nothing itself, so it takes no defaults.
 */
const datatypeOptions = (
  value: ConfigObject,
  datatype: ConfigObject,
  patterns: readonly DatatypePattern[],
): ConfigObject => {
  const own = objectOr(datatype['options']);
  if (datatype['reuse'] !== undefined) return mergeConfig({}, own);
  const pattern = datatypePattern(datatype, value['datatypes'] as ConfigObject);
  const byPattern = objectOr(objectOr(value['datatypeDefaults'])[pattern]);
  const preset = byPattern['preset'] as string | undefined;
  const presetOptions = patterns.find((p) => p.name === pattern)?.presets?.[preset ?? '']?.options;
  const start =
    presetOptions === undefined
      ? {}
      : (toConfigValue(parseJson(JSON.stringify(presetOptions))) as ConfigObject);
  return mergeConfig(mergeConfig(start, objectOr(byPattern['options'])), own);
};

const normalizeRestSystem = (rest: ConfigObject): RestSystemConfig => ({
  urlPattern: rest['urlPattern'] as string,
  verifySsl: (rest['verifySsl'] ?? true) as boolean,
  headers: objectOr(rest['headers']),
  properties: objectOr(rest['properties']),
  operationDefaults: objectOr(rest['operationDefaults']) as RestSystemConfig['operationDefaults'],
  operations: objectOr(rest['operations']) as RestSystemConfig['operations'],
});

/**
 * The typed config with the contract's defaults (verifySsl true, empty headers/properties/
 * operations/manifest/options/patches; each datatype's options over its pattern's `datatypeDefaults`; no restSystem when there is none, as with systemFile). Only for
 * values that passed the schema.
 */
export function normalizeConfig(
  value: ConfigObject,
  patterns: readonly DatatypePattern[] = datatypePatterns,
): ConnectorConfig {
  const rest = value['restSystem'] as ConfigObject | undefined;
  const datatypes: { [name: string]: DatatypeConfig } = {};
  for (const [name, raw] of Object.entries(value['datatypes'] as ConfigObject)) {
    const datatype = raw as ConfigObject;
    Object.defineProperty(datatypes, name, {
      value: {
        ...(datatype as unknown as DatatypeConfig),
        pattern: datatypePattern(datatype, value['datatypes'] as ConfigObject) as DatatypeConfig['pattern'],
        manifest: objectOr(datatype['manifest']),
        options: datatypeOptions(value, datatype, patterns),
        operations: objectOr(datatype['operations']),
        patches: objectOr(datatype['patches']) as unknown as DatatypeConfig['patches'],
      },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const config: ConnectorConfig = {
    ...(value as unknown as ConnectorConfig),
    label: (value['label'] as string | undefined) ?? labelByName(value['system'] as string),
    manifest: objectOr(value['manifest']),
    datatypes,
    patches: objectOr(value['patches']) as ConnectorConfig['patches'],
  };
  if (rest !== undefined) config.restSystem = normalizeRestSystem(rest);
  delete (config as { $schema?: unknown }).$schema;
  delete (config as { datatypeDefaults?: unknown }).datatypeDefaults;
  return config;
}
