import { memorySource } from './connector-source';
import { ExpandError } from './errors';
import { expandConnector, type ExpandOptions, type ExpandResult } from './expand';

type Files = Record<string, string | object | Uint8Array>;

/** A tiny connector in memory: objects are written as JSON, strings as they are. */
function expand(files: Files, options?: ExpandOptions): ExpandResult {
  const texts = Object.fromEntries(
    Object.entries(files).map(([name, content]) => [
      name,
      typeof content === 'string' || content instanceof Uint8Array
        ? content
        : JSON.stringify(content, null, 2),
    ]),
  );
  return expandConnector(memorySource(texts), options);
}

function expandError(files: Files, options?: ExpandOptions): ExpandError {
  try {
    expand(files, options);
  } catch (error) {
    if (error instanceof ExpandError) return error;
    throw error;
  }
  throw new Error('expected expansion to fail');
}

/** The parsed content of an output file. */
const file = (result: ExpandResult, name: string): unknown => {
  const text = result.files.get(name);
  if (text === undefined) throw new Error(`no ${name} in ${[...result.files.keys()].join(', ')}`);
  return JSON.parse(text);
};

const pipe = (id: string, extra: object = {}) => ({
  _id: id,
  type: 'pipe',
  source: { type: 'dataset', dataset: 'x' },
  ...extra,
});
const manifest = (datatypes: object, extra: object = {}) => ({ datatypes, ...extra });
const one = (template: string) => ({
  'manifest.json': manifest({ a: { template: 'templates/a.json' } }),
  'templates/a.json': template,
});

