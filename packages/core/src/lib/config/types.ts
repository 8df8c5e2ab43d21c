import type { DatatypePatternName, OperationRole } from '@sesam-connectors/template-pack';
import type { JsonNumber } from '../json';
import type { PatchOperation } from '../patch';

/**
 * A JSON value from connector.json as the engine uses it: objects are plain records (key order of
 * the file), numbers stay `JsonNumber` so nothing is lost when they are written back.
 */
export type ConfigJson = null | boolean | string | JsonNumber | ConfigJson[] | ConfigObject;
export interface ConfigObject {
  [key: string]: ConfigJson;
}

export type AuthType = 'oauth2' | 'api_key' | 'tripletex' | 'superoffice-ticket' | 'none';
export const AUTH_TYPES: readonly AuthType[] = [
  'oauth2',
  'api_key',
  'tripletex',
  'superoffice-ticket',
  'none',
];

export interface AuthConfig {
  type: AuthType;
  /** oauth2 / superoffice-ticket: the manifest's oauth2 block (copied as is). */
  loginUrl?: string;
  tokenUrl?: string;
  scopes?: string[];
  /** oauth2 only: send the access token in this root header instead of an `oauth2` system block. */
  accessTokenHeader?: string;
  /** api_key only: `header` (default) or `basic`. */
  apiKeyStyle?: 'header' | 'basic';
  apiKeyHeader?: string;
  username?: string;
}

export interface RestSystemConfig {
  urlPattern: string;
  verifySsl: boolean;
  headers: ConfigObject;
  properties: ConfigObject;
  /**
   * Per-role operation defaults of every datatype, merged over the pack's role default and under
   * the datatype's `operations.<role>`; their strings may hold `${datatype}` and `${path}`. `"*"`:
   * what every operation of the system starts from (under the pack's defaults; text as written).
   */
  operationDefaults: Partial<Record<OperationRole | '*', ConfigObject>>;
  /** Extra operations by full name; one named like a pattern operation is merged over it, null leaves it out. */
  operations: { [name: string]: ConfigObject | null };
}

export interface DatatypeConfig {
  pattern: DatatypePatternName;
  /** The manifest label; null: none, although `datatypeLabels` would give one. */
  label?: string | null;
  manifest: ConfigObject;
  reuse?: string;
  /** raw only: path relative to connector/ of the verbatim file kept in raw/. */
  template?: string;
  options: ConfigObject;
  /** The datatype's API path (relative to url_pattern): `${path}` in operationDefaults, the default URLs' base. */
  path?: string;
  /** Keys every operation of this datatype has (over restSystem.operationDefaults, under operations.<role>). */
  operationDefaults?: ConfigObject;
  operations: Partial<Record<OperationRole, ConfigObject>>;
  /**
   * RFC 6902 operations by pipe role, applied to the pipe `{{@ system @}}-{{@ datatype @}}-<role>`
   * the pattern renders; a role the pattern does not render is a pipe the patch creates (`add` at "").
   */
  patches: { [role: string]: PatchOperation[] };
}

/** The connector's own patches: RFC 6902 operations on the rendered system template and manifest. */
export interface ConnectorPatches {
  system?: PatchOperation[];
  manifest?: PatchOperation[];
}

/** connector.json after validation, with the contract's defaults filled in. */
export interface ConnectorConfig {
  system: string;
  label: string;
  description?: string;
  /** `name`: a datatype without its own label is labelled by its name, first letter upper-cased. */
  datatypeLabels?: 'name';
  /** How the connector logs in; absent with `systemFile` (see `rendersSystem`). */
  auth?: AuthConfig;
  /** Top-level manifest fields passed through as they are. */
  manifest: ConfigObject;
  /** The REST system template; absent with `systemFile` (see `rendersSystem`). */
  restSystem?: RestSystemConfig;
  /** In file order (names start with a letter, so a plain record keeps that order). */
  datatypes: { [name: string]: DatatypeConfig };
  /** Path relative to the package of a verbatim manifest.json (import). */
  manifestFile?: string;
  /** Path relative to the package (raw/<path in connector/>) of a verbatim system template (import). */
  systemFile?: string;
  patches: ConnectorPatches;
  /** Where `publish` writes the built connector. */
  publish?: PublishConfig;
}

/** connector.json's `publish`: the connector's own repository. */
export interface PublishConfig {
  /** A git URL, or a path relative to the package folder. */
  repo: string;
  /** Default main. */
  branch?: string;
}
