import { datatypePatterns } from '@sesam-connectors/template-pack';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeConnectorSchema, connectorSchemaText, CONNECTOR_SCHEMA_FILE } from './schema';

const SCHEMA_PATH = join(__dirname, CONNECTOR_SCHEMA_FILE);

describe('connector.schema.json', () => {
  it('is the schema composed from the template pack index (regenerate: UPDATE_CONNECTOR_SCHEMA=1 npx jest schema)', () => {
    const expected = connectorSchemaText();
    if (process.env['UPDATE_CONNECTOR_SCHEMA'] === '1') writeFileSync(SCHEMA_PATH, expected);
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(expected);
  });

  it('lists every pattern of the pack and gives each its own options schema', () => {
    const schema = composeConnectorSchema() as any;
    const datatype = schema.definitions.datatype;
    expect(datatype.properties.pattern.enum).toEqual(['collect', 'webhook', 'webhook-registry', 'raw']);
    const branches = datatype.allOf.map((branch: any) => [
      branch.if.properties.pattern.const,
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
