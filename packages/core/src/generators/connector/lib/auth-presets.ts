import type { AuthType } from '../../../lib/config/types';

/** What one auth type contributes to a new connector (doc §5.3 "Auth variants"). */
export interface AuthPreset {
  /** The url_pattern when --baseUrl is not given. */
  defaultUrlPattern: string;
  /** Whether connector.json's auth block carries the OAuth2 login/token URLs and scopes. */
  usesOAuth2Urls: boolean;
  /** Environment variables (manifest additional_parameters) the rendered system reads besides the URL's. */
  envVars: string[];
  /** Secrets `sesam authenticate` (or Sesam Talk) puts in the node; for the README. */
  secrets: string[];
  /** One README paragraph on how logging in works. */
  readme: string;
}

const OAUTH2_SECRETS = [
  'oauth_access_token',
  'oauth_client_id',
  'oauth_client_secret',
  'oauth_refresh_token',
];

export const AUTH_PRESETS: Record<AuthType, AuthPreset> = {
  oauth2: {
    defaultUrlPattern: '{{@ base_url @}}/%s',
    usesOAuth2Urls: true,
    envVars: ['token_url'],
    secrets: OAUTH2_SECRETS,
    readme:
      'OAuth2 (authorization code). The user logs in at the login URL; the system refreshes the access ' +
      'token at `token_url` with the client id and secret.',
  },
  api_key: {
    defaultUrlPattern: '{{@ base_url @}}/%s',
    usesOAuth2Urls: false,
    envVars: [],
    secrets: ['api_key'],
    readme:
      'API key. Every request carries the header `Authorization: $SECRET(api_key)` ' +
      '(set `auth.apiKeyStyle` to `basic` for HTTP basic authentication instead).',
  },
  tripletex: {
    defaultUrlPattern: '{{@ base_url @}}/v2/%s',
    usesOAuth2Urls: false,
    envVars: ['base_url'],
    secrets: ['consumer_token', 'employee_token'],
    readme:
      'Tripletex session tokens (manifest `auth: api_key`, `auth_variant: tripletex`). The system creates a ' +
      'session at `{{@ base_url @}}/v2/token/session/:create` from the consumer and employee tokens.',
  },
  'superoffice-ticket': {
    defaultUrlPattern: '{{@ base_url @}}/{{@ account_id @}}/api/v1/%s',
    usesOAuth2Urls: true,
    envVars: ['base_url', 'account_id'],
    secrets: [...OAUTH2_SECRETS, 'so_ticket'],
    readme:
      'SuperOffice system-user ticket (manifest `auth: oauth2`, `auth_variant: superoffice-ticket`). Requests ' +
      'carry `Authorization: SOTicket $SECRET(so_ticket)` and `SO-Apptoken: $SECRET(oauth_client_secret)`.',
  },
  none: {
    defaultUrlPattern: '{{@ base_url @}}/%s',
    usesOAuth2Urls: false,
    envVars: [],
    secrets: [],
    readme:
      'None from the pack: the manifest declares no auth and the system template adds no login. The API is ' +
      'open, or the system logs in through what `restSystem.properties` (e.g. basic authentication) or ' +
      '`restSystem.headers` set.',
  },
};

/** What the README says about the environment variables a connector may use. */
export const ENV_VAR_DESCRIPTIONS: Record<string, string> = {
  base_url: 'Base URL of the API (scheme and host).',
  account_id: 'The account (tenant) id of the logged-in user.',
  token_url: 'The OAuth2 token endpoint the system refreshes tokens at.',
  service_url: 'URL of the Sesam service API; the webhook receivers live under it.',
};
