import { join } from 'node:path';
import {
  minimalConnector,
  tempDir,
  verbatimConnector,
  verbatimFiles,
  writeConnectorPackage,
} from '../../../test/connector-fixtures';
import { datatypePatterns } from '@sesam-connectors/template-pack';
import { parseJson, toJsonText, type JsonValue } from '../json';
import { checkConnectorConfig, loadConnectorConfig } from './load';
import { ConnectorConfigError } from './problems';

const FILE = 'packages/connectors/acme/connector.json';

/** The error lines for a connector.json value (fails the test if it is accepted). */
function problemsOf(value: unknown, files: readonly string[] = []): string[] {
  try {
    checkConnectorConfig(parseJson(JSON.stringify(value)), {
      file: FILE,
      folder: 'acme',
      fileExists: (path) => files.includes(path),
    });
  } catch (error) {
    if (error instanceof ConnectorConfigError) return error.message.split('\n');
    throw error;
  }
  throw new Error('connector.json was accepted');
}

/** The checked config and resolved connector of a connector.json value (throws when it is refused). */
const checkedOf = (value: unknown) =>
  checkConnectorConfig(parseJson(JSON.stringify(value)), {
    file: FILE,
    folder: 'acme',
    fileExists: () => false,
  });

const withDatatype = (name: string, datatype: unknown = { pattern: 'collect' }) => {
  const connector = minimalConnector();
  connector['datatypes'][name] = datatype;
  return connector;
};

