import { logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { renderTreeConnector } from '../shared/render-package';
import { keysOf, readTreeJson } from '../testing/tree-json';
import { connectorGenerator } from './generator';
import type { ConnectorGeneratorSchema } from './schema';
import { changedPackagePaths, expectUserError as expectUserErrorIn } from '../testing/expect-user-error';

const CONFIG = 'packages/connectors/demo/connector.json';
const README = 'packages/connectors/demo/README.md';

describe('connector generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  /** The files `nx build demo-connector` would write right after the generator (rendered in memory). */
  const built = () => [...renderTreeConnector(tree, 'demo').keys()].sort();

  const run = (options: Partial<ConnectorGeneratorSchema> = {}) =>
    connectorGenerator(tree, { system: 'demo', datatypes: 'order', skipFormat: true, ...options });
  const config = () => readTreeJson(tree, CONFIG);
  const readme = () => tree.read(README, 'utf-8') ?? '';

  const expectUserError = (options: Partial<ConnectorGeneratorSchema>, message: string | RegExp) =>
    expectUserErrorIn(tree, () => run(options), message);

  describe('defaults', () => {
    it('writes connector.json and README.md, and nothing else', async () => {
      await run();
      expect(changedPackagePaths(tree)).toEqual([README, CONFIG]);
    });

    it('fills connector.json from the contract: system, label, api_key auth, {{@ base_url @}} URL', async () => {
      await run();
      expect(config()).toEqual({
        $schema: '../../core/schemas/connector.schema.json',
        system: 'demo',
        label: 'Demo',
        auth: { type: 'api_key' },
        manifest: { additional_parameters: { base_url: {} }, system: 'Demo' },
        restSystem: { urlPattern: '{{@ base_url @}}/%s', verifySsl: true },
        datatypes: { order: { pattern: 'collect', label: 'Order' } },
      });
    });

    it('lays connector.json out with two-space indentation and a final newline', async () => {
      await run();
      const text = tree.read(CONFIG, 'utf-8') ?? '';
      expect(text.startsWith('{\n  "$schema": ')).toBe(true);
      expect(text).toContain('\n  "auth": {\n    "type": "api_key"\n  },\n');
      expect(text.endsWith('}\n')).toBe(true);
    });

    it('runs formatFiles without failing when skipFormat is false', async () => {
      jest.spyOn(console, 'warn').mockImplementation(() => undefined); // prettier cannot load under CJS Jest
      await run({ skipFormat: false });
      expect(config()['system']).toBe('demo');
    });

    it('gives a package that builds right away', async () => {
      await run();
      expect(built()).toEqual(['manifest.json', 'templates/order.json', 'templates/system.json']);
    });
  });

  describe('--label and --description', () => {
    it('uses them in connector.json, the manifest display name and the README', async () => {
      await run({ label: 'Demo & Co', description: 'Orders from <Demo>.' });
      expect(config()['label']).toBe('Demo & Co');
      expect(config()['description']).toBe('Orders from <Demo>.');
      expect((config()['manifest'] as Record<string, unknown>)['system']).toBe('Demo & Co');
      expect(readme()).toContain('# Demo & Co connector\n\nOrders from <Demo>.\n');
    });

    it('leaves description out when not given', async () => {
      await run();
      expect(keysOf(config())).not.toContain('description');
      expect(readme()).toContain('A Sesam connector for Demo.');
    });
  });

  describe('--auth', () => {
    it('oauth2: auth block with login/token URLs and scopes, token_url variable, oauth secrets', async () => {
      await run({
        auth: 'oauth2',
        baseUrl: 'https://{{@ account_id @}}.example.com/api',
        loginUrl: 'https://login.example.com/authorize',
        tokenUrl: 'https://login.example.com/token',
        scopes: 'read_orders, write_orders',
      });
      expect(config()['auth']).toEqual({
        type: 'oauth2',
        loginUrl: 'https://login.example.com/authorize',
        tokenUrl: 'https://login.example.com/token',
        scopes: ['read_orders', 'write_orders'],
      });
      expect(keysOf((config()['manifest'] as Record<string, never>)['additional_parameters'])).toEqual([
        'account_id',
        'token_url',
      ]);
      expect(readme()).toContain('- `oauth_refresh_token`');
      expect(readme()).toContain('| `token_url` |');
    });

    it('oauth2 without URLs derives them from the API host', async () => {
      await run({ auth: 'oauth2', baseUrl: 'https://api.example.com/v1' });
      expect(config()['auth']).toEqual({
        type: 'oauth2',
        loginUrl: 'https://api.example.com/oauth/authorize',
        tokenUrl: 'https://api.example.com/oauth/token',
        scopes: [],
      });
    });

    it('oauth2 with a variable host falls back to placeholder URLs, with a warning', async () => {
      await run({ auth: 'oauth2' });
      expect((config()['auth'] as Record<string, unknown>)['loginUrl']).toBe(
        'https://login.example.com/oauth/authorize',
      );
      expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('No --loginUrl/--tokenUrl given'));
    });

    it.each(['oauth2', 'api_key', 'tripletex', 'superoffice-ticket'])(
      '%s: the package builds right away',
      async (auth) => {
        await run({ auth, datatypes: 'order,invoice:webhook,legacy:raw' });
        expect(built()).toEqual([
          'manifest.json',
          'templates/invoice.json',
          'templates/legacy.json',
          'templates/order.json',
          'templates/system.json',
          'templates/webhook.json',
        ]);
      },
    );

    it('api_key: no URLs, the api_key secret', async () => {
      await run({ auth: 'api_key', baseUrl: 'https://api.example.com' });
      expect(config()['auth']).toEqual({ type: 'api_key' });
      expect(readme()).toContain('- `api_key`');
      expect(readme()).toContain('None: the connector reads no environment variables.');
    });

    it('tripletex: its URL pattern and base_url variable', async () => {
      await run({ auth: 'tripletex' });
      expect(config()['auth']).toEqual({ type: 'tripletex' });
      expect((config()['restSystem'] as Record<string, unknown>)['urlPattern']).toBe(
        '{{@ base_url @}}/v2/%s',
      );
      expect(keysOf((config()['manifest'] as Record<string, never>)['additional_parameters'])).toEqual([
        'base_url',
      ]);
      expect(readme()).toContain('- `employee_token`');
    });

    it('superoffice-ticket: SuperOffice login service, account URL, so_ticket secret', async () => {
      await run({ auth: 'superoffice-ticket' });
      expect(config()['auth']).toEqual({
        type: 'superoffice-ticket',
        loginUrl: 'https://online.superoffice.com/login/common/oauth/authorize',
        tokenUrl: 'https://online.superoffice.com/login/common/oauth/tokens',
        scopes: ['openid', 'api'],
      });
      expect((config()['restSystem'] as Record<string, unknown>)['urlPattern']).toBe(
        '{{@ base_url @}}/{{@ account_id @}}/api/v1/%s',
      );
      expect(keysOf((config()['manifest'] as Record<string, never>)['additional_parameters'])).toEqual([
        'base_url',
        'account_id',
      ]);
      expect(readme()).toContain('- `so_ticket`');
    });

    it('rejects an unknown auth type, naming the option', async () => {
      await expectUserError(
        { auth: 'jwt' },
        '--auth: unknown auth type "jwt". Use one of oauth2, api_key, tripletex, superoffice-ticket, none.',
      );
    });

    it('rejects OAuth2 options for an auth type that does not use them', async () => {
      await expectUserError(
        { auth: 'api_key', loginUrl: 'https://x.example.com/a' },
        /^--loginUrl: only the oauth2/,
      );
    });

    it('rejects a login URL that is not http(s)', async () => {
      await expectUserError(
        { auth: 'oauth2', loginUrl: '{{@ base_url @}}/authorize' },
        /^--loginUrl: .* is not an http\(s\) URL/,
      );
    });
  });

  describe('--baseUrl', () => {
    it('appends /%s when the URL has no %s (dropping a trailing slash)', async () => {
      await run({ baseUrl: 'https://api.example.com/v1/' });
      expect((config()['restSystem'] as Record<string, unknown>)['urlPattern']).toBe(
        'https://api.example.com/v1/%s',
      );
    });

    it('accepts a URL that starts with a variable', async () => {
      await run({ baseUrl: '{{@ base_url @}}/v2' });
      expect((config()['restSystem'] as Record<string, unknown>)['urlPattern']).toBe(
        '{{@ base_url @}}/v2/%s',
      );
    });

    it('keeps a URL that places %s itself, and declares its variables', async () => {
      await run({ baseUrl: 'https://{{@ subdomain @}}.example.com/api/%s.json' });
      expect((config()['restSystem'] as Record<string, unknown>)['urlPattern']).toBe(
        'https://{{@ subdomain @}}.example.com/api/%s.json',
      );
      expect(keysOf((config()['manifest'] as Record<string, never>)['additional_parameters'])).toEqual([
        'subdomain',
      ]);
      expect(readme()).toContain('| `subdomain` | Used in the URL pattern. |');
    });

    it('rejects a relative URL', async () => {
      await expectUserError({ baseUrl: 'api/v1' }, /^--baseUrl: "api\/v1" must start with http/);
    });

    it('rejects more than one %s', async () => {
      await expectUserError({ baseUrl: 'https://x.example.com/%s/%s' }, /^--baseUrl: .* has 2 '%s'/);
    });
  });

  describe('--datatypes', () => {
    it('reads name and name:pattern items, collect by default, in the given order', async () => {
      await run({ datatypes: 'customer, product:collect ,legacy:raw' });
      expect(config()['datatypes']).toEqual({
        customer: { pattern: 'collect', label: 'Customer' },
        product: { pattern: 'collect', label: 'Product' },
        legacy: { pattern: 'raw', label: 'Legacy', template: 'templates/legacy.json' },
      });
    });

    it('gives a raw datatype a stub verbatim template in raw/templates/', async () => {
      await run({ datatypes: 'legacy:raw' });
      // The smallest template the build's validation accepts: the -collect pipe, fed by nothing yet.
      expect(
        JSON.parse(tree.read('packages/connectors/demo/raw/templates/legacy.json', 'utf-8') ?? ''),
      ).toEqual([
        {
          _id: '{{@ system @}}-{{@ datatype @}}-collect',
          type: 'pipe',
          source: { type: 'embedded', entities: [] },
        },
      ]);
    });

    it("lists the datatypes in the README's generated section, with a diagram each", async () => {
      await run({ datatypes: 'customer,legacy:raw' });
      expect(readme()).toContain(
        [
          '<!-- generated:start — `npx nx sync` writes this section from connector.json; edit outside the markers -->',
          '<!-- prettier-ignore-start -->',
          '## Datatypes and data flow',
          '',
          '| Datatype | Label | Pattern | Pipes | What it does | Options set in connector.json |',
          '| --- | --- | --- | --- | --- | --- |',
          '| `customer` | Customer | `collect` | `-all`, `-collect` | collected by scanning the API |  |',
          '| `legacy` | Legacy | `raw` | `-collect` | verbatim template `raw/templates/legacy.json` |  |',
        ].join('\n'),
      );
      expect(readme()).toContain('### `customer`\n\n```mermaid\n');
      expect(readme()).toContain('### `legacy`\n\n```mermaid\n');
    });

    it('leaves the generated section as written when it formats the README', async () => {
      await run({ datatypes: 'customer', skipFormat: true });
      const unformatted = readme();
      const section = unformatted.slice(unformatted.indexOf('<!-- generated:start'));
      tree = createTreeWithEmptyWorkspace();
      jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      await run({ datatypes: 'customer', skipFormat: false });
      expect(readme()).toContain(section.trimEnd());
    });

    it('accepts an array (as Nx passes array options)', async () => {
      await run({ datatypes: ['a', 'b'] });
      expect(keysOf(config()['datatypes'])).toEqual(['a', 'b']);
    });

    it('needs at least one datatype', async () => {
      await expectUserError({ datatypes: ' , ' }, /^--datatypes: a connector needs at least one datatype/);
    });

    it('rejects an unknown pattern, naming the item', async () => {
      await expectUserError(
        { datatypes: 'a,b:stream' },
        '--datatypes "b:stream": unknown pattern "stream". Use one of collect, webhook, webhook-registry, share, raw.',
      );
    });

    it('rejects a datatype listed twice', async () => {
      await expectUserError({ datatypes: 'a,b,a:webhook' }, '--datatypes: "a" is listed twice.');
    });

    it('rejects a spec with two colons', async () => {
      await expectUserError(
        { datatypes: 'a:collect:x' },
        /^--datatypes: "a:collect:x" has more than one ':'/,
      );
    });

    it.each([
      ['sales-order', "contains '-': the sesam tooling splits pipe ids", 'salesorder'],
      ['Order', 'has upper-case letters', 'order'],
      ['a/b', 'contains a path separator', 'ab'],
      ['..', "contains '.'", undefined],
      ['my order', 'contains whitespace', 'myorder'],
      ['2fa', 'starts with a digit', 'fa'],
      ['ordré', 'has characters other than a-z and 0-9', 'ordr'],
    ])('rejects the datatype name %j (%s)', async (name, reason, suggestion) => {
      await expectUserError({ datatypes: name }, `--datatypes: datatype name "${name}" ${reason}`);
      const message = await run({ datatypes: name }).catch((e: Error) => e.message);
      if (suggestion) expect(message).toContain(`(e.g. "${suggestion}")`);
    });

    it('rejects the datatype name "system" (its template would be the system template)', async () => {
      await expectUserError({ datatypes: 'system' }, /^--datatypes: "system" cannot be a datatype name/);
    });

    it('rejects the webhook-registry pattern under another name', async () => {
      await expectUserError(
        { datatypes: 'hooks:webhook-registry' },
        /webhook-registry pattern makes the "webhook" datatype/,
      );
    });
  });

  describe('--webhooks', () => {
    it('adds the webhook registry datatype and the manifest fields webhooks need', async () => {
      await run({ datatypes: 'a,b:webhook', webhooks: true });
      expect(config()['datatypes']).toEqual({
        a: { pattern: 'collect', label: 'A' },
        b: { pattern: 'webhook', label: 'B' },
        webhook: { pattern: 'webhook-registry', label: 'Webhook' },
      });
      expect(config()['manifest']).toEqual({
        additional_parameters: { base_url: {}, service_url: {} },
        requires_service_api_access: true,
        use_webhook_secret: true,
        system: 'Demo',
      });
      expect(readme()).toContain('- `webhook_secret`');
      expect(readme()).toContain('| `webhook` | Webhook | `webhook-registry` |');
    });

    it('is implied by a webhook-pattern datatype', async () => {
      await run({ datatypes: 'b:webhook' });
      expect(keysOf(config()['datatypes'])).toEqual(['b', 'webhook']);
    });

    it('keeps an explicitly listed registry where the user put it', async () => {
      await run({ datatypes: 'webhook:webhook-registry,b:webhook', webhooks: true });
      expect(keysOf(config()['datatypes'])).toEqual(['webhook', 'b']);
    });

    it('on its own gives a connector with just the registry', async () => {
      await run({ datatypes: undefined, webhooks: true });
      expect(keysOf(config()['datatypes'])).toEqual(['webhook']);
    });

    it('is an error when false while a datatype uses the webhook pattern', async () => {
      await expectUserError(
        { datatypes: 'b:webhook', webhooks: false },
        /^--webhooks is false, but datatype "b" uses the webhook pattern/,
      );
    });

    it('is an error when a datatype named webhook uses another pattern', async () => {
      await expectUserError(
        { datatypes: 'webhook', webhooks: true },
        /^--datatypes: "webhook" is the webhook registry's name/,
      );
    });
  });

  describe('--system', () => {
    it.each([
      ['my-shop', "contains '-'", 'myshop'],
      ['Shop', 'has upper-case letters', 'shop'],
      ['../shop', 'contains a path separator', 'shop'],
    ])('rejects %j (%s) and suggests a valid name', async (system, reason, suggestion) => {
      await expectUserError({ system }, `--system: system name "${system}" ${reason}`);
      const message = await run({ system }).catch((e: Error) => e.message);
      expect(message).toContain(
        `system names are lower-case ASCII letters and digits starting with a letter (e.g. "${suggestion}")`,
      );
    });

    it('rejects an empty system name', async () => {
      await expectUserError({ system: ' ' }, /^--system: system name is empty/);
    });

    it('never overwrites an existing package', async () => {
      tree.write('packages/connectors/demo/notes.txt', 'mine');
      await expectUserError(
        {},
        /^packages\/connectors\/demo already exists; the connector generator never overwrites a package/,
      );
      expect(tree.read('packages/connectors/demo/notes.txt', 'utf-8')).toBe('mine');
      expect(tree.exists(CONFIG)).toBe(false);
    });
  });
});
