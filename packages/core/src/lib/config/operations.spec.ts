import { parseJson } from '../json';
import { minimalConnector } from '../../../test/connector-fixtures';
import { datatypePatterns } from '@sesam-connectors/template-pack';
import { checkConnectorConfig } from './load';
import { systemOperations } from './operations';
import type { RenderedSystemConfig } from './package-layout';
import { ConnectorConfigError } from './problems';
import { escapePlaceholders, fillPlaceholders } from './operation-placeholders';

const FILE = 'packages/connectors/acme/connector.json';

/** The connector with a `collect` datatype per entry, restSystem extended by `rest`. */
const connector = (rest: object, datatypes: Record<string, object>) => {
  const value = minimalConnector();
  Object.assign(value['restSystem'], rest);
  value['datatypes'] = { ...datatypes };
  return value;
};

const check = (value: unknown) =>
  checkConnectorConfig(parseJson(JSON.stringify(value)), {
    file: FILE,
    folder: 'acme',
    fileExists: () => false,
  });

const operationsOf = (value: unknown) =>
  systemOperations(check(value).config as RenderedSystemConfig, datatypePatterns).operations;

const problemsOf = (value: unknown): string[] => {
  try {
    check(value);
  } catch (error) {
    if (error instanceof ConnectorConfigError) return error.message.split('\n');
    throw error;
  }
  throw new Error('connector.json was accepted');
};

