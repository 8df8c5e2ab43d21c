/**
 * Synthetic connector.json files for the benchmark: deterministic (same index and size give the same
 * file), valid against the connector schema, and shaped like real connectors — mostly collect
 * datatypes, some webhook datatypes (some of them sharing), and the one `webhook` registry datatype
 * in every connector that has webhooks.
 */

/** A connector.json as plain JSON data. */
export type SyntheticConnector = { [key: string]: unknown };

export type SyntheticPattern = 'collect' | 'webhook' | 'webhook-registry';

/**
 * Names of real API objects; cycled (with a number suffix from the second round) for any M. Not
 * `project` or `package`: Nx would take connector/templates/project.json for a project configuration.
 */
const DATATYPE_WORDS = [
  'customer',
  'order',
  'product',
  'invoice',
  'employee',
  'task',
  'contact',
  'company',
  'payment',
  'shipment',
  'supplier',
  'ticket',
  'account',
  'voucher',
  'department',
  'location',
  'inventory',
  'refund',
  'subscription',
  'activity',
];

/** The datatype a webhook-registry must be named (the webhook pattern calls `webhook-lookup`/`-insert`). */
export const REGISTRY_DATATYPE = 'webhook';

/** System name of the i-th connector: `bench0000`, `bench0001`, … (a valid system/folder name). */
export const syntheticSystemName = (index: number): string => `bench${String(index).padStart(4, '0')}`;

/** The i-th datatype name (never `webhook`, which is kept for the registry). */
export const syntheticDatatypeName = (index: number): string => {
  const word = DATATYPE_WORDS[index % DATATYPE_WORDS.length];
  const round = Math.floor(index / DATATYPE_WORDS.length);
  return round === 0 ? word : `${word}${round}`;
};

/** Two connectors in three have webhooks (they need at least two datatypes: the registry and one webhook). */
export const hasWebhooks = (connectorIndex: number, datatypes: number): boolean =>
  datatypes >= 2 && connectorIndex % 3 !== 2;

/**
 * The pattern of each of a connector's `datatypes` datatypes, in file order. With webhooks: one
 * registry, about a fifth webhook datatypes (at least one), the rest collect; otherwise all collect.
 */
export function datatypePatterns(connectorIndex: number, datatypes: number): SyntheticPattern[] {
  if (!hasWebhooks(connectorIndex, datatypes)) return Array.from({ length: datatypes }, () => 'collect');
  const webhooks = Math.max(1, Math.round((datatypes - 1) / 5));
  return Array.from({ length: datatypes }, (_, i): SyntheticPattern => {
    if (i === datatypes - 1) return 'webhook-registry';
    return i < webhooks ? 'webhook' : 'collect';
  });
}

type Auth = { [key: string]: unknown };

/** Auth types in rotation: Shopify-style header token, plain oauth2, api key header, basic, Tripletex. */
const authFor = (connectorIndex: number): Auth => {
  switch (connectorIndex % 5) {
    case 0:
      return {
        type: 'oauth2',
        loginUrl: 'https://{{@ shop @}}.example.com/admin/oauth/authorize',
        tokenUrl: 'https://{{@ shop @}}.example.com/admin/oauth/access_token',
        scopes: ['read_orders', 'write_orders', 'read_customers'],
        accessTokenHeader: 'X-Access-Token',
      };
    case 1:
      return {
        type: 'oauth2',
        loginUrl: 'https://login.example.com/oauth2/authorize',
        tokenUrl: 'https://login.example.com/oauth2/token',
        scopes: ['api', 'offline_access'],
      };
    case 2:
      return { type: 'api_key', apiKeyHeader: 'X-Api-Key' };
    case 3:
      return { type: 'api_key', apiKeyStyle: 'basic', username: '{{@ email @}}/token' };
    default:
      return { type: 'tripletex' };
  }
};