describe('checkConnectorConfig', () => {
  it('accepts a valid connector and fills in the defaults', () => {
    const config = checkConnectorConfig(parseJson(JSON.stringify(minimalConnector())), {
      file: FILE,
      folder: 'acme',
      fileExists: () => false,
    }).config;
    expect(config.restSystem!.verifySsl).toBe(true);
    expect(config.restSystem!.headers).toEqual({});
    expect(Object.keys(config.datatypes)).toEqual(['order', 'webhook']);
    expect(config.datatypes['order']!.options).toEqual({});
  });

  it('labels the connector by its system name, first letter upper-cased, unless it has a label', () => {
    const check = (value: unknown) => checkedOf(value).config;
    const connector = minimalConnector();
    delete connector['label'];
    expect(check(connector).label).toBe('Acme');
    expect(check({ ...connector, label: 'ACME Corp' }).label).toBe('ACME Corp');
  });

  it('keeps numbers lossless (a big integer keeps every digit)', () => {
    const text = JSON.stringify(minimalConnector()).replace(
      '"restSystem":{',
      '"restSystem":{"properties":{"first_id":12345678901234567890, "x": 1.0},',
    );
    const config = checkConnectorConfig(parseJson(text), {
      file: FILE,
      folder: 'acme',
      fileExists: () => false,
    }).config;
    expect(String(config.restSystem!.properties['first_id'])).toBe('12345678901234567890');
    expect(String(config.restSystem!.properties['x'])).toBe('1.0');
  });

  it('reports a missing required field with its path and what it is for', () => {
    const connector = minimalConnector();
    delete connector['restSystem']['urlPattern'];
    delete connector['system'];
    expect(problemsOf(connector)).toEqual([
      `${FILE}: system: required field is missing (The system name; equals the folder name. Lower-case letters and digits, starting with a letter.)`,
      `${FILE}: restSystem.urlPattern: required field is missing (Base URL with %s where each operation url goes, e.g. https://{{@ account_id @}}.example.com/api/v1/%s.)`,
    ]);
  });

  it('reports a wrong type with what was found', () => {
    const connector = minimalConnector();
    connector['restSystem']['verifySsl'] = 'yes';
    connector['datatypes']['order']['options'] = { scheduleInterval: '300' };
    expect(problemsOf(connector)).toEqual([
      `${FILE}: restSystem.verifySsl: must be true or false (found the string "yes")`,
      `${FILE}: datatypes.order.options.scheduleInterval: must be an integer (found the string "300")`,
    ]);
  });

  it('reports an unknown pattern with the allowed ones', () => {
    expect(problemsOf(withDatatype('customer', { pattern: 'webhok' }))).toEqual([
      `${FILE}: datatypes.customer.pattern: must be one of collect, webhook, webhook-registry, share, raw`,
    ]);
  });

  it('takes a datatype without a pattern for a collect one: its pattern, options and datatypeDefaults', () => {
    const connector = withDatatype('customer', { options: { supportsSince: true } });
    connector['datatypeDefaults'] = { collect: { options: { scheduleInterval: 600 } } };
    const { config, connector: resolved } = checkedOf(connector);
    expect(config.datatypes['customer']!.pattern).toBe('collect');
    expect(String(config.datatypes['customer']!.options['scheduleInterval'])).toBe('600');
    expect(config.datatypes['customer']!.options['supportsSince']).toBe(true);
    const template = resolved.templates.find((t) => t.datatype === 'customer');
    expect(template?.kind === 'pattern' && template.pattern.name).toBe('collect');
    // Its options are checked as the collect pattern's: topics belongs to webhook.
    const [line] = problemsOf(withDatatype('customer', { options: { topics: ['customer.create'] } }));
    expect(line).toMatch(
      /^packages\/connectors\/acme\/connector\.json: datatypes\.customer\.options\.topics: unknown field/,
    );
  });

  it('requires the pattern when the pack it is checked against has no collect pattern', () => {
    const others = datatypePatterns.filter((pattern) => pattern.name !== 'collect');
    const connector = minimalConnector();
    connector['datatypes'] = { customer: { options: {} } };
    let message = '';
    try {
      checkConnectorConfig(parseJson(JSON.stringify(connector)), {
        file: FILE,
        folder: 'acme',
        fileExists: () => false,
        patterns: others,
      });
    } catch (error) {
      if (!(error instanceof ConnectorConfigError)) throw error;
      message = error.message;
    }
    expect(message).toContain(`${FILE}: datatypes.customer.pattern: required`);
  });

  it('reports an unknown option with a suggestion and the allowed options', () => {
    const [line] = problemsOf(
      withDatatype('customer', { pattern: 'collect', options: { suportsSince: true } }),
    );
    expect(line).toBe(
      `${FILE}: datatypes.customer.options.suportsSince: unknown field; did you mean "supportsSince"?; ` +
        'allowed: supportsSince, scheduleInterval, primaryKey, lastModified, share, identifiers, trace, sourceProperties, sourceType, cronExpression, listOperation, collectTemplate, excludeCompleteness, collectTemplateProperties, shareTemplateProperties, collectPump, copyAll, transformForm, shareOperations, shareIdentifiers, shareDeletionTracking, shareExcludeCompleteness, shareKeepVersions, sharePayloadKey, collectRules, collectRulesFirst, collectFirstTransforms, shareRules, shareFirstTransforms, shareTransformKeys, shareForm, shareStepsEdition, shareStepKeys, collectIdentifiers, collectSink, readerMetadata, runAtStartup, collectSource, parent, allTransform, emitChildren, allPipe',
    );
  });

  it('reports a topic of the wrong shape once, in words', () => {
    const connector = minimalConnector();
    connector['datatypes']['order']['options'] = { topics: ['orders/create', 42] };
    expect(problemsOf(connector)).toEqual([
      `${FILE}: datatypes.order.options.topics[1]: must be a topic string or {"topic": "…", "id": "…"}`,
    ]);
  });

  it('reports a -collect that merges the -event2 that event2Pipe false leaves out, at the list entry', () => {
    const connector = minimalConnector();
    connector['datatypes']['order']['options'] = { event2Pipe: false, collectSource: ['all', 'event2'] };
    expect(problemsOf(connector)).toEqual([
      `${FILE}: datatypes.order.options.collectSource[1]: -collect merges -event2, which event2Pipe false does not make: name the role that holds the events (e.g. "event"), or drop event2Pipe`,
    ]);
  });

  it('needs no webhook datatype for a webhook datatype that registers nothing (registerPipe false)', () => {
    const connector = minimalConnector();
    delete connector['datatypes']['webhook'];
    expect(problemsOf(connector)).toEqual([
      `${FILE}: datatypes.order.pattern: the webhook pattern calls the system operations webhook-lookup and webhook-insert, which nothing defines: add a datatype "webhook" with pattern webhook-registry, or define them in restSystem.operations`,
    ]);
    connector['datatypes']['order']['options'] = { registerPipe: false };
    const config = checkedOf(connector).config;
    expect(config.datatypes['order']!.options).toEqual({ registerPipe: false });
  });

  it.each([
    [
      'order-line',
      `datatypes["order-line"]: datatype name "order-line" contains '-': the sesam tooling splits pipe ids and file names (<system>-<datatype>-<role>) on '-'`,
    ],
    [
      'order/line',
      `datatypes["order/line"]: datatype name "order/line" contains a path separator: pipe ids become file names (pipes/<id>.conf.json) and may not contain '/'`,
    ],
    [
      '..',
      `datatypes[".."]: datatype name ".." contains '.': names become file names (templates/<datatype>.json), and '..' would point outside the folder`,
    ],
    [
      'Order',
      `datatypes.Order: datatype name "Order" has upper-case letters: Sesam names are lower case by convention and file names are case-sensitive`,
    ],
    [
      'order line',
      `datatypes["order line"]: datatype name "order line" contains whitespace: names become pipe ids and file names`,
    ],
    ['1order', `datatypes["1order"]: datatype name "1order" starts with a digit`],
  ])('rejects the datatype name %j and says why', (name, reason) => {
    const lines = problemsOf(withDatatype(name));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${FILE}: ${reason}`);
    expect(lines[0]).toContain('lower-case ASCII letters and digits starting with a letter');
  });

  it('suggests a valid spelling of a bad name', () => {
    expect(problemsOf(withDatatype('Order-Line'))[0]).toContain('(e.g. "orderline")');
  });

  it('rejects a system name with a dash, and a system that is not the folder name', () => {
    const dashed = { ...minimalConnector(), system: 'my-shop' };
    expect(problemsOf(dashed)[0]).toContain(`${FILE}: system: system name "my-shop" contains '-'`);
    const other = { ...minimalConnector(), system: 'other' };
    expect(problemsOf(other)).toEqual([
      `${FILE}: system: is "other" but the package folder is "acme": they must be equal (the Nx project is <system>-connector); rename one of them`,
    ]);
  });

  it('requires at least one datatype', () => {
    expect(problemsOf({ ...minimalConnector(), datatypes: {} })).toEqual([
      `${FILE}: datatypes: must define at least one datatype`,
    ]);
  });

  it('checks reuse targets', () => {
    expect(problemsOf(withDatatype('product', { pattern: 'collect', reuse: 'customer' }))).toEqual([
      `${FILE}: datatypes.product.reuse: datatype "customer" does not exist; it must be one of order, webhook`,
    ]);
    expect(problemsOf(withDatatype('product', { pattern: 'collect', reuse: 'order' }))).toEqual([
      `${FILE}: datatypes.product.pattern: must be webhook, the pattern of "order" whose template it reuses (the system operations follow the pattern)`,
    ]);
  });

  it("gives a datatype that reuses another's template and names no pattern that datatype's pattern", () => {
    const connector = withDatatype('refund', { reuse: 'order' });
    const { config } = checkedOf(connector);
    expect(config.datatypes['order']!.pattern).toBe('webhook');
    expect(config.datatypes['refund']!.pattern).toBe('webhook');
  });

  it('checks the system operations the datatypes need, before anything is rendered', () => {
    const noUrl = minimalConnector();
    noUrl['datatypes']['order']['operations'] = { list: { url: null } };
    expect(problemsOf(noUrl)).toEqual([
      `${FILE}: datatypes.order.operations.list: operation order-list has no url; Sesam requires url and method`,
    ]);
    const noRegistry = minimalConnector();
    delete noRegistry['datatypes']['webhook'];
    expect(problemsOf(noRegistry)[0]).toContain(
      `${FILE}: datatypes.order.pattern: the webhook pattern calls the system operations webhook-lookup and webhook-insert, which nothing defines`,
    );
  });

  it('checks raw datatypes: template required, file present, not a rendered file', () => {
    expect(problemsOf(withDatatype('country', { pattern: 'raw' }))[0]).toBe(
      `${FILE}: datatypes.country.template: required field is missing: pattern raw copies this file (path relative to connector/, kept in raw/<path>)`,
    );
    expect(
      problemsOf(withDatatype('country', { pattern: 'raw', template: 'templates/country.json' })),
    ).toEqual([
      `${FILE}: datatypes.country.template: raw/templates/country.json does not exist in the package folder; put the verbatim file there`,
    ]);
    expect(problemsOf(withDatatype('country', { pattern: 'raw', template: '../x.json' }))[0]).toContain(
      'must be a relative path inside connector/',
    );
    expect(
      problemsOf(withDatatype('country', { pattern: 'raw', template: 'templates/order.json' }), [
        'raw/templates/order.json',
      ]),
    ).toEqual([
      `${FILE}: datatypes.country.template: "templates/order.json" is a file the build already writes (the manifest, the system template or a pattern datatype's template); choose another path`,
    ]);
  });

  it('refuses the datatype name system: its template would overwrite the system template', () => {
    const message = `${FILE}: datatypes.system: "system" cannot be a datatype name: its template would be templates/system.json, which is the system template; choose another name`;
    expect(problemsOf(withDatatype('system'))).toEqual([message]);
    expect(problemsOf(withDatatype('system', { pattern: 'collect', reuse: 'order' }))).toContain(message);
  });

  it('rejects fields that belong to another auth type or are generated', () => {
    const connector = minimalConnector();
    connector['auth']['accessTokenHeader'] = 'X-Token';
    connector['manifest'] = { datatypes: {} };
    connector['restSystem']['properties'] = { url_pattern: 'x' };
    expect(problemsOf(connector)).toEqual([
      `${FILE}: auth.accessTokenHeader: only applies to auth.type oauth2, not api_key; remove it`,
      `${FILE}: manifest.datatypes: cannot be set here: it is generated from datatypes`,
      `${FILE}: restSystem.properties.url_pattern: cannot be set here: set restSystem.urlPattern`,
    ]);
  });

  it('requires the oauth2 manifest fields for oauth2', () => {
    const connector = { ...minimalConnector(), auth: { type: 'oauth2', loginUrl: 'https://x/login' } };
    expect(problemsOf(connector)).toEqual([
      `${FILE}: auth.tokenUrl: required field is missing`,
      `${FILE}: auth.scopes: required field is missing`,
    ]);
  });

  it('reports webhook topics that would share a registration _id', () => {
    const connector = minimalConnector();
    connector['datatypes']['order']['options'] = { topics: ['orders/create', 'customers/create'] };
    expect(problemsOf(connector)).toEqual([
      `${FILE}: datatypes.order.options.topics[1]: registration _id "{{@ datatype @}}-create" is already used by topics[0]: ` +
        'each topic needs its own permanent _id; write {"topic": "customers/create", "id": "<unique id>"}',
    ]);
  });
});