describe('context (../shared/docs/expand-reference.md §3)', () => {
  it('uses the placeholder, $ENV(key) for additional parameters (values ignored), and the datatype name', () => {
    const result = expand({
      'manifest.json': manifest(
        { order: { template: 'templates/order.json' } },
        { additional_parameters: { base_url: { ignored: 1 } } },
      ),
      'templates/order.json':
        '{"_id": "{{@ system @}}-{{@ datatype @}}-all", "type": "pipe", "source": {"url": "{{@ base_url @}}/x"}}',
    });
    expect(file(result, 'pipes/xxxxxx-order-all.conf.json')).toEqual({
      _id: 'xxxxxx-order-all',
      type: 'pipe',
      source: { url: '$ENV(base_url)/x' },
    });
    expect(
      expand(one('{"_id": "{{@ system @}}-a", "type": "pipe", "source": {}}'), {
        systemPlaceholder: 'shop',
      }).files.has('pipes/shop-a.conf.json'),
    ).toBe(true);
  });

  it('lets an additional parameter named system replace the placeholder everywhere but in shims', () => {
    const result = expand({
      ...one('{"_id": "{{@ system @}}-a-all", "type": "pipe", "source": {}}'),
      'manifest.json': manifest(
        { a: { template: 'templates/a.json' } },
        { additional_parameters: { system: {} } },
      ),
    });
    expect([...result.files.keys()].filter((p) => p.startsWith('pipes/'))).toEqual([
      'pipes/$ENV(system)-a-all.conf.json',
      'pipes/xxxxxx-a-transform.conf.json',
    ]);
  });

  it('leaks datatype parameters into later datatypes (manifest order), and reports the leak', () => {
    const template =
      '{"_id": "{{@ system @}}-{{@ datatype @}}-all", "type": "pipe", "source": {"url": "{{@ path @}}"}}';
    const result = expand({
      'manifest.json': manifest({
        b: { template: 'templates/t.json', parameters: { path: 'from-b' } },
        a: { template: 'templates/t.json' },
      }),
      'templates/t.json': template,
    });
    expect(file(result, 'pipes/xxxxxx-a-all.conf.json')).toMatchObject({ source: { url: 'from-b' } });
    expect(result.leakedParameters).toEqual([
      { name: 'path', file: 'templates/t.json', datatype: 'a', definedBy: 'b' },
    ]);
  });

  it('lets a parameter named system change the placeholder for that and later datatypes, not their shims', () => {
    const result = expand({
      'manifest.json': manifest({
        a: { template: 'templates/t.json', parameters: { system: 'sys2' } },
        b: { template: 'templates/t.json' },
      }),
      'templates/t.json': '{"_id": "{{@ system @}}-{{@ datatype @}}-all", "type": "pipe", "source": {}}',
    });
    expect([...result.files.keys()].filter((p) => p.startsWith('pipes/')).sort()).toEqual([
      'pipes/sys2-a-all.conf.json',
      'pipes/sys2-b-all.conf.json',
      'pipes/xxxxxx-a-transform.conf.json',
      'pipes/xxxxxx-b-transform.conf.json',
    ]);
  });

  it('sets parent when the key is present (even null or ""), beating a parameter of that name', () => {
    const result = expand({
      'manifest.json': manifest({
        a: { template: 'templates/t.json', parent: null },
        b: { template: 'templates/t.json', parent: '' },
        c: {
          template: 'templates/t.json',
          parent: 'zeta',
          parameters: { parent: 'param', datatype: 'ignored' },
        },
      }),
      'templates/t.json':
        '{"_id": "{{@ datatype @}}", "type": "pipe", "source": {}, "p": "[{{@ parent @}}]"}',
    });
    expect(
      result.components
        .filter((c) => c.origin.kind === 'datatype')
        .map((c) => (c.value as Map<string, unknown>).get('p')),
    ).toEqual(['[None]', '[]', '[zeta]']);
    expect(result.undefinedVariables).toEqual([]);
  });

  it('renders the system template with the base context only: datatype, parent and parameters are undefined', () => {
    const result = expand({
      'manifest.json': manifest(
        { a: { template: 'templates/a.json', parameters: { host: 'h' } } },
        { 'system-template': 'templates/system.json' },
      ),
      'templates/system.json':
        '{"_id": "{{@ system @}}", "type": "system:rest", "url_pattern": "https://{{@ host @}}.{{@ datatype @}}/%s"}',
      'templates/a.json': '[]',
    });
    expect(file(result, 'systems/xxxxxx.conf.json')).toMatchObject({ url_pattern: 'https://./%s' });
    expect(result.undefinedVariables.map((u) => [u.file, u.name, u.datatype])).toEqual([
      ['templates/system.json', 'host', undefined],
      ['templates/system.json', 'datatype', undefined],
    ]);
  });

  it('refuses additional_parameters or parameters that are not objects', () => {
    expect(
      expandError({ ...one('[]'), 'manifest.json': manifest({}, { additional_parameters: null }) }),
    ).toMatchObject({
      code: 'ManifestInvalid',
      file: 'manifest.json',
      jsonPath: ['additional_parameters'],
    });
    expect(
      expandError({
        ...one('[]'),
        'manifest.json': manifest({ a: { template: 'templates/a.json', parameters: [] } }),
      }).jsonPath,
    ).toEqual(['datatypes', 'a', 'parameters']);
  });
});

describe('booleans (§4)', () => {
  const withFlag = (template: string, flag: boolean | string = true) => ({
    'manifest.json': manifest({ a: { template: 'templates/a.json', parameters: { flag } } }),
    'templates/a.json': template,
  });

  it('turns a string that is exactly the placeholder into a JSON boolean, also in arrays', () => {
    const result = expand(
      withFlag(
        '{"_id": "p", "type": "pipe", "source": {"on": "{{@ flag @}}", "list": ["{{@ flag @}}", 1.50, "x"]}}',
        false,
      ),
    );
    expect(result.files.get('pipes/p.conf.json')).toContain('"on": false');
    expect(file(result, 'pipes/p.conf.json')).toMatchObject({
      source: { on: false, list: [false, 1.5, 'x'] },
    });
  });

  it('leaves an embedded use as literal text', () => {
    expect(
      file(
        expand(withFlag('{"_id": "p", "type": "pipe", "source": {"x": "x-{{@ flag @}}"}}')),
        'pipes/p.conf.json',
      ),
    ).toMatchObject({
      source: { x: 'x-{{@ flag @}}' },
    });
  });

  it('fails on an unquoted use, and on a use as an object key', () => {
    expect(expandError(withFlag('{"_id": "p", "a": {{@ flag @}}}'))).toMatchObject({
      code: 'RenderedJsonInvalid',
      pythonMessage: 'Expecting property name enclosed in double quotes: line 1 column 20 (char 19)',
    });
    expect(expandError(withFlag('{"_id": "p", "type": "pipe", "source": {"{{@ flag @}}": 1}}')).code).toBe(
      'RenderedJsonInvalid',
    );
  });

  it('also applies to a boolean parent, and leaves strings like "true" alone', () => {
    const result = expand({
      'manifest.json': manifest({
        a: { template: 'templates/a.json', parent: true },
        b: { template: 'templates/b.json', parameters: { flag: 'true' } },
      }),
      'templates/a.json': '{"_id": "a", "type": "pipe", "source": {"p": "{{@ parent @}}"}}',
      'templates/b.json': '{"_id": "b", "type": "pipe", "source": {"f": "{{@ flag @}}"}}',
    });
    expect(file(result, 'pipes/a.conf.json')).toMatchObject({ source: { p: true } });
    expect(file(result, 'pipes/b.conf.json')).toMatchObject({ source: { f: 'true' } });
  });
});