const collectOptions = (k: number, share: boolean): { [key: string]: unknown } => ({
  ...(k % 2 === 0 ? { supportsSince: true } : {}),
  ...(k % 3 === 0 ? { scheduleInterval: 300 + 60 * (k % 7) } : {}),
  ...(k % 4 === 1 ? { primaryKey: ['id', 'version'] } : {}),
  ...(k % 2 === 0 ? { lastModified: { property: 'updated_at', format: '%Y-%m-%dT%H:%M:%S%z' } } : {}),
  ...(share ? { share: true, sharePayloadKey: '{{@ datatype @}}' } : {}),
});

function datatype(name: string, pattern: SyntheticPattern, k: number): { [key: string]: unknown } {
  const label = name.charAt(0).toUpperCase() + name.slice(1);
  if (pattern === 'webhook-registry') {
    return {
      pattern,
      label: 'Webhook',
      options: { wipeMatch: '{{@ service_url @}}*', scheduleInterval: 3600 },
    };
  }
  const listUrl =
    k % 2 === 0
      ? `${name}s.json?limit={{page_size}}&updated_at_min={{since}}`
      : `${name}s?limit={{page_size}}`;
  const operations = {
    list: {
      url: listUrl,
      page_size: 100,
      payload_property: `${name}s`,
      ...(k % 2 === 0 ? { updated_expression: '{{ item.updated_at }}' } : {}),
    },
    lookup: { url: `${name}s/{{ entity.id }}.json`, payload_property: name },
  };
  if (pattern === 'webhook') {
    const share = k % 2 === 0;
    return {
      pattern,
      label,
      manifest: { sync_frequency: 'hourly' },
      options: {
        ...collectOptions(k, share),
        topics: [
          `${name}s/create`,
          `${name}s/update`,
          { topic: `${name}s/delete`, id: `{{@ datatype @}}-remove` },
        ],
        webhookIdPath: 'sink.insert_response.webhook.id',
      },
      operations,
    };
  }
  return { pattern, label, options: collectOptions(k, k % 4 === 3), operations };
}

/** Expand-time variables the auth type's templates use, which the manifest must declare. */
const authParameters = (auth: Auth): string[] => {
  if (auth['type'] === 'oauth2' && auth['accessTokenHeader'] === undefined) return ['token_url'];
  if (auth['apiKeyStyle'] === 'basic') return ['email'];
  if (auth['type'] === 'tripletex') return ['base_url'];
  return [];
};

/** connector.json of the i-th synthetic connector with `datatypes` datatypes. */
export function syntheticConnector(connectorIndex: number, datatypes: number): SyntheticConnector {
  if (!Number.isInteger(datatypes) || datatypes < 1)
    throw new RangeError(`datatypes must be an integer ≥ 1, got ${datatypes}`);
  const system = syntheticSystemName(connectorIndex);
  const webhooks = hasWebhooks(connectorIndex, datatypes);
  const patterns = datatypePatterns(connectorIndex, datatypes);
  const entries = patterns.map((pattern, i) => {
    const name = pattern === 'webhook-registry' ? REGISTRY_DATATYPE : syntheticDatatypeName(i);
    return [name, datatype(name, pattern, connectorIndex + i)] as const;
  });
  const auth = authFor(connectorIndex);
  const parameters = ['account_id', ...authParameters(auth), ...(webhooks ? ['service_url'] : [])];
  return {
    system,
    label: `Bench ${connectorIndex}`,
    description: `Synthetic connector ${connectorIndex} for the benchmark (${datatypes} datatypes).`,
    auth,
    manifest: {
      additional_parameters: Object.fromEntries(parameters.map((name) => [name, {}])),
      ...(webhooks ? { requires_service_api_access: true, use_webhook_secret: true } : {}),
      system: `Bench ${connectorIndex}`,
    },
    restSystem: {
      urlPattern: `https://{{@ account_id @}}.${system}.example.com/api/v1/%s`,
      headers: { Accept: 'application/json' },
      properties: { rate_limiting_retries: 3, rate_limiting_delay: 60 },
    },
    datatypes: Object.fromEntries(entries),
  };
}
