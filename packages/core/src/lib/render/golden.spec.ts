import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minimalConnector, WORKSPACE_ROOT } from '../../../test/connector-fixtures';
import { checkConnectorConfig } from '../config/load';
import { parseJson, toPlainJs } from '../json';
import { renderConnectorFiles } from './render-connector';
import { loadTemplatePack } from './template-pack';

const GOLDEN_DIR = join(WORKSPACE_ROOT, '..', 'shared', 'seed', 'golden');
const golden = (name: string) => toPlainJs(parseJson(readFileSync(join(GOLDEN_DIR, name), 'utf8')));

/** The pipes of templates/<datatype>.json rendered from `connector` (plain JS, for comparing). */
function renderedPipes(connector: unknown, datatype: string): any[] {
  const checked = checkConnectorConfig(parseJson(JSON.stringify(connector)), {
    file: 'connector.json',
    folder: 'acme',
    fileExists: () => false,
  }).connector;
  const files = renderConnectorFiles(checked, loadTemplatePack());
  return toPlainJs(parseJson(files.get(`templates/${datatype}.json`)!)) as any[];
}

const pipe = (pipes: any[], role: string) =>
  pipes.find((p) => p._id === `{{@ system @}}-{{@ datatype @}}-${role}`);

describe('golden pipes (default options)', () => {
  it('the webhook pattern renders -registerwebhook exactly as golden/registerwebhook-pipe.json', () => {
    expect(pipe(renderedPipes(minimalConnector(), 'order'), 'registerwebhook')).toEqual(
      golden('registerwebhook-pipe.json'),
    );
  });

  it('the webhook-registry pattern renders -wipe exactly as golden/wipe-pipe.json', () => {
    expect(pipe(renderedPipes(minimalConnector(), 'webhook'), 'wipe')).toEqual(golden('wipe-pipe.json'));
  });

  it('options change exactly the documented places of the golden pipes', () => {
    const connector = minimalConnector();
    connector['datatypes']['order']['options'] = {
      webhookIdPath: 'sink.insert_response.webhook.id',
      topics: ['orders/create', { topic: 'orders/updated', id: 'order-changed' }],
    };
    connector['datatypes']['webhook']['options'] = {
      wipeMatch: '{{@ service_url @}}*',
      addressProperty: 'targetUrl',
    };
    const register = pipe(renderedPipes(connector, 'order'), 'registerwebhook');
    const expected = golden('registerwebhook-pipe.json') as any;
    expected.transform[0].rules.default[1][2][1][1].return = ['first', 'sink.insert_response.webhook.id'];
    const address = '{{@ service_url @}}/receivers/{{@ system @}}-{{@ datatype @}}-event/entities';
    expected.source.entities = [
      {
        _id: '{{@ datatype @}}-create',
        _updated: 0,
        properties: { webhook: { address, topic: 'orders/create' } },
      },
      { _id: 'order-changed', _updated: 1, properties: { webhook: { address, topic: 'orders/updated' } } },
    ];
    expect(register).toEqual(expected);

    const wipe = pipe(renderedPipes(connector, 'webhook'), 'wipe');
    const expectedWipe = golden('wipe-pipe.json') as any;
    expectedWipe.transform[0].rules.default[1] = [
      'discard',
      ['matches', '{{@ service_url @}}*', '_S.targetUrl'],
    ];
    expect(wipe).toEqual(expectedWipe);
  });
});
