import { loadConnectorConfig } from '../config';
import { loadTemplatePack, renderConnectorFiles } from '../render';
import { parseMermaid } from '../diagram/testing/mermaid-parse';
import { readmeSection, withReadmeSection, README_SECTION_END, README_SECTION_START } from '.';
import { patchesTable } from './patches-table';
import { parseJson } from '../json';
import { toPatchValue } from '../patch';
import * as path from 'node:path';

describe('withReadmeSection', () => {
  const body = 'NEW\n';
  const section = `${README_SECTION_START}\nNEW\n${README_SECTION_END}`;

  it('replaces what is between the markers and keeps every byte around them', () => {
    const readme = `# T\r\n\r\nmine  \n${README_SECTION_START}\nold\n${README_SECTION_END}\ntail without newline`;
    expect(withReadmeSection(readme, body, 'T')).toBe(`# T\r\n\r\nmine  \n${section}\ntail without newline`);
  });

  it('recognises a start marker whose explanation changed', () => {
    expect(
      withReadmeSection(`a\n<!-- generated:start old words -->\nx\n${README_SECTION_END}\nb\n`, body, 'T'),
    ).toBe(`a\n${section}\nb\n`);
  });

  it('replaces the datatypes table of an older generated README', () => {
    expect(
      withReadmeSection(
        '## Datatypes\n\n<!-- datatypes:start -->\n| a |\n<!-- datatypes:end -->\n\nmore\n',
        body,
        'T',
      ),
    ).toBe(`## Datatypes\n\n${section}\n\nmore\n`);
  });

  it.each([
    ['# T\n\ntext\n', `# T\n\ntext\n\n${section}\n`],
    ['# T\n\ntext', `# T\n\ntext\n\n${section}\n`],
    ['# T\n\n', `# T\n\n${section}\n`],
    ['', `${section}\n`],
  ])('appends the section to a README without markers (%p)', (readme, expected) => {
    expect(withReadmeSection(readme, body, 'T')).toBe(expected);
  });

  it('makes a README for a package without one', () => {
    expect(withReadmeSection(undefined, body, 'Acme connector')).toBe(`# Acme connector\n\n${section}\n`);
  });

  it('changes nothing when the section is already what it would write', () => {
    const once = withReadmeSection('# T\n', body, 'T');
    expect(withReadmeSection(once, body, 'T')).toBe(once);
  });
});

describe('readmeSection', () => {
  // Shopify, rendered in memory from its connector.json.
  const { config, connector } = loadConnectorConfig(
    path.resolve(__dirname, '../../../../connectors/shopify/connector.json'),
  );
  const files = renderConnectorFiles(connector, loadTemplatePack());
  const text = readmeSection(config, files);
  const diagrams = [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);

  it('has the datatypes table, the node parameters and one diagram per datatype, in connector.json order', () => {
    expect(text).toContain(
      '| `webhook` | Webhook | `webhook-registry` | `-collect`, `-wipe` | registers the webhooks of the webhook datatypes and removes stale ones | wipeMatch: `{{@ service_url @}}*`, scheduleInterval: `300` |',
    );
    expect(text).toContain(
      'Node parameters (`additional_parameters` in the manifest): `account_id`, `service_url`.',
    );
    expect([...text.matchAll(/^### `(\w+)`$/gm)].map((m) => m[1])).toEqual([
      'order',
      'customer',
      'product',
      'webhook',
    ]);
    expect(text.startsWith('<!-- prettier-ignore-start -->\n')).toBe(true);
    expect(text.endsWith('<!-- prettier-ignore-end -->\n')).toBe(true);
  });

  it('writes diagrams Mermaid parses', () => {
    const parsed = parseMermaid(diagrams);
    expect(parsed.map((p) => ('error' in p ? p.error : p.subgraphs.map((s) => s.title)))).toEqual([
      ['order'],
      ['customer'],
      ['product'],
      ['webhook'],
    ]);
  });

  it('says why there are no diagrams when the connector does not expand', () => {
    const broken = new Map(files);
    broken.set('templates/order.json', '[{"_id": "x", "type": "pipe"}]');
    expect(readmeSection(config, broken)).toContain('No diagrams: the connector does not expand (');
  });
});

describe('patchesTable', () => {
  const { config, connector } = loadConnectorConfig(
    path.resolve(__dirname, '../../../../connectors/shopify/connector.json'),
  );
  const op = (json: object) => toPatchValue(parseJson(JSON.stringify(json))) as never;

  it('lists each kept operation with its reason, guards left out, and is empty without patches', () => {
    expect(patchesTable(config)).toEqual([]);
    expect(readmeSection(config, renderConnectorFiles(connector, loadTemplatePack()))).not.toContain(
      'Why it is kept',
    );
    const patched = {
      ...config,
      datatypes: {
        ...config.datatypes,
        order: {
          ...config.datatypes['order']!,
          patches: {
            collect: [
              op({ op: 'test', path: '/source/page_size', value: 250 }),
              op({
                op: 'replace',
                path: '/source/page_size',
                value: 50,
                reason: 'the API | caps pages at 50',
              }),
              op({ op: 'add', path: '/transform/0/rules/default/-', value: ['comment', 'x'] }),
            ],
          },
        },
      },
      patches: { system: [op({ op: 'move', from: '/a', path: '/b', was: 1, reason: 'renamed upstream' })] },
    };
    expect(patchesTable(patched)).toEqual([
      'Patches connector.json keeps over what the patterns render (each guarded: the build fails when the pattern changes under it):',
      '',
      '| Datatype | Pipe | Change | Why it is kept |',
      '| --- | --- | --- | --- |',
      '| `order` | `-collect` | `replace /source/page_size` | the API \\| caps pages at 50 |',
      '| `order` | `-collect` | `add /transform/0/rules/default/-` | — (no reason given) |',
      '| system |  | `move /a → /b` | renamed upstream |',
      '',
    ]);
    // In the generated section, after the node parameters and before the diagrams.
    const section = readmeSection(patched, renderConnectorFiles(connector, loadTemplatePack()));
    expect(section.indexOf('| system |  | `move /a → /b` | renamed upstream |')).toBeGreaterThan(
      section.indexOf('Node parameters'),
    );
    expect(section.indexOf('renamed upstream')).toBeLessThan(section.indexOf('```mermaid'));
  });
});
