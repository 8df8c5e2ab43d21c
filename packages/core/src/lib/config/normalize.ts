import type { ConfigObject, ConnectorConfig, DatatypeConfig } from './types';

const objectOr = (value: unknown): ConfigObject => (value ?? {}) as ConfigObject;

/**
 * The typed config with the contract's defaults (verifySsl true, empty headers/properties/
 * operations/manifest/options). Only for values that passed the schema.
 */
export function normalizeConfig(value: ConfigObject): ConnectorConfig {
  const rest = value['restSystem'] as ConfigObject;
  const datatypes: { [name: string]: DatatypeConfig } = {};
  for (const [name, raw] of Object.entries(value['datatypes'] as ConfigObject)) {
    const datatype = raw as ConfigObject;
    Object.defineProperty(datatypes, name, {
      value: {
        ...(datatype as unknown as DatatypeConfig),
        manifest: objectOr(datatype['manifest']),
        options: objectOr(datatype['options']),
        operations: objectOr(datatype['operations']),
      },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const config: ConnectorConfig = {
    ...(value as unknown as ConnectorConfig),
    manifest: objectOr(value['manifest']),
    restSystem: {
      urlPattern: rest['urlPattern'] as string,
      verifySsl: (rest['verifySsl'] ?? true) as boolean,
      headers: objectOr(rest['headers']),
      properties: objectOr(rest['properties']),
      operations: objectOr(rest['operations']) as ConnectorConfig['restSystem']['operations'],
    },
    datatypes,
  };
  delete (config as { $schema?: unknown }).$schema;
  return config;
}
