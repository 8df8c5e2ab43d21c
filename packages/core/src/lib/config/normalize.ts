import type { ConfigObject, ConnectorConfig, DatatypeConfig, RestSystemConfig } from './types';

const objectOr = (value: unknown): ConfigObject => (value ?? {}) as ConfigObject;

const normalizeRestSystem = (rest: ConfigObject): RestSystemConfig => ({
  urlPattern: rest['urlPattern'] as string,
  verifySsl: (rest['verifySsl'] ?? true) as boolean,
  headers: objectOr(rest['headers']),
  properties: objectOr(rest['properties']),
  operations: objectOr(rest['operations']) as RestSystemConfig['operations'],
});

/**
 * The typed config with the contract's defaults (verifySsl true, empty headers/properties/
 * operations/manifest/options/patches; no restSystem when there is none, as with systemFile). Only for
 * values that passed the schema.
 */
export function normalizeConfig(value: ConfigObject): ConnectorConfig {
  const rest = value['restSystem'] as ConfigObject | undefined;
  const datatypes: { [name: string]: DatatypeConfig } = {};
  for (const [name, raw] of Object.entries(value['datatypes'] as ConfigObject)) {
    const datatype = raw as ConfigObject;
    Object.defineProperty(datatypes, name, {
      value: {
        ...(datatype as unknown as DatatypeConfig),
        manifest: objectOr(datatype['manifest']),
        options: objectOr(datatype['options']),
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
    manifest: objectOr(value['manifest']),
    datatypes,
    patches: objectOr(value['patches']) as ConnectorConfig['patches'],
  };
  if (rest !== undefined) config.restSystem = normalizeRestSystem(rest);
  delete (config as { $schema?: unknown }).$schema;
  return config;
}
