import { datatypePatterns } from '@sesam-connectors/template-pack';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeConnectorSchema, connectorSchemaText, CONNECTOR_SCHEMA_FILE } from './schema';
import {
  compileConnectorSchema,
  connectorSchemaValidator,
  PRECOMPILED_VALIDATOR_FILE,
} from './schema-validator';
import { precompiledValidatorCode } from './validator-code';

const SCHEMA_PATH = join(__dirname, '../../../schemas', CONNECTOR_SCHEMA_FILE);
const VALIDATOR_PATH = join(__dirname, PRECOMPILED_VALIDATOR_FILE);

describe('connector.schema.json', () => {
  it('is the schema composed from the template pack index (regenerate: UPDATE_CONNECTOR_SCHEMA=1 npx jest schema)', () => {
    const expected = connectorSchemaText();
    if (process.env['UPDATE_CONNECTOR_SCHEMA'] === '1') writeFileSync(SCHEMA_PATH, expected);
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(expected);
  });

  it('has its precompiled validator beside it, made from the same schema (regenerate as above)', () => {
    const expected = precompiledValidatorCode();
    if (process.env['UPDATE_CONNECTOR_SCHEMA'] === '1') writeFileSync(VALIDATOR_PATH, expected);
    expect(readFileSync(VALIDATOR_PATH, 'utf8')).toBe(expected);
  });

  it('is checked by the precompiled validator for the pack, and compiled at run time for other patterns', () => {
    const precompiled = require(VALIDATOR_PATH);
    expect(connectorSchemaValidator(datatypePatterns)).toBe(precompiled);
    const otherPatterns = datatypePatterns.filter((pattern) => pattern.name !== 'raw');
    const compiled = connectorSchemaValidator(otherPatterns);
    expect(compiled).not.toBe(precompiled);
    expect(connectorSchemaValidator(otherPatterns)).toBe(compiled); // once per process
    // Both give the same verdicts and errors on the same input.
    const runtime = compileConnectorSchema(datatypePatterns);
    for (const input of [
      { system: 'acme' },
      { system: 'Acme', label: 3, datatypes: { order: { pattern: 'stream' } } },
      JSON.parse(readFileSync(join(__dirname, '../../../../connectors/shopify/connector.json'), 'utf8')),
    ]) {
      expect([precompiled(input), precompiled.errors]).toEqual([runtime(input), runtime.errors]);
    }
  });

  it('lists every pattern of the pack and gives each its own options schema', () => {
    const schema = composeConnectorSchema() as any;
    const datatype = schema.definitions.datatype;
    expect(datatype.properties.pattern.enum).toEqual([
      'collect',
      'webhook',
      'webhook-registry',
      'share',
      'raw',
    ]);
    const branches = datatype.allOf.map((branch: any) => [
      (branch.if.properties ?? branch.if.anyOf[0].properties).pattern.const,
      Object.keys(branch.then.properties.options.properties).sort(),
    ]);
    expect(branches).toEqual(
      datatypePatterns.map((pattern) => [pattern.name, Object.keys(pattern.options).sort()]),
    );
    const webhookOptions = datatype.allOf[1].then.properties.options.properties;
    expect(webhookOptions.webhookIdPath.default).toBe('sink.insert_response.value.id');
    expect(webhookOptions.topics.default).toEqual(['{{@ datatype @}}/create']);
  });
});