describe('templates (§5)', () => {
  it('accepts an object or an array; an empty array gives no components', () => {
    const result = expand({
      'manifest.json': manifest({ a: { template: 'templates/a.json' }, b: { template: 'templates/b.json' } }),
      'templates/a.json':
        '[{"_id": "a1", "type": "pipe", "source": {}}, {"_id": "a2", "type": "pipe", "source": {}}]',
      'templates/b.json': '[]',
    });
    expect([...result.files.keys()].sort()).toEqual([
      'node-metadata.conf.json',
      'pipes/a1.conf.json',
      'pipes/a2.conf.json',
      'pipes/xxxxxx-a-transform.conf.json',
      'pipes/xxxxxx-b-transform.conf.json',
      'test-env.json',
    ]);
    expect(result.components.map((c) => [c.origin.file, c.origin.index])).toEqual([
      ['templates/a.json', 0],
      ['templates/a.json', 1],
      ['shim.json', undefined],
      ['shim.json', undefined],
    ]);
  });

  it('accepts a system template that makes two systems, and none when system-template is empty', () => {
    const files = {
      'manifest.json': manifest({}, { 'system-template': 'templates/system.json' }),
      'templates/system.json':
        '[{"_id": "{{@ system @}}", "type": "system:rest"}, {"_id": "{{@ system @}}v1", "type": "system:url"}]',
    };
    expect(expand(files).systemCount).toBe(2);
    expect(expand({ ...files, 'manifest.json': manifest({}, { 'system-template': '' }) }).systemCount).toBe(
      0,
    );
  });

  it('marks components of a reused template (named after another datatype) with the WARNING comment, replacing any comment', () => {
    const result = expand({
      'manifest.json': manifest({
        customer: { template: 'templates/customer.json' },
        product: { template: './templates//customer.json' },
      }),
      'templates/customer.json':
        '[{"_id": "{{@ datatype @}}-all", "type": "pipe", "comment": "mine", "source": {}}, {"_id": "s{{@ datatype @}}", "type": "system:rest"}]',
    });
    const comment =
      "WARNING! This pipe is generated from the template of the 'customer' datatype and changes will be silently ignored during collapse. For more information see the connectorpy README.";
    expect(file(result, 'pipes/customer-all.conf.json')).toMatchObject({ comment: 'mine' });
    expect(file(result, 'pipes/product-all.conf.json')).toMatchObject({ comment });
    expect(file(result, 'systems/sproduct.conf.json')).toMatchObject({ comment });
    expect(file(result, 'pipes/xxxxxx-product-transform.conf.json')).not.toHaveProperty('comment');
  });

  it.each([
    ['templates/e.json.json', 'e.json'],
    ['templates/d.x.json', 'd.x'],
  ])('takes the stem of %s as %s', (template, stem) => {
    const result = expand({
      'manifest.json': manifest({ [stem]: { template } }),
      [template]: '{"_id": "p", "type": "pipe", "source": {}}',
    });
    expect(file(result, 'pipes/p.conf.json')).not.toHaveProperty('comment');
  });

  it("reports a missing template, naming the manifest entry, with sesam-py's message alongside", () => {
    const error = expandError({
      'manifest.json': manifest({ customer: { template: 'templates/customer-collect.json' } }),
    });
    expect(error.code).toBe('TemplateNotFound');
    expect(error.message).toContain(
      "'templates/customer-collect.json' not found (referenced by manifest.json datatypes.customer.template",
    );
    expect(error.pythonMessage).toBe("'templates/customer-collect.json' not found in search path: '.'");
    expect(error.jsonPath).toEqual(['datatypes', 'customer', 'template']);
  });

  it('refuses .. in template paths (sesam-py says just the path) and treats \\ as part of a file name', () => {
    const files = { 'templates/a.json': '[]', 'a.json': '[]' };
    expect(
      expandError({ ...files, 'manifest.json': manifest({ a: { template: 'templates/../a.json' } }) })
        .pythonMessage,
    ).toBe('templates/../a.json');
    expect(
      expandError({ ...files, 'manifest.json': manifest({ a: { template: 'templates\\a.json' } }) }).code,
    ).toBe('TemplateNotFound');
  });

  it('reports a template with a BOM as invalid JSON, like json.loads', () => {
    const error = expandError(one('\uFEFF[]'));
    expect(error).toMatchObject({
      code: 'RenderedJsonInvalid',
      file: 'templates/a.json',
      pythonMessage: 'Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)',
    });
  });

  it('reports a render error with the template file and line', () => {
    expect(expandError(one('[\n{"_id": "{{@ nope.x @}}"}]'))).toMatchObject({
      code: 'TemplateRenderError',
      file: 'templates/a.json',
      line: 2,
      pythonMessage: "'nope' is undefined",
    });
  });

  it('reports a syntax error with the template file and line', () => {
    expect(expandError(one('[\n\n"{# x"]'))).toMatchObject({
      code: 'TemplateSyntaxError',
      file: 'templates/a.json',
      line: 3,
      pythonMessage: 'Missing end of comment tag',
    });
  });
});