describe('name lengths: every file derived from a name fits 255 bytes', () => {
  // pipes/xxxxxx-<datatype>-registerwebhook.conf.json is the longest name a datatype of acme makes.
  const longest = 255 - 'xxxxxx--registerwebhook.conf.json'.length;

  it('accepts the longest datatype name whose files fit', () => {
    const config = checkConnectorConfig(parseJson(JSON.stringify(withDatatype('a'.repeat(longest)))), {
      file: FILE,
      folder: 'acme',
      fileExists: () => false,
    }).config;
    expect(Object.keys(config.datatypes)).toContain('a'.repeat(longest));
  });

  it.each([longest + 1, 250, 10_000])('refuses a datatype name of %d characters', (length) => {
    expect(problemsOf(withDatatype('a'.repeat(length)))).toEqual([
      expect.stringContaining(
        `datatype name is ${length} bytes long: with system "acme" it may have at most ${longest}`,
      ),
    ]);
  });

  it('refuses a system name whose pipe files cannot fit', () => {
    const system = 'a'.repeat(300);
    expect(problemsOf(minimalConnector(system)).join('\n')).toContain(
      'system: is 300 bytes long: its pipe files',
    );
  });
});

describe('typed numeric fields: integers in range, as Sesam reads them', () => {
  const withOperation = (value: string): string =>
    JSON.stringify(withDatatype('customer')).replace(
      '"customer":{"pattern":"collect"}',
      `"customer":{"pattern":"collect","operations":{"list":{"page_size":${value}}}}`,
    );
  const problemsOfText = (text: string): string[] => {
    try {
      checkConnectorConfig(parseJson(text), { file: FILE, folder: 'acme', fileExists: () => false });
    } catch (error) {
      if (error instanceof ConnectorConfigError) return error.message.split('\n');
      throw error;
    }
    throw new Error('connector.json was accepted');
  };
  const at = `${FILE}: datatypes.customer.operations.list.page_size: `;

  it.each([
    ['1.0', 'must be an integer (found the number 1.0)'],
    ['1e2', 'must be an integer (found the number 1e2)'],
    ['2.5', 'must be an integer (found the number 2.5)'],
    ['"x"', 'must be an integer (found the string "x")'],
    ['18446744073709551616', 'must be at most 1000000'],
    ['0', 'must be at least 1'],
  ])('page_size %s is refused', (value, message) => {
    expect(problemsOfText(withOperation(value))).toEqual([`${at}${message}`]);
  });

  it('accepts an integer page_size and keeps it as written', () => {
    const config = checkConnectorConfig(parseJson(withOperation('100')), {
      file: FILE,
      folder: 'acme',
      fileExists: () => false,
    }).config;
    expect(String(config.datatypes['customer']!.operations['list']!['page_size'])).toBe('100');
  });

  it('types scheduleInterval and the system-wide rate limiting and worker_threads', () => {
    const connector = withDatatype('customer', { pattern: 'collect', options: { scheduleInterval: 300.0 } });
    connector['restSystem']['properties'] = { worker_threads: 0, rate_limiting_retries: 1.5 };
    expect(
      problemsOfText(JSON.stringify(connector).replace('"scheduleInterval":300', '"scheduleInterval":300.0')),
    ).toEqual([
      `${FILE}: restSystem.properties.rate_limiting_retries: must be an integer (found the number 1.5)`,
      `${FILE}: restSystem.properties.worker_threads: must be at least 1`,
      `${FILE}: datatypes.customer.options.scheduleInterval: must be an integer (found the number 300.0)`,
    ]);
  });
});

