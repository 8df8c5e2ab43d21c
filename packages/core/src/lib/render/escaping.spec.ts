import { minimalConnector } from '../../../test/connector-fixtures';
import { checkConnectorConfig } from '../config/load';
import { parseJson, toPlainJs } from '../json';
import { json } from './json-text';
import { renderConnectorFiles } from './render-connector';
import { loadTemplatePack } from './template-pack';

/** Every character class the contract names, plus ejs syntax that must never run. */
const TRICKY =
  'a & b < c > "quoted" back\\slash\nnew line\ttab æøå 日本 😀 <%= process.exit(1) %> <%- x %> %> {{ id }}';
const EJS_INJECTION = '<%= process.exit(1) %>';

function render(connector: unknown): Map<string, any> {
  const checked = checkConnectorConfig(parseJson(JSON.stringify(connector)), {
    file: 'connector.json',
    folder: 'acme',
    fileExists: () => false,
  }).connector;
  const files = renderConnectorFiles(checked, loadTemplatePack());
  return new Map(
    [...files].map(([path, text]) => [path, { text, value: toPlainJs(parseJson(text)) as any }]),
  );
}

describe('values from connector.json are inserted as JSON data', () => {
  const connector = minimalConnector();
  connector['auth'] = { type: 'oauth2', loginUrl: TRICKY, tokenUrl: EJS_INJECTION, scopes: [TRICKY] };
  connector['manifest'] = { system: TRICKY, additional_parameters: { [TRICKY]: {} } };
  connector['restSystem'] = {
    urlPattern: `https://x/${TRICKY}/%s`,
    headers: { 'X-Tricky': TRICKY },
    properties: { [EJS_INJECTION]: TRICKY },
  };
  connector['datatypes']['order'] = {
    pattern: 'webhook',
    label: TRICKY,
    options: {
      validationExpression: TRICKY,
      receiverAddress: EJS_INJECTION,
      topics: [{ topic: TRICKY, id: TRICKY }],
      sharePayloadKey: TRICKY,
      share: true,
      lastModified: { property: 'updated', format: TRICKY },
    },
    operations: { list: { url: TRICKY, [TRICKY]: EJS_INJECTION } },
  };
  connector['datatypes']['webhook']['options'] = { wipeMatch: TRICKY };
  const files = render(connector);
  const manifest = files.get('manifest.json')!.value;
  const system = files.get('templates/system.json')!.value;
  const order = files.get('templates/order.json')!.value;
  const byRole = (role: string) => order.find((p: any) => p._id.endsWith(`-${role}`));

  it('keeps &, <, ", \\, newline, non-ASCII and ejs tags unchanged in the manifest', () => {
    expect(manifest.oauth2).toEqual({ login_url: TRICKY, token_url: EJS_INJECTION, scopes: [TRICKY] });
    expect(manifest.system).toBe(TRICKY);
    expect(manifest.additional_parameters).toEqual({ [TRICKY]: {} });
    expect(manifest.datatypes.order.label).toBe(TRICKY);
  });

  it('keeps them unchanged in the system template (url, headers, properties, operations)', () => {
    expect(system.url_pattern).toBe(`https://x/${TRICKY}/%s`);
    expect(system.headers['X-Tricky']).toBe(TRICKY);
    expect(system[EJS_INJECTION]).toBe(TRICKY);
    expect(system.operations['order-list']).toEqual({ method: 'GET', url: TRICKY, [TRICKY]: EJS_INJECTION });
  });

  it('keeps them unchanged in pipes (option values, also as object keys)', () => {
    expect(byRole('event').source.validation_expression).toBe(TRICKY);
    const [entity] = byRole('registerwebhook').source.entities;
    expect(entity).toEqual({
      _id: TRICKY,
      _updated: 0,
      properties: { webhook: { address: EJS_INJECTION, topic: TRICKY } },
    });
    expect(byRole('share').transform[0].rules.default[1]).toEqual([
      'add',
      '$payload',
      ['dict', TRICKY, '_T.'],
    ]);
    expect(byRole('collect').transform[1].rules.default[1]).toEqual([
      'add',
      '$last-modified',
      ['datetime-parse', TRICKY, '_S.updated'],
    ]);
    const wipe = files.get('templates/webhook.json')!.value.find((p: any) => p._id.endsWith('-wipe'));
    expect(wipe.transform[0].rules.default[1][1][1]).toBe(TRICKY);
  });

  it('never evaluates a value as ejs: the injection text is in the written file (escaped only as JSON)', () => {
    expect(files.get('manifest.json')!.text).toContain(`"token_url": "${EJS_INJECTION}"`);
    expect(files.get('templates/order.json')!.text).toContain(`"address": "${EJS_INJECTION}"`);
  });
});

describe('json()', () => {
  it('writes a value as one line of JSON that parses back to the same value', () => {
    const value = { text: TRICKY, list: [1, true, null], nested: { k: 'v' } };
    const text = json(value);
    expect(text).not.toContain('\n');
    expect(toPlainJs(parseJson(text))).toEqual(value);
  });

  it('refuses undefined (an option that is not set) instead of writing nothing', () => {
    expect(() => json(undefined)).toThrow('json() got undefined');
  });
});
