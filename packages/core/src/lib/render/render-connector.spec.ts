import { minimalConnector, verbatimConnector, verbatimFiles } from '../../../test/connector-fixtures';
import { checkConnectorConfig } from '../config/load';
import { ConnectorConfigError } from '../config/problems';
import { parseJson, toPlainJs } from '../json';
import { RawFileError } from '../config/raw-files';
import { renderConnectorFiles } from './render-connector';
import { loadTemplatePack } from './template-pack';

const PACK = loadTemplatePack();

/** The one config check of `connector` in a package holding `rawFiles`: what the renderer takes. */
function checked(connector: unknown, rawFiles: Record<string, string> = {}) {
  return checkConnectorConfig(parseJson(JSON.stringify(connector)), {
    file: 'connector.json',
    folder: 'acme',
    fileExists: (path) => Object.prototype.hasOwnProperty.call(rawFiles, path),
    readFile: (path) => (Object.prototype.hasOwnProperty.call(rawFiles, path) ? rawFiles[path] : undefined),
  }).connector;
}

function render(connector: unknown, rawFiles: Record<string, string> = {}): Record<string, any> {
  const files = renderConnectorFiles(checked(connector, rawFiles), PACK);
  return Object.fromEntries([...files].map(([path, text]) => [path, text]));
}

const parsed = (files: Record<string, string>, path: string): any => toPlainJs(parseJson(files[path]!));
const roles = (pipes: any[]): string[] =>
  pipes.map((p) => p._id.replace('{{@ system @}}-{{@ datatype @}}-', ''));

const connectorWith = (changes: (c: Record<string, any>) => void): Record<string, any> => {
  const connector = minimalConnector();
  changes(connector);
  return connector;
};

describe('renderConnectorFiles: files and pipes', () => {
  it('writes the manifest, the system and one file per datatype, in that order', () => {
    expect(Object.keys(render(minimalConnector()))).toEqual([
      'manifest.json',
      'templates/system.json',
      'templates/order.json',
      'templates/webhook.json',
    ]);
  });

  it('makes the pipes each pattern lists, -share only when options.share', () => {
    const files = render(
      connectorWith((c) => {
        c['datatypes']['customer'] = { pattern: 'collect' };
        c['datatypes']['invoice'] = { pattern: 'collect', options: { share: true } };
      }),
    );
    expect(roles(parsed(files, 'templates/order.json'))).toEqual([
      'all',
      'collect',
      'event',
      'event2',
      'registerwebhook',
    ]);
    expect(roles(parsed(files, 'templates/webhook.json'))).toEqual(['collect', 'wipe']);
    expect(roles(parsed(files, 'templates/customer.json'))).toEqual(['all', 'collect']);
    expect(roles(parsed(files, 'templates/invoice.json'))).toEqual(['all', 'collect', 'share']);
  });

  it('applies collect options to -all, -collect and -share', () => {
    const files = render(
      connectorWith((c) => {
        c['datatypes']['customer'] = {
          pattern: 'collect',
          options: { supportsSince: true, scheduleInterval: 600, primaryKey: ['a', 'b'], share: true },
        };
      }),
    );
    const [all, collect, share] = parsed(files, 'templates/customer.json');
    expect(all.source).toEqual({
      type: 'rest',
      system: '{{@ system @}}',
      operation: '{{@ datatype @}}-list',
      supports_since: true,
    });
    expect(all.pump).toEqual({ run_at_startup_if_not_populated: true, schedule_interval: 600 });
    expect(collect.source).toEqual({ type: 'dataset', dataset: '{{@ system @}}-{{@ datatype @}}-all' });
    expect(collect.exclude_completeness).toEqual(['{{@ system @}}-{{@ datatype @}}-share']);
    expect(collect.transform[0].properties.primary_key).toEqual(['a', 'b']);
    expect(collect.transform[1].rules.default).toEqual([['copy', '*']]);
    expect(share.batch_size).toBe(1);
    expect(share.transform).toHaveLength(1);
    expect(share.transform[0].template).toBe('transform-share-rest');
  });

  it('without supportsSince/scheduleInterval -all has no since and no pump; -event ids join a composite key', () => {
    const files = render(
      connectorWith((c) => (c['datatypes']['order']['options'] = { primaryKey: ['shop', 'id'] })),
    );
    const [all, collect, event] = parsed(files, 'templates/order.json');
    expect(all.pump).toBeUndefined();
    expect(all.source.supports_since).toBeUndefined();
    expect(collect.source).toEqual({
      type: 'merge_datasets',
      datasets: ['{{@ system @}}-{{@ datatype @}}-all', '{{@ system @}}-{{@ datatype @}}-event2'],
    });
    expect(collect.exclude_completeness).toEqual([
      '{{@ system @}}-{{@ datatype @}}-share',
      '{{@ system @}}-{{@ datatype @}}-event2',
    ]);
    expect(event.transform.rules.default[1]).toEqual([
      'add',
      '_id',
      ['join', '-', ['list', ['string', '_S.shop'], ['string', '_S.id']]],
    ]);
    expect(event.source.validation_expression).toBe(
      "{% if request_headers['X-Sesam-Authorization'] == secret('webhook_secret') %}{% else %}FAIL!{% endif %}",
    );
  });

  it('reuse: no file of its own, the manifest points at the target file, the operations are its own', () => {
    const files = render(
      connectorWith((c) => {
        c['datatypes']['customer'] = { pattern: 'collect', label: 'Customer' };
        c['datatypes']['product'] = { pattern: 'collect', reuse: 'customer' };
      }),
    );
    expect(files['templates/product.json']).toBeUndefined();
    expect(parsed(files, 'manifest.json').datatypes.product).toEqual({ template: 'templates/customer.json' });
    expect(Object.keys(parsed(files, 'templates/system.json').operations)).toEqual(
      expect.arrayContaining(['product-list', 'product-lookup']),
    );
  });
});

