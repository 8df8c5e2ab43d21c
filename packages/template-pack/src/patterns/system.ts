import type { SystemPattern, SystemPatternInput } from '../types';

/** The manifest's `system-template`: where the system template is written. */
export const SYSTEM_TEMPLATE_PATH = 'templates/system.json';

/**
 * Root `headers` of the system: the auth header (if the auth type sends one) with the connector's
 * own `restSystem.headers` over it.
 */
export function systemHeaders({ auth, restSystem }: SystemPatternInput): { [name: string]: unknown } {
  const headers: { [name: string]: unknown } = {};
  if (auth.type === 'oauth2' && auth.accessTokenHeader !== undefined) {
    headers[auth.accessTokenHeader] = '$SECRET(oauth_access_token)';
  } else if (auth.type === 'superoffice-ticket') {
    headers['Authorization'] = 'SOTicket $SECRET(so_ticket)';
    headers['SO-Apptoken'] = '$SECRET(oauth_client_secret)';
  } else if (auth.type === 'api_key' && auth.apiKeyStyle !== 'basic') {
    headers[auth.apiKeyHeader ?? 'Authorization'] = '$SECRET(api_key)';
  }
  return { ...headers, ...restSystem.headers };
}

export const systemPattern: SystemPattern = {
  name: 'system',
  description:
    'Rendered once per connector: the manifest and the REST system with its auth and the operations every datatype needs.',
  files: [
    {
      output: 'manifest.json',
      template: 'system/manifest.json.ejs',
      description:
        'auth (+ oauth2 block / auth_variant), datatypes → template files, system-template, pass-through fields',
    },
    {
      output: SYSTEM_TEMPLATE_PATH,
      template: 'system/system.json.ejs',
      description: '`{{@ system @}}` system:rest: url_pattern, verify_ssl, auth headers/blocks, operations',
    },
  ],
  derive: (connector) => ({ headers: systemHeaders(connector), systemTemplate: SYSTEM_TEMPLATE_PATH }),
};
