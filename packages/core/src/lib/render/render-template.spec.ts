import { minimalConnector, WORKSPACE_ROOT } from '../../../test/connector-fixtures';
import { checkConnectorConfig } from '../config/load';
import { parseJson } from '../json';
import { renderConnectorFiles } from './render-connector';
import { renderTemplate, TemplateRenderError } from './render-template';
import { loadTemplatePack, type LoadedTemplatePack } from './template-pack';

const PACK = loadTemplatePack();

/** The pack with one template's source replaced (in memory). */
const packWith = (template: string, source: string): LoadedTemplatePack => ({
  ...PACK,
  templates: new Map([...PACK.templates, [template, source]]),
});

const checked = checkConnectorConfig(parseJson(JSON.stringify(minimalConnector())), {
  file: 'connector.json',
  folder: 'acme',
  fileExists: () => false,
}).connector;

function renderError(pack: LoadedTemplatePack): TemplateRenderError {
  try {
    renderConnectorFiles(checked, pack, { displayRoot: WORKSPACE_ROOT });
  } catch (error) {
    if (error instanceof TemplateRenderError) return error;
    throw error;
  }
  throw new Error('rendered without error');
}

describe('renderTemplate', () => {
  it('names the pattern file, connector, datatype and line/column when a template renders invalid JSON', () => {
    const broken = PACK.templates.get('collect/all.json.ejs')!.replace('"type": "pipe",', '"type": "pipe"');
    const error = renderError(packWith('collect/all.json.ejs', broken));
    expect(error.message).toMatch(
      /^packages\/template-pack\/patterns\/collect\/all\.json\.ejs: rendered invalid JSON for connector acme, datatype order: Expecting ',' delimiter: line 4 column 3 \(char \d+\)\n  rendered line 4: "namespaced_identifiers": false,$/,
    );
    expect([error.line, error.column]).toEqual([4, 3]);
    expect(error.target).toEqual({ connector: 'acme', datatype: 'order' });
  });

  it('names the system template without a datatype', () => {
    const broken = PACK.templates
      .get('system/system.json.ejs')!
      .replace('"type": "system:rest",', '"type": "system:rest",,');
    expect(renderError(packWith('system/system.json.ejs', broken)).message).toMatch(
      /^packages\/template-pack\/patterns\/system\/system\.json\.ejs: rendered invalid JSON for connector acme: Expecting property name enclosed in double quotes: line \d+ column \d+/,
    );
  });

  it('refuses <%= %>, which would HTML-escape a value, naming the line', () => {
    const template = '{\n"x": "<%= "a&b" %>"}';
    expect(() =>
      renderTemplate(
        packWith('t.ejs', template),
        't.ejs',
        {},
        { connector: 'acme' },
        { displayRoot: WORKSPACE_ROOT },
      ),
    ).toThrow(
      'packages/template-pack/patterns/t.ejs:2: <%= %> HTML-escapes values, which corrupts JSON: write <%- json(value) %> instead',
    );
  });

  it('reports a template that uses an unknown variable, with the template line', () => {
    const error = (() => {
      try {
        renderTemplate(
          packWith('t.ejs', '{\n"x": <%- json(nope) %>\n}'),
          't.ejs',
          {},
          { connector: 'acme', datatype: 'order' },
        );
      } catch (e) {
        return e as Error;
      }
      throw new Error('no error');
    })();
    expect(error).toBeInstanceOf(TemplateRenderError);
    expect(error.message).toContain('t.ejs: template error for connector acme, datatype order:');
    expect(error.message).toContain('nope is not defined');
    expect(error.message).toMatch(/t\.ejs:2/);
  });

  it('refuses include(): shared pipes are listed in the pack index instead', () => {
    expect(() =>
      renderTemplate(packWith('t.ejs', "<%- include('other') %>"), 't.ejs', {}, { connector: 'acme' }),
    ).toThrow('include() is not supported in pack templates');
  });

  it('returns the parsed JSON, keeping runtime Jinja and expand-time placeholders as text', () => {
    const value = renderTemplate(
      packWith(
        't.ejs',
        '{"url": "{{@ system @}}/{{ entity.id }}{% if x %}y{% endif %}", "n": <%- json(n) %>}',
      ),
      't.ejs',
      { n: 1 },
      { connector: 'acme' },
    );
    expect(value).toEqual(
      parseJson('{"url": "{{@ system @}}/{{ entity.id }}{% if x %}y{% endif %}", "n": 1}'),
    );
  });
});