describe('renderConnectorFiles: system operations', () => {
  it('adds the role defaults (from the list URL when given), merges datatype overrides (null removes a key) and restSystem.operations over them', () => {
    const files = render(
      connectorWith((c) => {
        c['datatypes']['order']['options'] = { share: true };
        c['datatypes']['order']['operations'] = {
          list: { url: 'orders.json', payload_property: 'orders' },
          lookup: { method: null, url: 'orders/{{ entity.id }}.json', method2: 'x' },
        };
        c['restSystem']['operations'] = {
          'order-list': { page_size: 100 },
          'order-lookup': { method: 'GET', method2: null },
          ping: { method: 'GET', url: 'ping' },
        };
      }),
    );
    const { operations } = parsed(files, 'templates/system.json');
    expect(operations).toEqual({
      'order-list': { method: 'GET', url: 'orders.json', payload_property: 'orders', page_size: 100 },
      'order-lookup': { method: 'GET', url: 'orders/{{ entity.id }}.json' },
      'order-insert': { method: 'POST', url: 'orders.json' },
      'order-update': { method: 'PUT', url: 'orders/{{ entity.id }}.json' },
      'order-delete': { method: 'DELETE', url: 'orders/{{ entity.id }}.json' },
      'webhook-list': { method: 'GET', url: 'webhook' },
      'webhook-lookup': { method: 'GET', url: 'webhook/{{ entity.id }}' },
      'webhook-insert': { method: 'POST', url: 'webhook' },
      'webhook-delete': { method: 'DELETE', url: 'webhook/{{ entity.id }}' },
      ping: { method: 'GET', url: 'ping' },
    });
  });

  it('reports an operation left without url or method', () => {
    const connector = connectorWith((c) => (c['datatypes']['order']['operations'] = { list: { url: null } }));
    expect(() => render(connector)).toThrow(
      new ConnectorConfigError('connector.json', [
        {
          path: ['datatypes', 'order', 'operations', 'list'],
          message: 'operation order-list has no url; Sesam requires url and method',
        },
      ]),
    );
  });

  it('reports a webhook datatype without the webhook-lookup/webhook-insert operations it calls', () => {
    const connector = connectorWith((c) => delete c['datatypes']['webhook']);
    expect(() => render(connector)).toThrow(
      'connector.json: datatypes.order.pattern: the webhook pattern calls the system operations webhook-lookup and webhook-insert, which nothing defines',
    );
  });
});