describe('the shim (§6)', () => {
  it('adds <system>-<datatype>-transform per datatype, also for an empty datatype name', () => {
    const result = expand({
      'manifest.json': manifest({ '': { template: 'templates/a.json' } }),
      'templates/a.json': '[]',
    });
    expect(file(result, 'pipes/xxxxxx--transform.conf.json')).toEqual({
      _id: 'xxxxxx--transform',
      type: 'pipe',
      source: { type: 'dataset', dataset: 'xxxxxx--collect', supports_signalling: false },
      transform: {
        type: 'dtl',
        rules: {
          default: [
            ['add', '$based_on', ['apply', 'based-on', '_S.']],
            ['copy', '*'],
          ],
          'based-on': [['copy', '*', ['list', '_*', '$*']]],
        },
      },
    });
  });

  it('replaces a template pipe with the same id (a later component overwrites an earlier file)', () => {
    const result = expand(
      one(
        '[{"_id": "xxxxxx-a-transform", "type": "pipe", "source": {"type": "mine"}}, {"_id": "d", "type": "pipe", "source": {"n": 1}}, {"_id": "d", "type": "pipe", "source": {"n": 2}}]',
      ),
    );
    expect(file(result, 'pipes/xxxxxx-a-transform.conf.json')).toMatchObject({ source: { type: 'dataset' } });
    expect(file(result, 'pipes/d.conf.json')).toMatchObject({ source: { n: 2 } });
    expect(result.pipeCount).toBe(2);
  });
});

