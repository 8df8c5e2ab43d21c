export interface ConnectorGeneratorSchema {
  /** System name: lower-case letters and digits, starting with a letter (the folder and `{{@ system @}}` name). */
  system: string;
  /** Human-readable name (README title, manifest `system`). Default: the system name capitalised. */
  label?: string;
  /** What the connector is for (README). */
  description?: string;
  /** oauth2 | api_key | tripletex | superoffice-ticket | none. Default api_key. */
  auth?: string;
  /** The REST system's url_pattern; `%s` is where operation URLs go (appended when missing). */
  baseUrl?: string;
  /** OAuth2 authorize URL (oauth2, superoffice-ticket). */
  loginUrl?: string;
  /** OAuth2 token URL (oauth2, superoffice-ticket). */
  tokenUrl?: string;
  /** OAuth2 scopes, comma-separated. */
  scopes?: string | string[];
  /** Datatypes, comma-separated, each `name` (pattern collect) or `name:pattern`. */
  datatypes?: string | string[];
  /** Add the webhook registry datatype and the manifest fields webhooks need. Default: on when a datatype uses the webhook pattern. */
  webhooks?: boolean;
  /** Do not run prettier on the written files. */
  skipFormat?: boolean;
}