describe('loading connector.json refuses what Python would take silently', () => {
  it.each([
    ['{"system": "acme", "system": "acme"}', 'Duplicate key "system" (first at line 1 column 2'],
    ['{"system": NaN}', 'NaN is not a number Sesam accepts'],
    ['{"x": 1e400}', '1e400 is beyond the range of a float'],
  ])('%s', (text, message) => {
    const pkg = writeConnectorPackage(tempDir(), 'acme', text);
    expect(() => loadConnectorConfig(join(pkg, 'connector.json'), { displayPath: 'connector.json' })).toThrow(
      message,
    );
  });
});

describe('systemFile: a verbatim system template (import)', () => {
  const files = Object.keys(verbatimFiles());
  const problemsWithout = (field: string) => {
    const { [field]: _, ...connector } = verbatimConnector();
    return problemsOf(connector, files);
  };
  const withChange = (change: (c: Record<string, any>) => void) => {
    const connector = verbatimConnector();
    change(connector);
    return connector;
  };

  it('replaces auth and restSystem, which the config then does not have', () => {
    const { config, warnings } = checkConnectorConfig(parseJson(JSON.stringify(verbatimConnector())), {
      file: FILE,
      folder: 'acme',
      fileExists: (path) => files.includes(path),
    });
    expect(config.systemFile).toBe('raw/templates/system.json');
    expect([config.auth, config.restSystem]).toEqual([undefined, undefined]);
    expect(warnings).toEqual([]);
  });

  it('is the only thing that replaces them: without it auth and restSystem are required, saying why', () => {
    expect(problemsWithout('systemFile')).toEqual([
      `${FILE}: auth: required field is missing (needed to render the system template; only systemFile (a verbatim copy) replaces it)`,
      `${FILE}: restSystem: required field is missing (needed to render the system template; only systemFile (a verbatim copy) replaces it)`,
    ]);
  });

  it('rejects auth and restSystem beside it', () => {
    const { auth, restSystem } = minimalConnector();
    expect(problemsOf({ ...verbatimConnector(), auth, restSystem }, files)).toEqual([
      `${FILE}: auth: has no effect with systemFile (the system template is copied from raw/templates/system.json); remove it`,
      `${FILE}: restSystem: has no effect with systemFile (the system template is copied from raw/templates/system.json); remove it`,
    ]);
  });

  it('takes a generated manifest, whose auth passes through manifest (it has no auth of its own)', () => {
    expect(() => problemsWithout('manifestFile')).toThrow('connector.json was accepted');
    const { manifestFile: _, ...connector } = verbatimConnector();
    expect(problemsOf({ ...connector, auth: { type: 'api_key' } }, files)).toEqual([
      `${FILE}: auth: has no effect with systemFile (the system template is copied from raw/templates/system.json); remove it`,
    ]);
  });

  it.each([
    [
      'templates/system.json',
      `"templates/system.json" must be in raw/, at raw/<the manifest's system-template> (e.g. raw/templates/system.json): the build copies it to that path in connector/`,
    ],
    [
      'raw/../system.json',
      '"raw/../system.json" must be a relative path inside the package (no leading /, no \\, . or .. segments)',
    ],
    ['raw/templates/sys.json', '"raw/templates/sys.json" does not exist in the package folder'],
    [
      'raw/manifest.json',
      '"raw/manifest.json" would be copied to connector/manifest.json, over the manifest; keep the system template at raw/templates/system.json',
    ],
  ])('rejects systemFile %j', (systemFile, reason) => {
    expect(problemsOf({ ...verbatimConnector(), systemFile }, files)).toEqual([
      `${FILE}: systemFile: ${reason}`,
    ]);
  });

  it('rejects per-datatype operations (the system file holds the operations)', () => {
    const connector = withChange(
      (c) => (c['datatypes']['order'] = { pattern: 'collect', operations: { list: { url: 'orders' } } }),
    );
    expect(problemsOf(connector, files)).toEqual([
      `${FILE}: datatypes.order.operations: has no effect with systemFile: the system's operations are those in raw/templates/system.json; edit that file instead`,
    ]);
  });

  it('refuses a pattern datatype whose template would be the verbatim system template', () => {
    const connector = withChange((c) => (c['datatypes']['sys'] = { pattern: 'collect' }));
    connector['systemFile'] = 'raw/templates/sys.json';
    expect(problemsOf(connector, [...files, 'raw/templates/sys.json'])).toContain(
      `${FILE}: datatypes.sys: "sys" cannot be a datatype name: its template would be templates/sys.json, which is the system template; choose another name`,
    );
  });

  it('keeps a raw template from being written over the system template', () => {
    const connector = withChange((c) => (c['datatypes']['order']['template'] = 'templates/sys.json'));
    connector['systemFile'] = 'raw/templates/sys.json';
    expect(problemsOf(connector, [...files, 'raw/templates/sys.json'])).toEqual([
      `${FILE}: datatypes.order.template: "templates/sys.json" is a file the build already writes (the manifest, the system template or a pattern datatype's template); choose another path`,
    ]);
  });
});