describe('webhook permissions (§7.4)', () => {
  const receiver = (id: string, extra: object = {}) => ({
    _id: id,
    type: 'pipe',
    source: { type: 'http_endpoint' },
    ...extra,
  });
  const run = (useWebhookSecret: unknown, pipes: object[]) =>
    expand({
      'manifest.json': manifest(
        { a: { template: 'templates/a.json' } },
        useWebhookSecret === undefined ? {} : { use_webhook_secret: useWebhookSecret },
      ),
      'templates/a.json': pipes,
    });
  const anonymous = [['allow', ['group:Anonymous'], ['write_data']]];

  it('opens http_endpoint pipes whose _id ends in "event" (case-sensitive, no hyphen needed)', () => {
    const result = run(true, [
      receiver('x-a-event'),
      receiver('x-a-prevent'),
      receiver('x-a-Event'),
      receiver('x-a-event-2'),
      pipe('x-a-event'),
    ]);
    expect(file(result, 'pipes/x-a-prevent.conf.json')).toMatchObject({ permissions: anonymous });
    expect(file(result, 'pipes/x-a-Event.conf.json')).not.toHaveProperty('permissions');
    expect(file(result, 'pipes/x-a-event-2.conf.json')).not.toHaveProperty('permissions');
    // The later dataset pipe with the same id replaced the receiver file.
    expect(file(result, 'pipes/x-a-event.conf.json')).not.toHaveProperty('permissions');
  });

  it.each([
    [true, true],
    ['false', true],
    [1, true],
    [false, false],
    [0, false],
    ['', false],
    [undefined, false],
  ])('use_webhook_secret %p opens receivers: %p', (flag, opened) => {
    expect(file(run(flag, [receiver('x-a-event')]), 'pipes/x-a-event.conf.json')).toEqual(
      opened
        ? expect.objectContaining({ permissions: anonymous })
        : expect.not.objectContaining({ permissions: expect.anything() }),
    );
  });

  it('replaces existing permissions, even [], and notes when a non-empty value is replaced', () => {
    const result = run(true, [
      receiver('a-event', { permissions: [] }),
      receiver('b-event', { permissions: [['deny', ['x'], ['y']]] }),
    ]);
    expect(file(result, 'pipes/a-event.conf.json')).toMatchObject({ permissions: anonymous });
    expect(file(result, 'pipes/b-event.conf.json')).toMatchObject({ permissions: anonymous });
    expect(result.notes).toEqual([
      'replaced the permissions of b-event with anonymous write_data (use_webhook_secret is set)',
    ]);
  });

  it('requires a source object on every pipe and a string _id on receivers', () => {
    expect(expandError(one('[{"_id": "p", "type": "pipe"}]'))).toMatchObject({
      code: 'ComponentInvalid',
      jsonPath: [0, 'source'],
    });
    expect(expandError(one('{"type": "pipe", "source": {"type": "http_endpoint"}}'))).toMatchObject({
      code: 'ComponentInvalid',
      jsonPath: ['_id'],
    });
  });
});