describe('restSystem.operationDefaults and datatypes.<dt>.path', () => {
  const defaults = {
    operationDefaults: {
      list: {
        payload_property: 'values',
        url: '${path}?fields=*',
        next_page_link: '{{@ base_url @}}/v2/${path}?from={{ body.from + body.count }}',
      },
      lookup: { payload_property: 'value', url: '${path}/{{ entity.id }}?fields=*' },
    },
  };

  it('merges them per role over the pack default; ${path} is the datatype path, else its name', () => {
    const operations = operationsOf(
      connector(defaults, {
        contact: { pattern: 'collect' },
        order: { pattern: 'collect', path: 'sales/orders' },
      }),
    );
    expect(operations['contact-list']).toEqual({
      method: 'GET',
      payload_property: 'values',
      url: 'contact?fields=*',
      next_page_link: '{{@ base_url @}}/v2/contact?from={{ body.from + body.count }}',
    });
    expect(operations['order-lookup']).toEqual({
      method: 'GET',
      payload_property: 'value',
      url: 'sales/orders/{{ entity.id }}?fields=*',
    });
  });

  it('keeps the precedence: pack < operationDefaults < datatype operations < restSystem.operations', () => {
    const operations = operationsOf(
      connector(
        { ...defaults, operations: { 'contact-lookup': { method: 'POST' } } },
        {
          contact: {
            pattern: 'collect',
            operations: {
              list: { payload_property: null, url: '${path}' },
              lookup: { url: 'x/{{ entity.id }}' },
            },
          },
        },
      ),
    );
    // The datatype's own text is literal: no placeholders there.
    expect(operations['contact-list']).toEqual({
      method: 'GET',
      url: '${path}',
      next_page_link: '{{@ base_url @}}/v2/contact?from={{ body.from + body.count }}',
    });
    expect(operations['contact-lookup']).toEqual({
      method: 'POST',
      payload_property: 'value',
      url: 'x/{{ entity.id }}',
    });
  });

  it('"*" is what every operation starts from, those of restSystem.operations too, merged member by member', () => {
    const headers = { Accept: 'application/json', 'SO-Apptoken': '{{@ token @}}' };
    const operations = operationsOf(
      connector(
        {
          operationDefaults: {
            '*': { headers, method: 'POST', next_page_termination_strategy: ['empty-result'] },
            lookup: { headers: { Accept: 'text/csv' } },
          },
          operations: {
            'create-quote': { url: 'Agents/Quote/CreateQuote' },
            'put-update': { url: 'x', method: 'PUT', headers: { 'SO-Apptoken': null, 'X-Id': '1' } },
            'contact-list': { next_page_termination_strategy: null },
          },
        },
        { contact: { pattern: 'collect', operations: { list: { headers: { 'X-Page': '${path}' } } } } },
      ),
    );
    // under the pack's default (method, url) and the role default; objects merge, null removes
    expect(operations['contact-list']).toEqual({
      headers: { ...headers, 'X-Page': '${path}' },
      method: 'GET',
      url: 'contact',
    });
    expect(operations['contact-lookup']).toEqual({
      headers: { Accept: 'text/csv', 'SO-Apptoken': '{{@ token @}}' },
      method: 'GET',
      next_page_termination_strategy: ['empty-result'],
      url: 'contact/{{ entity.id }}',
    });
    expect(operations['create-quote']).toEqual({
      headers,
      method: 'POST',
      next_page_termination_strategy: ['empty-result'],
      url: 'Agents/Quote/CreateQuote',
    });
    expect(operations['put-update']).toEqual({
      headers: { Accept: 'application/json', 'X-Id': '1' },
      method: 'PUT',
      next_page_termination_strategy: ['empty-result'],
      url: 'x',
    });
  });

  it('"*" takes its text as written: a ${…} in it is neither filled nor refused', () => {
    const operations = operationsOf(
      connector(
        { operationDefaults: { '*': { headers: { 'X-Tag': '${path}' } } } },
        { contact: { pattern: 'collect' } },
      ),
    );
    expect(operations['contact-list']!['headers']).toEqual({ 'X-Tag': '${path}' });
  });

  it("a datatype's operationDefaults go under each of its roles, over the connector's", () => {
    const params = { associations: 'contacts', properties: 'name,email' };
    const operations = operationsOf(
      connector(defaults, {
        contact: {
          pattern: 'collect',
          options: { share: true },
          operationDefaults: { params, payload_property: 'results' },
          operations: { insert: { params: null } },
        },
      }),
    );
    expect(operations['contact-list']).toMatchObject({
      params,
      payload_property: 'results',
      url: 'contact?fields=*',
    });
    expect(operations['contact-lookup']).toMatchObject({ params, payload_property: 'results' });
    expect(operations['contact-insert']).toEqual({
      method: 'POST',
      payload_property: 'results',
      url: 'contact',
    });
  });

  it('with systemFile, path and operationDefaults of a datatype have no effect and are refused', () => {
    const value = {
      ...minimalConnector(),
      datatypes: { order: { pattern: 'raw', template: 'templates/order.json', path: 'orders' } },
    };
    delete (value as Record<string, unknown>)['auth'];
    delete (value as Record<string, unknown>)['restSystem'];
    Object.assign(value, { manifestFile: 'raw/manifest.json', systemFile: 'raw/templates/system.json' });
    const problems = (() => {
      try {
        checkConnectorConfig(parseJson(JSON.stringify(value)), {
          file: FILE,
          folder: 'acme',
          fileExists: () => true,
        });
      } catch (error) {
        return (error as Error).message.split('\n');
      }
      return [];
    })();
    expect(problems).toContain(
      `${FILE}: datatypes.order.path: has no effect with systemFile: the system's operations are those in raw/templates/system.json; edit that file instead`,
    );
  });

  it('the default URLs of the other roles follow the merged list URL or the path', () => {
    const operations = operationsOf(
      connector(
        { operationDefaults: { list: { url: '${path}.json?limit=50' } } },
        {
          item: { pattern: 'collect', options: { share: true } },
          order: { pattern: 'collect', options: { share: true }, path: 'v2/orders' },
        },
      ),
    );
    expect(operations['item-update']).toEqual({ method: 'PUT', url: 'item/{{ entity.id }}.json' });
    expect(operations['order-delete']).toEqual({ method: 'DELETE', url: 'v2/orders/{{ entity.id }}.json' });
  });

  it('refuses an unknown placeholder with its JSON path, and a role that is not one', () => {
    expect(
      problemsOf(
        connector({ operationDefaults: { list: { url: '${pth}' } } }, { contact: { pattern: 'collect' } }),
      ),
    ).toEqual([
      `${FILE}: restSystem.operationDefaults.list.url: \${pth} is not a placeholder: operationDefaults fill \${datatype} and \${path}; write $\${pth} for the text \${pth}`,
    ]);
    expect(
      problemsOf(connector({ operationDefaults: { get: {} } }, { contact: { pattern: 'collect' } })),
    ).toEqual([
      `${FILE}: restSystem.operationDefaults.get: unknown field; allowed: list, lookup, insert, update, delete, *`,
    ]);
    expect(problemsOf(connector({}, { contact: { pattern: 'collect', path: '' } }))[0]).toContain(
      `${FILE}: datatypes.contact.path: `,
    );
  });

  it('an operation default without url names where to add it', () => {
    expect(
      problemsOf(
        connector({ operationDefaults: { list: { url: null } } }, { contact: { pattern: 'collect' } }),
      ),
    ).toEqual([
      `${FILE}: restSystem.operationDefaults.list: operation contact-list has no url; Sesam requires url and method`,
    ]);
  });
});

describe('operation placeholders', () => {
  const values = { datatype: 'contact', path: 'crm/contacts' };

  it('fills ${datatype} and ${path} in every string, keeps $${…} as ${…} and other text as is', () => {
    expect(
      fillPlaceholders(
        {
          url: '${path}/{{ entity.id }}',
          p: ['${datatype}s', '$${path}', '${{ properties.x }}', '${other}'],
        },
        values,
      ),
    ).toEqual({
      url: 'crm/contacts/{{ entity.id }}',
      p: ['contacts', '${path}', '${{ properties.x }}', '${other}'],
    });
  });

  it('escapes text so that filling gives it back', () => {
    for (const text of ['${path}', '$${datatype}', 'a${{ b }}', '$$${x}', 'plain']) {
      expect(fillPlaceholders(escapePlaceholders(text), values)).toBe(text);
    }
  });
});