describe('renderConnectorFiles: additional_parameters', () => {
  const declared = (connector: Record<string, any>) =>
    parsed(render(connector), 'manifest.json').additional_parameters as Record<string, object> | undefined;
  const { manifest: _, ...undeclared } = minimalConnector();

  it('unset, declares every variable the templates and the system read that sesam and parameters do not define', () => {
    const connector = {
      ...undeclared,
      restSystem: { urlPattern: 'https://{{@ subdomain @}}.acme.test/{{@ version @}}/%s' },
      datatypes: {
        ...undeclared.datatypes,
        // `prefix` is this datatype's parameter, `datatype` and `system` are sesam's
        invoice: { pattern: 'collect', manifest: { parameters: { prefix: 'x' } } },
      },
    };
    expect(declared(connector)).toEqual({ service_url: {}, subdomain: {}, version: {} });
  });

  it('set, is written as it is, even where it misses a variable (the validator reports that)', () => {
    expect(declared({ ...undeclared, manifest: { additional_parameters: { other: {} } } })).toEqual({
      other: {},
    });
  });

  it('unset, with no variable read, is not written at all', () => {
    const connector = { ...undeclared, datatypes: { invoice: { pattern: 'collect' } } };
    expect(Object.keys(parsed(render(connector), 'manifest.json'))).not.toContain('additional_parameters');
  });
});

describe('renderConnectorFiles: datatypeLabels', () => {
  const labels = (extra: object, datatypes: object) => {
    const base = minimalConnector();
    const files = render({ ...base, ...extra, datatypes: { ...base.datatypes, ...datatypes } });
    const listed = parsed(files, 'manifest.json').datatypes as Record<string, { label?: string }>;
    return Object.fromEntries(Object.entries(listed).map(([name, entry]) => [name, entry.label]));
  };
  const datatypes = {
    invoice: { pattern: 'collect' },
    orderline: { pattern: 'collect', label: 'Order Line' },
    payment: { pattern: 'collect', label: null },
  };

  it('name: a datatype without its own label is labelled by its name; its own label wins; null gives none', () => {
    expect(labels({ datatypeLabels: 'name' }, datatypes)).toMatchObject({
      invoice: 'Invoice',
      orderline: 'Order Line',
      payment: undefined,
    });
  });

  it('without it, a datatype has only the label it sets', () => {
    expect(labels({}, datatypes)).toMatchObject({
      invoice: undefined,
      orderline: 'Order Line',
      payment: undefined,
    });
  });

  it('is refused with a copied manifest, where it would change nothing', () => {
    const connector = { ...verbatimConnector(), datatypeLabels: 'name' };
    expect(() => render(connector, verbatimFiles())).toThrow(
      'connector.json: datatypeLabels: has no effect with manifestFile; edit raw/manifest.json instead',
    );
  });

  it('is name or nothing (the schema says where)', () => {
    expect(() => render({ ...minimalConnector(), datatypeLabels: 'title' })).toThrow(/datatypeLabels/);
  });
});

