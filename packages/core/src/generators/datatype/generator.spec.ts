import { logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { connectorGenerator } from '../connector/generator';
import * as prompt from '../shared/prompt';
import { renderTreeConnector } from '../shared/render-package';
import { keysOf, readTreeJson } from '../testing/tree-json';
import { datatypeGenerator } from './generator';
import type { DatatypeGeneratorSchema } from './schema';
import { expectUserError as expectUserErrorIn } from '../testing/expect-user-error';

jest.mock('../shared/prompt', () => ({ canPrompt: jest.fn(() => false), confirm: jest.fn() }));

const CONFIG = 'packages/connectors/demo/connector.json';
const README = 'packages/connectors/demo/README.md';

/** A hand-written connector.json: 4-space indent, inline objects, its own key order. */
const HAND_WRITTEN = `{
    "system": "demo",
    "datatypes": {
        "customer": { "pattern": "collect", "label": "Customer" }
    },
    "label": "Demo",
    "restSystem": { "urlPattern": "https://api.example.com/%s" },
    "auth": { "type": "api_key" }
}
`;

describe('datatype generator', () => {
  let tree: Tree;
  beforeEach(async () => {
    tree = createTreeWithEmptyWorkspace();
    jest.mocked(prompt.canPrompt).mockReturnValue(false);
    jest.mocked(prompt.confirm).mockReset();
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  const scaffold = (datatypes = 'customer', webhooks?: boolean) =>
    connectorGenerator(tree, { system: 'demo', datatypes, webhooks, skipFormat: true });
  const run = (options: Partial<DatatypeGeneratorSchema> = {}) =>
    datatypeGenerator(tree, { name: 'order', connector: 'demo', ...options });
  const config = () => readTreeJson(tree, CONFIG);
  const datatypes = () => config()['datatypes'] as Record<string, unknown>;
  const text = () => tree.read(CONFIG, 'utf-8') ?? '';

  const expectUserError = (options: Partial<DatatypeGeneratorSchema>, message: string | RegExp) =>
    expectUserErrorIn(tree, () => run(options), message);

  describe('adding to connector.json', () => {
    it('adds a collect datatype (the default pattern) after the existing ones', async () => {
      await scaffold();
      await run();
      expect(keysOf(datatypes())).toEqual(['customer', 'order']);
      expect(datatypes()['order']).toEqual({ pattern: 'collect', label: 'Order' });
    });

    it('keeps the rest of a hand-written file as it was: key order, indentation, inline objects', async () => {
      tree.write(CONFIG, HAND_WRITTEN);
      await run({ label: 'Sales order' });
      expect(text()).toBe(`{
    "system": "demo",
    "datatypes": {
        "customer": { "pattern": "collect", "label": "Customer" },
        "order": {
            "pattern": "collect",
            "label": "Sales order"
        }
    },
    "label": "Demo",
    "restSystem": { "urlPattern": "https://api.example.com/%s" },
    "auth": { "type": "api_key" }
}
`);
    });

    it('keeps tab indentation and CRLF line endings', async () => {
      tree.write(CONFIG, '{\r\n\t"system": "demo",\r\n\t"datatypes": {\r\n\t\t"a": {}\r\n\t}\r\n}\r\n');
      await run();
      expect(text()).toBe(
        '{\r\n\t"system": "demo",\r\n\t"datatypes": {\r\n\t\t"a": {},\r\n\t\t"order": {\r\n\t\t\t"pattern": "collect",\r\n\t\t\t"label": "Order"\r\n\t\t}\r\n\t}\r\n}\r\n',
      );
    });

    it('adds to a connector that does not build yet, with a warning (here: no datatypes object at all)', async () => {
      tree.write(CONFIG, '{\n  "system": "demo"\n}\n');
      await run();
      expect(config()).toEqual({
        system: 'demo',
        datatypes: { order: { pattern: 'collect', label: 'Order' } },
      });
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /^packages\/connectors\/demo\/connector.json does not build now \(.*\); adding "order" anyway\.$/,
        ),
      );
    });

    it('leaves a connector that builds in a state that builds', async () => {
      await scaffold('customer');
      await run({ pattern: 'webhook', share: true, topics: 'orders/create,orders/updated' });
      await run({ name: 'legacy', pattern: 'raw' });
      const files = renderTreeConnector(tree, 'demo');
      expect([...files.keys()].sort()).toEqual([
        'manifest.json',
        'templates/customer.json',
        'templates/legacy.json',
        'templates/order.json',
        'templates/system.json',
        'templates/webhook.json',
      ]);
    });

    it("a share datatype (one that only writes) alone is refused with the validator's reason: it makes no -collect", async () => {
      await scaffold('customer');
      await expectUserError(
        { name: 'invoice', pattern: 'share' },
        /datatype invoice has no pipe writing 'xxxxxx-invoice-collect'/,
      );
    });

    it("--listUrl: every role's default URL derives from the list URL (query dropped, .json after the id)", async () => {
      await scaffold();
      await run({ name: 'inventoryitem', listUrl: 'inventory_items.json?limit=250', share: true });
      expect(datatypes()['inventoryitem']).toEqual({
        pattern: 'collect',
        label: 'Inventoryitem',
        options: { share: true },
        operations: { list: { url: 'inventory_items.json?limit=250' } },
      });
      const system = JSON.parse(renderTreeConnector(tree, 'demo').get('templates/system.json')!) as {
        operations: Record<string, { method: string; url: string }>;
      };
      expect(
        Object.fromEntries(
          Object.entries(system.operations)
            .filter(([name]) => name.startsWith('inventoryitem-'))
            .map(([name, op]) => [name, `${op.method} ${op.url}`]),
        ),
      ).toEqual({
        'inventoryitem-list': 'GET inventory_items.json?limit=250',
        'inventoryitem-lookup': 'GET inventory_items/{{ entity.id }}.json',
        'inventoryitem-insert': 'POST inventory_items.json',
        'inventoryitem-update': 'PUT inventory_items/{{ entity.id }}.json',
        'inventoryitem-delete': 'DELETE inventory_items/{{ entity.id }}.json',
      });
      expect(logger.info).toHaveBeenCalledWith(
        "inventoryitem: the pattern's operations default to list inventory_items.json?limit=250, insert inventory_items.json, " +
          'lookup/update/delete inventory_items/{{ entity.id }}.json (from the list URL); ' +
          'set datatypes.inventoryitem.operations.<role> in connector.json to change one.',
      );
    });

    it('without --listUrl the defaults stay on the datatype name, and the generator says so', async () => {
      await scaffold();
      await run({ name: 'invoice' });
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringContaining(
          'lookup/update/delete invoice/{{ entity.id }} (no --listUrl: from the datatype name)',
        ),
      );
    });

    it("with the connector's restSystem.operationDefaults, the note shows the URLs they give", async () => {
      await scaffold();
      const value = JSON.parse(tree.read(CONFIG, 'utf-8') ?? '{}');
      value.restSystem.operationDefaults = {
        list: { url: '${path}?fields=*' },
        lookup: { url: 'v2/${datatype}/{{ entity.id }}' },
      };
      tree.write(CONFIG, JSON.stringify(value));
      await run({ name: 'invoice' });
      expect(logger.info).toHaveBeenCalledWith(
        "invoice: the pattern's operations default to list invoice?fields=*, insert invoice, " +
          'lookup/update/delete v2/invoice/{{ entity.id }} (no --listUrl: from the datatype name, under restSystem.operationDefaults); ' +
          'set datatypes.invoice.operations.<role> in connector.json to change one.',
      );
    });

    it('refuses --listUrl for a raw datatype, which has no operations', async () => {
      await scaffold();
      await expectUserError(
        { name: 'legacy', pattern: 'raw', listUrl: 'legacy.json' },
        '--listUrl: a raw datatype has no operations (its template is kept verbatim); drop the list URL or choose another pattern for "legacy".',
      );
    });

    it('accepts the project name for --connector', async () => {
      await scaffold();
      await run({ connector: 'demo-connector' });
      expect(keysOf(datatypes())).toContain('order');
    });

    it('writes --topics (webhook) and --share into the pattern options', async () => {
      await scaffold('customer', true);
      await run({ pattern: 'webhook', topics: 'orders/create, orders/updated', share: true });
      expect(datatypes()['order']).toEqual({
        pattern: 'webhook',
        label: 'Order',
        options: { topics: ['orders/create', 'orders/updated'], share: true },
      });
    });

    it('adds a raw datatype with a stub verbatim template', async () => {
      await scaffold();
      await run({ pattern: 'raw' });
      expect(datatypes()['order']).toEqual({
        pattern: 'raw',
        label: 'Order',
        template: 'templates/order.json',
      });
      // The smallest template the build's validation accepts: the -collect pipe, fed by nothing yet.
      expect(
        JSON.parse(tree.read('packages/connectors/demo/raw/templates/order.json', 'utf-8') ?? ''),
      ).toEqual([
        {
          _id: '{{@ system @}}-{{@ datatype @}}-collect',
          type: 'pipe',
          source: { type: 'embedded', entities: [] },
        },
      ]);
    });
  });

  describe('the README', () => {
    it('gets its generated section written again: the new datatype in the table and its diagram', async () => {
      await scaffold();
      await run({ pattern: 'webhook', topics: 'orders/create' });
      const readme = tree.read(README, 'utf-8') ?? '';
      expect(readme).toContain(
        [
          '| `customer` | Customer | `collect` | `-all`, `-collect` | collected by scanning the API |  |',
          '| `order` | Order | `webhook` | `-all`, `-collect`, `-event`, `-event2`, `-registerwebhook` | collected by scanning and kept current by webhook events (`orders/create`) | topics: `orders/create` |',
          '| `webhook` | Webhook | `webhook-registry` | `-collect`, `-wipe` | registers the webhooks of the webhook datatypes and removes stale ones |  |',
        ].join('\n'),
      );
      expect(readme).toContain('### `order`\n\n```mermaid\nflowchart LR\n  subgraph dt_order["order"]\n');
      expect(readme).toContain('  sys_demo -.->|"webhook"| p_order_event\n');
    });

    it("keeps its owner's text when the markers were removed, and adds the section at the end", async () => {
      await scaffold();
      tree.write(README, '# Demo\n\nMy own words.\n');
      await run();
      const readme = tree.read(README, 'utf-8') ?? '';
      expect(readme.startsWith('# Demo\n\nMy own words.\n\n<!-- generated:start')).toBe(true);
      expect(readme).toContain('| `order` | Order | `collect` |');
      expect(readme.endsWith('<!-- prettier-ignore-end -->\n<!-- generated:end -->\n')).toBe(true);
    });

    it('stays as it is, with a note, when the connector does not build', async () => {
      await scaffold();
      tree.write(README, '# Demo\n');
      const config = JSON.parse(tree.read(CONFIG, 'utf-8') ?? '{}');
      config.restSystem.operations = { broken: 'not an object' };
      tree.write(CONFIG, JSON.stringify(config));
      const info = jest.mocked(logger.info);
      await run();
      expect(tree.read(README, 'utf-8')).toBe('# Demo\n');
      expect(info).toHaveBeenCalledWith(
        expect.stringContaining(`${README} not updated: the connector does not build (`),
      );
    });
  });

  describe('webhook datatypes and the registry', () => {
    it('adds the webhook registry and the manifest fields when the connector has none (non-interactive)', async () => {
      await scaffold();
      await run({ pattern: 'webhook' });
      expect(keysOf(datatypes())).toEqual(['customer', 'order', 'webhook']);
      expect(datatypes()['webhook']).toEqual({ pattern: 'webhook-registry', label: 'Webhook' });
      expect(config()['manifest']).toEqual({
        additional_parameters: { base_url: {}, service_url: {} },
        system: 'Demo',
        requires_service_api_access: true,
        use_webhook_secret: true,
      });
      expect(prompt.confirm).not.toHaveBeenCalled();
    });

    it('does not add a second registry', async () => {
      await scaffold('customer', true);
      await run({ pattern: 'webhook' });
      expect(keysOf(datatypes())).toEqual(['customer', 'webhook', 'order']);
    });

    /** The scaffolded connector with its own webhook-lookup/webhook-insert operations (a registry of its own). */
    const withOwnWebhookOperations = () =>
      tree.write(
        CONFIG,
        (tree.read(CONFIG, 'utf-8') ?? '').replace(
          '"verifySsl": true',
          '"verifySsl": true,\n    "operations": {\n      "webhook-lookup": { "method": "GET", "url": "hooks/{{ entity.id }}" },\n      "webhook-insert": { "method": "POST", "url": "hooks" }\n    }',
        ),
      );

    it('--addRegistry=false adds only the datatype when the connector defines the registry operations itself', async () => {
      await scaffold();
      withOwnWebhookOperations();
      await run({ pattern: 'webhook', addRegistry: false });
      expect(keysOf(datatypes())).toEqual(['customer', 'order']);
      // The receiver still needs service_url and the webhook secret.
      expect(config()['manifest']).toEqual({
        additional_parameters: { base_url: {}, service_url: {} },
        system: 'Demo',
        requires_service_api_access: true,
        use_webhook_secret: true,
      });
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('Not adding it (--addRegistry=false)'),
      );
    });

    it("--addRegistry=false without those operations is refused with the build's reason", async () => {
      await scaffold();
      await expectUserError(
        { pattern: 'webhook', addRegistry: false },
        /^Not adding datatype "order" to packages\/connectors\/demo\/connector.json, because the build would fail:\n {2}- packages\/connectors\/demo\/connector.json: datatypes.order.pattern: the webhook pattern calls the system operations webhook-lookup and webhook-insert, which nothing defines/,
      );
    });

    it('asks at a terminal, and follows a "no"', async () => {
      jest.mocked(prompt.canPrompt).mockReturnValue(true);
      jest.mocked(prompt.confirm).mockResolvedValue(false);
      await scaffold();
      withOwnWebhookOperations();
      await run({ pattern: 'webhook' });
      expect(prompt.confirm).toHaveBeenCalledWith(
        expect.stringContaining('has no webhook-registry datatype'),
        true,
      );
      expect(keysOf(datatypes())).toEqual(['customer', 'order']);
    });

    it('does not ask when --addRegistry is given', async () => {
      jest.mocked(prompt.canPrompt).mockReturnValue(true);
      await scaffold();
      await run({ pattern: 'webhook', addRegistry: true });
      expect(prompt.confirm).not.toHaveBeenCalled();
      expect(keysOf(datatypes())).toEqual(['customer', 'order', 'webhook']);
    });

    it('keeps manifest flags the user set otherwise', async () => {
      tree.write(
        CONFIG,
        JSON.stringify({ system: 'demo', manifest: { use_webhook_secret: false }, datatypes: {} }, null, 2) +
          '\n',
      );
      await run({ pattern: 'webhook' });
      expect(config()['manifest']).toEqual({
        use_webhook_secret: false,
        additional_parameters: { service_url: {} },
        requires_service_api_access: true,
      });
    });

    it('adding the registry itself (webhook-registry) adds the manifest fields too', async () => {
      await scaffold();
      await run({ name: 'webhook', pattern: 'webhook-registry' });
      expect(datatypes()['webhook']).toEqual({ pattern: 'webhook-registry', label: 'Webhook' });
      expect(config()['manifest']).toMatchObject({
        requires_service_api_access: true,
        use_webhook_secret: true,
      });
    });

    it('--addRegistry when a non-registry datatype is named webhook is an error', async () => {
      await scaffold('customer,webhook');
      await expectUserError(
        { pattern: 'webhook', addRegistry: true },
        /datatypes\.webhook already exists with pattern collect/,
      );
    });
  });

  describe('errors (nothing is written)', () => {
    it.each([
      ['sales-order', "contains '-'"],
      ['Order', 'has upper-case letters'],
      ['a/b', 'contains a path separator'],
      ['a b', 'contains whitespace'],
    ])('rejects the name %j (%s)', async (name, reason) => {
      await scaffold();
      await expectUserError({ name }, `--name: datatype name "${name}" ${reason}`);
    });

    it('rejects an unknown pattern, naming the option', async () => {
      await scaffold();
      await expectUserError(
        { pattern: 'stream' },
        '--pattern: unknown pattern "stream". Use one of collect, webhook, webhook-registry, share, raw.',
      );
    });

    it('rejects --topics for a pattern without webhooks', async () => {
      await scaffold();
      await expectUserError(
        { topics: 'a/create' },
        '--topics: topics belong to the webhook pattern; "order" uses collect.',
      );
    });

    it('rejects --share for a pattern that cannot share', async () => {
      await scaffold();
      await expectUserError(
        { pattern: 'raw', share: true },
        '--share: only the collect and webhook patterns can share; "order" uses raw.',
      );
    });

    it('rejects the registry pattern under another name', async () => {
      await scaffold();
      await expectUserError(
        { pattern: 'webhook-registry' },
        /^--pattern: the webhook-registry pattern makes the "webhook" datatype/,
      );
    });

    it("refuses options the build rejects, with the build's message (topics with the same registration id)", async () => {
      await scaffold('customer', true);
      await expectUserError(
        { pattern: 'webhook', topics: 'orders/create,customers/create' },
        /because the build would fail:\n {2}- packages\/connectors\/demo\/connector.json: datatypes.order.options.topics\[1\]: registration _id "\{\{@ datatype @\}\}-create" is already used by topics\[0\]/,
      );
    });

    it('never overwrites an existing datatype', async () => {
      await scaffold('customer,order');
      await expectUserError(
        {},
        /^packages\/connectors\/demo\/connector.json: datatypes.order already exists; the datatype generator never overwrites a datatype/,
      );
    });

    it('never overwrites an existing raw template', async () => {
      await scaffold();
      tree.write('packages/connectors/demo/raw/templates/order.json', '[{"mine": true}]');
      await expectUserError(
        { pattern: 'raw' },
        /^packages\/connectors\/demo\/raw\/templates\/order.json already exists/,
      );
    });

    it('names a connector that does not exist', async () => {
      await expectUserError(
        { connector: 'nothere' },
        '--connector: there is no connector "nothere" (packages/connectors/nothere/connector.json does not exist). Create it with nx g @sesam-connectors/core:connector nothere.',
      );
    });

    it('rejects an invalid connector name', async () => {
      await expectUserError(
        { connector: '../demo' },
        '--connector: system name "../demo" contains a path separator',
      );
    });

    it('reports malformed connector.json with the file, line and column', async () => {
      tree.write(CONFIG, '{\n  "system": "demo",\n  "datatypes": {}\n  "label": "x"\n}\n');
      await expectUserError(
        {},
        "packages/connectors/demo/connector.json: Expecting ',' delimiter: line 4 column 3 (char 42). Fix the JSON and run the generator again.",
      );
    });

    it('reports a datatypes member that is not an object with its JSON path', async () => {
      tree.write(CONFIG, '{ "system": "demo", "datatypes": [] }');
      await expectUserError({}, 'packages/connectors/demo/connector.json: datatypes: must be an object.');
    });

    it('reports a root that is not an object', async () => {
      tree.write(CONFIG, '[]');
      await expectUserError({}, 'packages/connectors/demo/connector.json: the root must be a JSON object.');
    });
  });
});