describe('output files (§7, §8)', () => {
  it('writes node-metadata and the default env file in the canonical format', () => {
    const result = expand({
      ...one('[]'),
      'manifest.json': manifest(
        { a: { template: 'templates/a.json' } },
        { additional_parameters: { token: {}, base_url: {} } },
      ),
    });
    expect(result.files.get('node-metadata.conf.json')).toBe(
      '{\n  "_id": "node",\n  "task_manager": {\n    "disable_user_pipes": true\n  },\n  "type": "metadata"\n}',
    );
    expect(result.files.get('test-env.json')).toBe(
      '{\n  "base_url": "",\n  "node-env": "test",\n  "token": ""\n}',
    );
  });

  it('names the env file after the profile, keeping node-env "test"', () => {
    const result = expand(one('[]'), { profile: 'prod' });
    expect(file(result, 'prod-env.json')).toEqual({ 'node-env': 'test' });
    expect(result.files.has('test-env.json')).toBe(false);
  });

  it("copies the connector's <profile>-env.json (BOM dropped, any JSON value, no merge)", () => {
    const bom = '\uFEFF';
    expect(expand({ ...one('[]'), 'test-env.json': `${bom}{}\n` }).files.get('test-env.json')).toBe('{}');
    expect(
      expand({ ...one('[]'), 'test-env.json': '["æ", {"b": 1, "a": 2}]' }).files.get('test-env.json'),
    ).toBe('[\n  "\\u00e6",\n  {\n    "a": 2,\n    "b": 1\n  }\n]');
    expect(expandError({ ...one('[]'), 'test-env.json': '{"a": }' })).toMatchObject({
      code: 'EnvFileInvalid',
      file: 'test-env.json',
      line: 1,
      column: 7,
    });
  });

  it('formats _id with Python str() and refuses / in ids', () => {
    expect(expand(one('{"_id": 5, "type": "pipe", "source": {}}')).files.has('pipes/5.conf.json')).toBe(true);
    expect(expandError(one('{"_id": "a/b", "type": "pipe", "source": {}}'))).toMatchObject({
      code: 'ComponentInvalid',
      jsonPath: ['_id'],
    });
  });

  it('uses an empty placeholder as is', () => {
    const result = expand(
      {
        'manifest.json': manifest(
          { a: { template: 'templates/a.json' } },
          { 'system-template': 'templates/s.json' },
        ),
        'templates/s.json': '{"_id": "{{@ system @}}", "type": "system:rest"}',
        'templates/a.json': '{"_id": "{{@ system @}}-a-collect", "type": "pipe", "source": {}}',
      },
      { systemPlaceholder: '' },
    );
    expect([...result.files.keys()].sort()).toEqual([
      'node-metadata.conf.json',
      'pipes/-a-collect.conf.json',
      'pipes/-a-transform.conf.json',
      'systems/.conf.json',
      'test-env.json',
    ]);
  });

  it('drops components that are neither pipes nor system:* (metadata, bare system)', () => {
    const result = expand(
      one(
        '[{"_id": "m", "type": "metadata"}, {"_id": "s", "type": "system"}, {"_id": "r", "type": "system:rest"}]',
      ),
    );
    expect(result.components.map((c) => c.kind)).toEqual(['dropped', 'dropped', 'system', 'pipe']);
    expect(result.files.has('systems/s.conf.json')).toBe(false);
  });

  it('requires type on every component and objects as components', () => {
    expect(expandError(one('[{"_id": "a"}]'))).toMatchObject({ code: 'ComponentInvalid', jsonPath: [0] });
    expect(expandError(one('["text"]'))).toMatchObject({ code: 'ComponentInvalid', jsonPath: [0] });
  });
});

describe('manifest errors', () => {
  it('reports a missing manifest', () => {
    expect(expandError({})).toMatchObject({ code: 'ManifestNotFound', file: 'manifest.json' });
  });

  it("reports invalid JSON with Python's position (text mode: \\r\\n counts as one character)", () => {
    expect(expandError({ 'manifest.json': '{\r\n  "datatypes": {,}\r\n}' })).toMatchObject({
      code: 'ManifestInvalid',
      line: 2,
      column: 17,
      pythonMessage: 'Expecting property name enclosed in double quotes: line 2 column 17 (char 18)',
    });
    expect(expandError({ 'manifest.json': '\uFEFF{"datatypes": {}}' }).pythonMessage).toBe(
      'Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)',
    );
  });

  it.each([
    ['a list', '[]', []],
    ['no datatypes', '{}', ['datatypes']],
    ['a datatype that is not an object', '{"datatypes": {"a": "x"}}', ['datatypes', 'a']],
    ['a datatype without template', '{"datatypes": {"a": {}}}', ['datatypes', 'a', 'template']],
    [
      'a template that is not a string',
      '{"datatypes": {"a": {"template": 5}}}',
      ['datatypes', 'a', 'template'],
    ],
    [
      'a system-template that is not a string',
      '{"datatypes": {}, "system-template": ["x"]}',
      ['system-template'],
    ],
  ])('reports %s with its JSON path', (_what, text, jsonPath) => {
    expect(expandError({ 'manifest.json': text })).toMatchObject({
      code: 'ManifestInvalid',
      file: 'manifest.json',
      jsonPath,
    });
  });

  it('reports a file that is not UTF-8', () => {
    expect(expandError({ 'manifest.json': new Uint8Array([0x7b, 0xff, 0x7d]) })).toMatchObject({
      code: 'EncodingError',
      file: 'manifest.json',
    });
  });
});
