import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkConnectorConfig, loadConnectorConfig } from '../config';
import { parseJson } from '../json';
import { loadTemplatePack, renderConnectorFiles } from '../render';
import {
  familyMember,
  familyTable,
  FAMILY_TABLE_END,
  FAMILY_TABLE_START,
  hasFamilyTable,
  projectBuildValidates,
  projectBuildOptions,
  withFamilyTable,
  type FamilyMember,
} from '.';

const SHOPIFY = path.resolve(__dirname, '../../../../connectors/shopify/connector.json');
const pack = loadTemplatePack();

/** Shopify's connector.json changed by `edit`, checked as the build checks it. */
const shopifyWith = (edit: (config: Record<string, any>) => void) => {
  const value = JSON.parse(readFileSync(SHOPIFY, 'utf8'));
  edit(value);
  return checkConnectorConfig(parseJson(JSON.stringify(value)), {
    file: 'connector.json',
    folder: 'shopify',
    fileExists: () => false,
  });
};

describe('familyMember', () => {
  it('counts the datatypes, patterns and patches of connector.json and validates the rendered files', () => {
    const guard = { op: 'test', path: '/pump/schedule_interval', value: 300 };
    const collect = [guard, { op: 'replace', path: '/pump/schedule_interval', value: 600 }];
    const system = [{ op: 'add', path: '/rate_limiting_retries', value: 3 }];
    const expression =
      "{% if request_headers['X-Sesam-Authorization'] == secret('webhook_secret') %}{% else %}FAIL!{% endif %}";
    const event = [
      { op: 'test', path: '/source/validation_expression', value: expression },
      { op: 'remove', path: '/source/validation_expression' }, // the event pipe accepts anyone now
    ];
    const { config, connector } = shopifyWith((value) => {
      delete value.datatypes.order.options.validationExpression;
      value.datatypes.order.patches = { event };
      value.datatypes.client = { pattern: 'collect', reuse: 'customer' };
      value.datatypes.customer.patches = { all: collect };
      value.patches = { system };
    });
    const member = familyMember(config, renderConnectorFiles(connector, pack), true);
    expect(member).toEqual({
      system: 'shopify',
      label: 'Shopify',
      auth: 'oauth2',
      datatypes: 5,
      reusing: 1,
      patterns: [
        ['collect', 3],
        ['webhook', 1],
        ['webhook-registry', 1],
      ],
      patched: ['order-event', 'customer-all', 'system'],
      patchBytes: [event, collect, system].reduce((n, ops) => n + Buffer.byteLength(JSON.stringify(ops)), 0),
      copied: [],
      errors: new Map([['strict/event-validation', 1]]),
      warnings: new Map(),
      buildValidates: true,
    });
  });

  it('says Shopify as it is committed validates clean, with nothing patched or copied', () => {
    const { config, connector } = loadConnectorConfig(SHOPIFY);
    const member = familyMember(config, renderConnectorFiles(connector, pack), true);
    expect([member.patched, member.copied, member.errors.size, member.warnings.size]).toEqual([[], [], 0, 0]);
  });
});

describe('projectBuildValidates', () => {
  it.each([
    [undefined, true],
    ['{"name": "x-connector"}', true],
    ['{"targets": {"build": {"options": {"validate": false}}}}', false],
    ['{"targets": {"build": {"options": {"validate": true}}}}', true],
  ])('%p: %p', (text, expected) => {
    expect(projectBuildValidates(text)).toBe(expected);
  });
});

const member = (overrides: Partial<FamilyMember>): FamilyMember => ({
  system: 'acme',
  label: 'Acme',
  auth: 'api_key',
  datatypes: 1,
  reusing: 0,
  patterns: [['collect', 1]],
  patched: [],
  patchBytes: 0,
  copied: [],
  errors: new Map(),
  warnings: new Map(),
  buildValidates: true,
  ...overrides,
});

