import { memorySource } from './connector-source';
import { TemplateLoader } from './template-loader';

const at = { file: 'manifest.json', jsonPath: ['system-template'] };

describe('TemplateLoader', () => {
  const text = '{"value": "{{@ value @}}"}';

  it('shares one compiled template between connectors whose template text is the same', () => {
    const copy = JSON.parse(JSON.stringify(text)) as string; // equal text, another string
    const first = new TemplateLoader(memorySource({ 'templates/a.json': text })).load('templates/a.json', at);
    const second = new TemplateLoader(memorySource({ 'templates/b.json': copy })).load(
      'templates/b.json',
      at,
    );
    expect(second.file).toBe('templates/b.json');
    expect(second.compiled.name).toBe('templates/b.json');
    expect(second.compiled.contextNames).toBe(first.compiled.contextNames); // parsed once
    expect(second.compiled.render(new Map([['value', 'v']]))).toBe('{"value": "v"}');
  });

  it('compiles the same text again under a name that changes autoescaping', () => {
    const source = memorySource({ 'templates/a.json': text, 'templates/a.xml': text });
    const loader = new TemplateLoader(source);
    const json = loader.load('templates/a.json', at);
    const xml = loader.load('templates/a.xml', at);
    const context = new Map([['value', '<"&">']]);
    expect(json.compiled.render(context)).toBe('{"value": "<"&">"}');
    expect(xml.compiled.render(context)).toBe('{"value": "&lt;&#34;&amp;&#34;&gt;"}');
  });

  it('does not remember a template that failed to compile', () => {
    const broken = '{"value": "{{@ value "}';
    const load = (files: Record<string, string>) =>
      new TemplateLoader(memorySource(files)).load('templates/a.json', at);
    expect(() => load({ 'templates/a.json': broken })).toThrow(/TemplateSyntaxError|unexpected|expected/i);
    expect(() => load({ 'templates/a.json': broken })).toThrow(/TemplateSyntaxError|unexpected|expected/i);
  });
});