describe('legacy shapes an imported package keeps (manifestFile only)', () => {
  const files = Object.keys(verbatimFiles({ 'business-unit': 'templates/business-unit.json' }));
  const importedWith = (datatypes: Record<string, unknown>): Record<string, any> => ({
    ...verbatimConnector(),
    datatypes,
  });
  const warningsOf = (value: unknown, present: readonly string[] = files) =>
    checkConnectorConfig(parseJson(JSON.stringify(value)), {
      file: FILE,
      folder: 'acme',
      fileExists: (path) => present.includes(path),
    }).warnings;
  const raw = (template: string) => ({ pattern: 'raw', template });

  it("accepts a raw datatype's legacy name with a warning", () => {
    expect(warningsOf(importedWith({ 'business-unit': raw('templates/business-unit.json') }))).toEqual([
      `${FILE}: datatypes["business-unit"]: datatype name "business-unit" contains '-': the sesam tooling splits pipe ids and file names (<system>-<datatype>-<role>) on '-', so the datatype would be cut apart; ` +
        `datatype names are lower-case ASCII letters and digits starting with a letter (e.g. "businessunit"). ` +
        "Kept as imported (raw/manifest.json and the template are verbatim copies), and sesam validate's strict/datatype-name reports it too; rename it in both and here when you can",
    ]);
  });

  it('accepts the legacy name on a datatype the engine renders with manifestFile, with a warning', () => {
    const { systemFile: _, ...connector } = importedWith({ 'order-line': { pattern: 'collect' } });
    const { auth, restSystem } = minimalConnector();
    Object.assign(connector, { auth, restSystem });
    expect(() => problemsOf(connector, files)).toThrow('connector.json was accepted');
    expect(warningsOf(connector)).toEqual([
      `${FILE}: datatypes["order-line"]: datatype name "order-line" contains '-': the sesam tooling splits pipe ids and file names (<system>-<datatype>-<role>) on '-', so the datatype would be cut apart; ` +
        `datatype names are lower-case ASCII letters and digits starting with a letter (e.g. "orderline"). ` +
        "Kept as imported (raw/manifest.json is a verbatim copy, and the pipes, template file and operations the pattern renders carry the name as the source's did), and sesam validate's strict/datatype-name reports it too; rename it in both and here when you can",
    ]);
  });

  it('rejects a name that breaks the rule with more than -, _ or upper case on a rendered datatype, even with manifestFile', () => {
    const { systemFile: _, ...connector } = importedWith({ 'order.line': { pattern: 'collect' } });
    const { auth, restSystem } = minimalConnector();
    expect(problemsOf({ ...connector, auth, restSystem }, files)[0]).toMatch(
      /^.*datatypes\["order\.line"\]: datatype name "order\.line" contains '\.'.*A package with manifestFile keeps such a name only when it breaks the rule with '-', '_' or upper case alone$/,
    );
  });

  it.each([
    ['a/b', 'contains a path separator'],
    ['a.b', "contains '.'"],
    ['a b', 'contains whitespace'],
    ['1a', 'starts with a digit'],
  ])('rejects the raw datatype name %j, which no import keeps (%s)', (name, reason) => {
    const [line] = problemsOf(importedWith({ [name]: raw('templates/business-unit.json') }), files);
    expect(line).toContain(`datatype name ${JSON.stringify(name)} ${reason}`);
  });

  it('rejects a legacy name without manifestFile, raw or not', () => {
    const connector = withDatatype('business-unit', raw('templates/business-unit.json'));
    expect(problemsOf(connector, files)[0]).toContain(
      `${FILE}: datatypes["business-unit"]: datatype name "business-unit" contains '-'`,
    );
  });

  it('accepts no datatypes with manifestFile (and only then)', () => {
    expect(warningsOf(importedWith({}))).toEqual([]);
    expect(problemsOf({ ...minimalConnector(), datatypes: {} })).toEqual([
      `${FILE}: datatypes: must define at least one datatype`,
    ]);
  });

  it('warns about a raw template the verbatim manifest names but the package lacks', () => {
    expect(warningsOf(importedWith({ order: raw('templates/gone.json') }))).toEqual([
      `${FILE}: datatypes.order.template: raw/templates/gone.json does not exist, so the build writes no templates/gone.json; ` +
        'raw/manifest.json names it, and sesam expand fails on it (TemplateNotFound) as on the source. Add the file, or remove datatypes.order here and in raw/manifest.json',
    ]);
  });
});