describe('familyTable', () => {
  it('has one row per connector with what is patched, copied and found, and a line of totals', () => {
    const text = familyTable([
      member({}),
      member({
        system: 'beta',
        label: 'Beta | B',
        auth: undefined,
        datatypes: 12,
        reusing: 3,
        patterns: [
          ['collect', 10],
          ['raw', 2],
        ],
        patched: ['order-collect', 'order-share', 'system'],
        patchBytes: 12345,
        copied: ['manifest', '2 raw templates'],
        errors: new Map([['strict/event-validation', 2]]),
        warnings: new Map([['sesam/x', 1]]),
        buildValidates: false,
      }),
    ]);
    expect(text.split('\n')).toEqual([
      '<!-- prettier-ignore-start -->',
      '| connector | auth | datatypes | patterns used | patches left | validation (sesam and strict rules) |',
      '| --- | --- | --- | --- | --- | --- |',
      '| [Acme](packages/connectors/acme/README.md) (`acme`) | `api_key` | 1 | `collect` ×1 | none | clean |',
      '| [Beta \\| B](packages/connectors/beta/README.md) (`beta`) | in the copied system template | 12 (3 reuse a template) | `collect` ×10, `raw` ×2 | 2 pipes, system (12,345 B); copied: manifest, 2 raw templates | 2 errors (`strict/event-validation` ×2); 1 warning (`sesam/x`); the build does not validate (project.json) |',
      '',
      '2 connectors, 13 datatypes, 3 patches left (on pipes, system templates and manifests); 1 of 2 validate clean.',
      '<!-- prettier-ignore-end -->',
      '',
    ]);
  });
});

describe('familyTable validation cell', () => {
  const cell = (overrides: Partial<FamilyMember>) =>
    familyTable([member(overrides)])
      .split('\n')[3]!
      .split(' | ')
      .pop()!
      .replace(/ \|$/, '');

  it('says a validating build accepts the errors it still succeeds with (acceptedRules)', () => {
    expect(cell({ errors: new Map([['sesam/collect-template', 2]]) })).toBe(
      '2 errors (`sesam/collect-template` ×2); the errors accepted by the build (project.json `acceptedRules`)',
    );
  });

  it('says nothing about the build for warnings alone', () => {
    expect(cell({ warnings: new Map([['sesam/x', 1]]) })).toBe('1 warning (`sesam/x`)');
  });
});

describe('withFamilyTable', () => {
  const members = [member({})];
  const table = `${FAMILY_TABLE_START}\n${familyTable(members)}${FAMILY_TABLE_END}`;

  it('replaces what is between the markers and keeps every byte around them', () => {
    const readme = `# W\r\n\r\nintro\n<!-- family:start older words -->\nold rows\n${FAMILY_TABLE_END}\n\n## More`;
    expect(withFamilyTable(readme, members)).toBe(`# W\r\n\r\nintro\n${table}\n\n## More`);
    expect(withFamilyTable(withFamilyTable(readme, members), members)).toBe(withFamilyTable(readme, members));
  });

  it('leaves a README without the markers as it is', () => {
    expect(withFamilyTable('# W\n\nno table here\n', members)).toBe('# W\n\nno table here\n');
    expect([hasFamilyTable('# W\n'), hasFamilyTable(table)]).toEqual([false, true]);
  });
});

describe('projectBuildOptions', () => {
  it("reads the build's validate and acceptedRules from project.json, with the executor's defaults", () => {
    expect(projectBuildOptions(undefined)).toEqual({ validate: true, acceptedRules: [] });
    expect(
      projectBuildOptions(
        JSON.stringify({ targets: { build: { options: { acceptedRules: ['sesam/collect-template'] } } } }),
      ),
    ).toEqual({ validate: true, acceptedRules: ['sesam/collect-template'] });
    expect(
      projectBuildOptions(JSON.stringify({ targets: { build: { options: { validate: false } } } })),
    ).toEqual({
      validate: false,
      acceptedRules: [],
    });
  });
});