describe('renderConnectorFiles: auth', () => {
  const systemFor = (auth: object) => {
    const files = render({ ...minimalConnector(), auth });
    return { system: parsed(files, 'templates/system.json'), manifest: parsed(files, 'manifest.json') };
  };
  const oauthUrls = { loginUrl: 'https://login', tokenUrl: 'https://token', scopes: ['a', 'b'] };

  it('oauth2: an oauth2 block with the four secrets, or the token in a header', () => {
    const block = systemFor({ type: 'oauth2', ...oauthUrls });
    expect(block.system.oauth2).toEqual({
      access_token: '$SECRET(oauth_access_token)',
      client_id: '$SECRET(oauth_client_id)',
      client_secret: '$SECRET(oauth_client_secret)',
      refresh_token: '$SECRET(oauth_refresh_token)',
      token_url: '{{@ token_url @}}',
    });
    expect(block.system.headers).toBeUndefined();
    expect(block.manifest.auth).toBe('oauth2');
    expect(block.manifest.oauth2).toEqual({
      login_url: 'https://login',
      token_url: 'https://token',
      scopes: ['a', 'b'],
    });
    const header = systemFor({ type: 'oauth2', ...oauthUrls, accessTokenHeader: 'X-Token' });
    expect(header.system.oauth2).toBeUndefined();
    expect(header.system.headers).toEqual({ 'X-Token': '$SECRET(oauth_access_token)' });
  });

  it('api_key: a header (named or Authorization) or basic auth', () => {
    expect(systemFor({ type: 'api_key' }).system.headers).toEqual({ Authorization: '$SECRET(api_key)' });
    expect(systemFor({ type: 'api_key', apiKeyHeader: 'X-Api-Key' }).system.headers).toEqual({
      'X-Api-Key': '$SECRET(api_key)',
    });
    const basic = systemFor({ type: 'api_key', apiKeyStyle: 'basic', username: '{{@ email @}}/token' });
    expect([
      basic.system.authentication,
      basic.system.username,
      basic.system.password,
      basic.system.headers,
    ]).toEqual(['basic', '{{@ email @}}/token', '$SECRET(api_key)', undefined]);
    expect([basic.manifest.auth, basic.manifest.auth_variant, basic.manifest.oauth2]).toEqual([
      'api_key',
      undefined,
      undefined,
    ]);
  });

  it('tripletex and superoffice-ticket: their variants and secrets', () => {
    const tripletex = systemFor({ type: 'tripletex' });
    expect(tripletex.system.authentication).toBe('tripletex');
    expect(tripletex.system.tripletex).toEqual({
      consumer_token: '$SECRET(consumer_token)',
      employee_token: '$SECRET(employee_token)',
      token_url: '{{@ base_url @}}/v2/token/session/:create',
    });
    expect([tripletex.manifest.auth, tripletex.manifest.auth_variant]).toEqual(['api_key', 'tripletex']);
    const superoffice = systemFor({ type: 'superoffice-ticket', ...oauthUrls });
    expect(superoffice.system.headers).toEqual({
      Authorization: 'SOTicket $SECRET(so_ticket)',
      'SO-Apptoken': '$SECRET(oauth_client_secret)',
    });
    expect([superoffice.manifest.auth, superoffice.manifest.auth_variant]).toEqual([
      'oauth2',
      'superoffice-ticket',
    ]);
  });

  it('none: no auth in the manifest and no login in the system; its own properties and headers log in', () => {
    const open = systemFor({ type: 'none' });
    expect(Object.keys(open.manifest)).not.toContain('auth');
    expect([open.system.headers, open.system.oauth2, open.system.authentication]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    const files = render({
      ...minimalConnector(),
      auth: { type: 'none' },
      restSystem: {
        ...minimalConnector().restSystem,
        headers: { 'X-Key': '$SECRET(key)' },
        properties: { authentication: 'basic', username: '$SECRET(api_key)', password: '' },
      },
    });
    const system = parsed(files, 'templates/system.json');
    expect([system.headers, system.authentication, system.username]).toEqual([
      { 'X-Key': '$SECRET(key)' },
      'basic',
      '$SECRET(api_key)',
    ]);
  });

  it("none: the manifest's auth and oauth2 pass through manifest, which every other type refuses", () => {
    const oauth2 = { login_url: 'https://login', token_url: 'https://token', scopes: [] };
    const files = render({
      ...minimalConnector(),
      auth: { type: 'none' },
      manifest: { auth: 'oauth2', oauth2 },
    });
    expect([parsed(files, 'manifest.json').auth, parsed(files, 'manifest.json').oauth2]).toEqual([
      'oauth2',
      oauth2,
    ]);
    expect(parsed(files, 'templates/system.json').oauth2).toBeUndefined();
    expect(() =>
      render({ ...minimalConnector(), auth: { type: 'api_key' }, manifest: { auth: 'open' } }),
    ).toThrow('connector.json: manifest.auth: cannot be set here: it is generated from auth.type');
  });

  it('restSystem.headers and properties go into the system root; headers win over the auth header', () => {
    const files = render(
      connectorWith((c) => {
        c['restSystem'] = {
          ...c['restSystem'],
          verifySsl: false,
          headers: { Authorization: 'Bearer x', Accept: 'application/json' },
          properties: { rate_limiting_retries: 3 },
        };
      }),
    );
    const system = parsed(files, 'templates/system.json');
    expect(system.headers).toEqual({ Authorization: 'Bearer x', Accept: 'application/json' });
    expect([system.rate_limiting_retries, system.verify_ssl, system._id, system.type]).toEqual([
      3,
      false,
      '{{@ system @}}',
      'system:rest',
    ]);
  });
});

describe('renderConnectorFiles: raw datatypes and manifestFile', () => {
  const RAW = '{\n    "_id": "{{@ system @}}-{{@ datatype @}}-collect",   "type": "pipe"\n}\n';

  it('copies raw templates verbatim (not reformatted) and lists them in the manifest', () => {
    const files = render(
      connectorWith((c) => {
        c['datatypes']['country'] = { pattern: 'raw', template: 'templates/country.json', label: 'Country' };
        c['datatypes']['currency'] = { pattern: 'raw', template: 'templates/country.json' };
      }),
      { 'raw/templates/country.json': RAW },
    );
    expect(files['templates/country.json']).toBe(RAW);
    expect(parsed(files, 'manifest.json').datatypes.currency).toEqual({ template: 'templates/country.json' });
  });

  it('refuses a raw template that is not JSON (sesam validate reads it as JSON)', () => {
    const connector = connectorWith(
      (c) => (c['datatypes']['country'] = { pattern: 'raw', template: 'templates/country.json' }),
    );
    expect(() => render(connector, { 'raw/templates/country.json': '{"a": 1,}' })).toThrow(
      new RawFileError(
        'raw/templates/country.json: not valid JSON: Expecting property name enclosed in double quotes: line 1 column 9 (char 8)',
      ),
    );
  });

  it('copies manifestFile verbatim when its datatypes agree with connector.json, else names each difference', () => {
    const manifest = {
      auth: 'api_key',
      datatypes: {
        order: { template: 'templates/order.json' },
        webhook: { template: 'templates/webhook.json' },
      },
      'system-template': 'templates/system.json',
    };
    const text = `${JSON.stringify(manifest)}\n`;
    const { manifest: _, ...connector }: Record<string, any> = {
      ...minimalConnector(),
      manifestFile: 'raw/manifest.json',
    };
    expect(render(connector, { 'raw/manifest.json': text })['manifest.json']).toBe(text);

    const wrong = {
      ...manifest,
      datatypes: { order: { template: 'templates/x.json' }, extra: { template: 'templates/extra.json' } },
    };
    expect(() => render(connector, { 'raw/manifest.json': JSON.stringify(wrong) })).toThrow(
      [
        'connector.json: manifestFile: raw/manifest.json: datatypes.order.template must be "templates/order.json" (what the build writes for it)',
        'connector.json: manifestFile: raw/manifest.json: datatypes has no "webhook", which connector.json defines',
        'connector.json: manifestFile: raw/manifest.json: datatypes has "extra", which connector.json does not define',
      ].join('\n'),
    );
  });
});

describe('renderConnectorFiles: systemFile and the legacy shapes of imported packages', () => {
  const SYSTEM = verbatimFiles()['raw/templates/system.json']!;

  it('generates the manifest beside a copied system: no auth but what manifest passes through, the copied system-template', () => {
    const { manifestFile: _, ...connector } = verbatimConnector();
    const files = render(
      {
        ...connector,
        systemFile: 'raw/templates/sys.json',
        manifest: { auth: 'open', additional_parameters: {} },
        datatypes: { order: { pattern: 'raw', template: 'templates/order.json', label: 'Order' } },
      },
      { ...verbatimFiles(), 'raw/templates/sys.json': verbatimFiles()['raw/templates/system.json']! },
    );
    expect(Object.keys(files).sort()).toEqual([
      'manifest.json',
      'templates/order.json',
      'templates/sys.json',
    ]);
    expect(parsed(files, 'manifest.json')).toEqual({
      additional_parameters: {},
      auth: 'open',
      datatypes: { order: { label: 'Order', template: 'templates/order.json' } },
      'system-template': 'templates/sys.json',
    });
    expect(files['templates/sys.json']).toBe(verbatimFiles()['raw/templates/system.json']);
  });

  it('copies the system template verbatim, unparsed (even invalid JSON), with the manifest and raw templates', () => {
    const broken = '{\n  "_id": "{{@ system @}}"\n  "type": "system:rest"\n}';
    const files = render(verbatimConnector(), {
      ...verbatimFiles(),
      'raw/templates/system.json': broken,
    });
    expect(files).toEqual({
      'manifest.json': verbatimFiles()['raw/manifest.json'],
      'templates/system.json': broken,
      'templates/order.json': verbatimFiles()['raw/templates/order.json'],
    });
  });

  it("writes it where the manifest's system-template says, which must be systemFile's path below raw/", () => {
    const manifest = (systemTemplate: string) =>
      JSON.stringify({
        datatypes: { order: { template: 'templates/order.json' } },
        'system-template': systemTemplate,
      });
    const connector = { ...verbatimConnector(), systemFile: 'raw/templates/sys.json' };
    const raw = { ...verbatimFiles(), 'raw/templates/sys.json': SYSTEM };
    expect(
      Object.keys(render(connector, { ...raw, 'raw/manifest.json': manifest('templates/sys.json') })),
    ).toEqual(['manifest.json', 'templates/sys.json', 'templates/order.json']);
    expect(() =>
      render(connector, { ...raw, 'raw/manifest.json': manifest('templates/system.json') }),
    ).toThrow(
      new ConnectorConfigError('connector.json', [
        {
          path: ['manifestFile'],
          message:
            'raw/manifest.json: system-template must be "templates/sys.json" (the build copies systemFile raw/templates/sys.json there: systemFile is raw/<system-template>)',
        },
      ]),
    );
  });

  it('renders a pattern datatype beside it, adding nothing to the verbatim system', () => {
    const connector = verbatimConnector();
    connector['datatypes']['customer'] = { pattern: 'collect' };
    const files = render(connector, {
      ...verbatimFiles({ order: 'templates/order.json', customer: 'templates/customer.json' }),
    });
    expect(files['templates/system.json']).toBe(SYSTEM);
    expect(roles(parsed(files, 'templates/customer.json'))).toEqual(['all', 'collect']);
  });

  it('keeps legacy names and an empty datatypes object of a verbatim manifest', () => {
    const legacy = {
      ...verbatimConnector(),
      datatypes: { 'order-line': { pattern: 'raw', template: 'templates/order.json' } },
    };
    const files = render(legacy, verbatimFiles({ 'order-line': 'templates/order.json' }));
    expect(Object.keys(files)).toEqual(['manifest.json', 'templates/system.json', 'templates/order.json']);
    expect(Object.keys(render({ ...verbatimConnector(), datatypes: {} }, verbatimFiles({})))).toEqual([
      'manifest.json',
      'templates/system.json',
    ]);
  });

  it('leaves out a raw template a verbatim manifest names but the package lacks; without manifestFile that is an error', () => {
    const connector = verbatimConnector();
    connector['datatypes']['country'] = { pattern: 'raw', template: 'templates/country.json' };
    const raw = verbatimFiles({ order: 'templates/order.json', country: 'templates/country.json' });
    delete raw['raw/templates/country.json'];
    expect(Object.keys(render(connector, raw))).toEqual([
      'manifest.json',
      'templates/system.json',
      'templates/order.json',
    ]);

    const generated = connectorWith(
      (c) => (c['datatypes']['country'] = { pattern: 'raw', template: 'templates/country.json' }),
    );
    const resolved = checked(generated, { 'raw/templates/country.json': '{}' });
    expect(() => renderConnectorFiles({ ...resolved, rawFiles: new Map() }, PACK)).toThrow(
      new RawFileError(
        'raw/templates/country.json: not given to the renderer (is it in the package folder?)',
      ),
    );
  });
});