describe('loadConnectorConfig', () => {
  it('reports invalid JSON with its position', () => {
    const dir = writeConnectorPackage(tempDir(), 'acme', '{"system": "acme",\n "label": }');
    expect(() => loadConnectorConfig(join(dir, 'connector.json'), { displayPath: FILE }).config).toThrow(
      `${FILE}: not valid JSON: Expecting value: line 2 column 11 (char 29)`,
    );
  });

  it('reports a missing connector.json', () => {
    expect(
      () => loadConnectorConfig(join(tempDir(), 'acme', 'connector.json'), { displayPath: FILE }).config,
    ).toThrow(`${FILE}: file not found: every connector package needs a connector.json`);
  });

  it("loadConnectorConfig returns the checks' warnings with the file named as given", () => {
    const files = verbatimFiles({ order: 'templates/order.json', 'order-line': 'templates/order.json' });
    const connector = verbatimConnector();
    connector['datatypes']['order-line'] = { pattern: 'raw', template: 'templates/order.json' };
    const dir = writeConnectorPackage(tempDir(), 'acme', connector, files);
    const { config, warnings } = loadConnectorConfig(join(dir, 'connector.json'), { displayPath: FILE });
    expect(Object.keys(config.datatypes)).toEqual(['order', 'order-line']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^packages\/connectors\/acme\/connector.json: datatypes\["order-line"\]: .*Kept as imported/,
    );
  });

  it('reads a verbatim manifest and reports where it disagrees with connector.json, so that render never meets it', () => {
    const files = verbatimFiles({ order: 'templates/order.json' });
    files['raw/manifest.json'] = JSON.stringify({
      datatypes: { order: { template: 'templates/x.json' } },
      'system-template': 'templates/system.json',
    });
    const dir = writeConnectorPackage(tempDir(), 'acme', verbatimConnector(), files);
    expect(() => loadConnectorConfig(join(dir, 'connector.json'), { displayPath: FILE })).toThrow(
      new ConnectorConfigError(FILE, [
        {
          path: ['manifestFile'],
          message:
            'raw/manifest.json: datatypes.order.template must be "templates/order.json" (what the build writes for it)',
        },
      ]),
    );
    files['raw/manifest.json'] = '{"datatypes": {,}}';
    writeConnectorPackage(dir, '.', verbatimConnector(), files);
    expect(() => loadConnectorConfig(join(dir, 'connector.json'), { displayPath: FILE })).toThrow(
      `${FILE}: manifestFile: raw/manifest.json: not valid JSON: Expecting property name enclosed in double quotes: line 1 column 16 (char 15)`,
    );
  });

  it('gives the renderer the verbatim files it read, resolved: the raw templates and where the system template goes', () => {
    const files = verbatimFiles({ order: 'templates/order.json' });
    const dir = writeConnectorPackage(tempDir(), 'acme', verbatimConnector(), files);
    const { connector } = loadConnectorConfig(join(dir, 'connector.json'), { displayPath: FILE });
    expect(Object.fromEntries(connector.rawFiles)).toEqual(files);
    expect(connector.templates).toEqual([
      { kind: 'raw', datatype: 'order', file: 'templates/order.json', source: 'raw/templates/order.json' },
    ]);
    expect([connector.systemTemplate, connector.system]).toEqual(['templates/system.json', undefined]);
  });

  it('names the file relative to the current directory by default and finds raw files in the package', () => {
    const parent = tempDir();
    const connector = withDatatype('country', { pattern: 'raw', template: 'templates/country.json' });
    const dir = writeConnectorPackage(parent, 'acme', connector, { 'raw/templates/country.json': '[]' });
    expect(loadConnectorConfig(join(dir, 'connector.json')).config.datatypes['country']!.template).toBe(
      'templates/country.json',
    );
    const cwd = process.cwd();
    try {
      process.chdir(parent);
      writeConnectorPackage(parent, 'acme', { ...connector, label: 7 });
      expect(() => loadConnectorConfig(join(dir, 'connector.json')).config).toThrow(
        `acme/connector.json: label: must be a string (found the number 7)`,
      );
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('datatypeDefaults', () => {
  const check = (value: unknown) => checkedOf(value).config;

  it("merges a datatype's own options over its pattern's defaults, option by option", () => {
    const connector = minimalConnector();
    connector['datatypeDefaults'] = { collect: { options: { supportsSince: true, scheduleInterval: 600 } } };
    connector['datatypes'] = {
      customer: { pattern: 'collect' },
      invoice: { pattern: 'collect', options: { scheduleInterval: 60 } },
      order: { pattern: 'webhook' },
      webhook: { pattern: 'webhook-registry' },
    };
    const config = check(connector);
    expect(config.datatypes['customer']!.options).toEqual({
      supportsSince: true,
      scheduleInterval: expect.anything(),
    });
    expect(String(config.datatypes['customer']!.options['scheduleInterval'])).toBe('600');
    expect(String(config.datatypes['invoice']!.options['scheduleInterval'])).toBe('60');
    expect(config.datatypes['invoice']!.options['supportsSince']).toBe(true);
    expect(config.datatypes['order']!.options).toEqual({});
    expect(config).not.toHaveProperty('datatypeDefaults');
  });

  it("starts a pattern's datatypes from a preset: its values, datatypeDefaults' options over them, the datatype's own over both", () => {
    const connector = minimalConnector();
    connector['datatypeDefaults'] = { collect: { preset: 'plain', options: { copyAll: true } } };
    connector['datatypes'] = {
      customer: { pattern: 'collect' },
      invoice: { options: { collectPump: true, excludeCompleteness: null } },
      order: { pattern: 'webhook' },
      webhook: { pattern: 'webhook-registry' },
    };
    const config = check(connector);
    expect(config.datatypes['customer']!.options).toEqual({
      collectSource: 'api',
      collectTemplate: 'none',
      excludeCompleteness: false,
      collectPump: false,
      copyAll: true,
    });
    // null unsets the preset's value too: the pattern's own default applies
    expect(config.datatypes['invoice']!.options).toEqual({
      collectSource: 'api',
      collectTemplate: 'none',
      collectPump: true,
      copyAll: true,
    });
    expect(config.datatypes['order']!.options).toEqual({});
  });

  it('names the presets a pattern has when datatypeDefaults asks for another', () => {
    const connector = minimalConnector();
    connector['datatypeDefaults'] = { collect: { preset: 'simple' }, webhook: { preset: 'plain' } };
    expect(problemsOf(connector)).toEqual([
      `${FILE}: datatypeDefaults.collect.preset: must be one of plain`,
      `${FILE}: datatypeDefaults.webhook.preset: unknown field; allowed: options`,
    ]);
  });

  it('merges an object-valued option member by member: null removes a member, arrays replace', () => {
    const connector = minimalConnector();
    connector['datatypeDefaults'] = {
      collect: {
        options: {
          sourceProperties: { payload_property: 'data', properties: { limit: 100, sort: 'id' } },
          excludeCompleteness: ['a'],
        },
      },
    };
    connector['datatypes'] = {
      customer: { pattern: 'collect' },
      invoice: {
        pattern: 'collect',
        options: {
          sourceProperties: { properties: { sort: null, expand: 'lines' }, id_expression: '{{ id }}' },
          excludeCompleteness: ['b'],
        },
      },
      order: { pattern: 'webhook' },
      webhook: { pattern: 'webhook-registry' },
    };
    const config = check(connector);
    const plain = (value: unknown) => JSON.parse(toJsonText(value as JsonValue));
    expect(plain(config.datatypes['customer']!.options)).toEqual({
      sourceProperties: { payload_property: 'data', properties: { limit: 100, sort: 'id' } },
      excludeCompleteness: ['a'],
    });
    expect(plain(config.datatypes['invoice']!.options)).toEqual({
      sourceProperties: {
        payload_property: 'data',
        properties: { limit: 100, expand: 'lines' },
        id_expression: '{{ id }}',
      },
      excludeCompleteness: ['b'],
    });
  });

  it("unsets an option set to null: the pattern's own default applies, not datatypeDefaults'", () => {
    const connector = minimalConnector();
    connector['datatypeDefaults'] = {
      collect: { options: { supportsSince: true, sourceProperties: { payload_property: 'data' } } },
    };
    connector['datatypes'] = {
      customer: { pattern: 'collect', options: { supportsSince: null, sourceProperties: null } },
      order: { pattern: 'webhook' },
      webhook: { pattern: 'webhook-registry' },
    };
    expect(check(connector).datatypes['customer']!.options).toEqual({});
    // only a datatype's own options may be null; the defaults say values
    connector['datatypeDefaults'] = { collect: { options: { supportsSince: null } } };
    expect(problemsOf(connector).join('\n')).toContain(
      'datatypeDefaults.collect.options.supportsSince: must be true or false (found null)',
    );
  });

  it('gives no defaults to a datatype that reuses another one’s template', () => {
    const connector = minimalConnector();
    connector['datatypeDefaults'] = { collect: { options: { supportsSince: true } } };
    connector['datatypes'] = {
      customer: { pattern: 'collect' },
      person: { pattern: 'collect', reuse: 'customer' },
      order: { pattern: 'webhook' },
      webhook: { pattern: 'webhook-registry' },
    };
    expect(check(connector).datatypes['person']!.options).toEqual({});
  });

  it("checks the defaults against the pattern's option schema, at their own path", () => {
    const connector = minimalConnector();
    connector['datatypeDefaults'] = { collect: { options: { supportsSince: 'yes', nosuch: 1 } } };
    const problems = problemsOf(connector).join('\n');
    expect(problems).toContain('datatypeDefaults.collect.options.supportsSince');
    expect(problems).toContain('nosuch');
  });

  it('refuses defaults for a pattern that takes no options (raw)', () => {
    const connector = minimalConnector();
    connector['datatypeDefaults'] = { raw: { options: {} } };
    expect(problemsOf(connector).join('\n')).toContain('datatypeDefaults');
  });
});
