/**
 * connector.json: its JSON schema (composed from the template pack's index), the typed config,
 * and `loadConnectorConfig`, which reports problems as `<file>: <dotted.json.path>: <reason>`.
 */
export { loadConnectorConfig, checkConnectorConfig } from './load';
export type { ConnectorConfigContext, LoadConnectorConfigOptions, CheckedConnectorConfig } from './load';
export { composeConnectorSchema, connectorSchemaText, CONNECTOR_SCHEMA_FILE } from './schema';
export {
  ConnectorConfigError,
  dottedPath,
  formatProblem,
  type ConfigFindings,
  type ConfigPath,
  type ConfigProblem,
} from './problems';
export { nameProblem, NAME_PATTERN } from './names';
export { rendersSystem, systemTemplatePath, type RenderedSystemConfig } from './package-layout';
export {
  systemOperations,
  datatypeOperations,
  mergeOperation,
  EVERY_OPERATION,
  type SystemOperations,
} from './operations';
export {
  fillPlaceholders,
  escapePlaceholders,
  PLACEHOLDER_NAMES,
  type OperationPlaceholders,
} from './operation-placeholders';
export { resolveDatatype, type ResolvedDatatype } from './datatype-pattern';
export { optionValidator } from './option-value';
export { rawFilesNeeded, RawFileError } from './raw-files';
export { renderedDatatypes, type RenderedDatatype } from './manifest-file';
export {
  resolveConnector,
  type PatternTemplate,
  type RawTemplate,
  type ResolvedConnector,
} from './resolved-connector';
export * from './types';
