import { parseJson } from '../../json';
import { compileTemplate, fromJson, JinjaError, type PyValue, type UndefinedUse } from './index';

const context = (values: Record<string, string>): Map<string, PyValue> =>
  new Map(Object.entries(values).map(([key, json]) => [key, fromJson(parseJson(json))]));

const render = (source: string, values: Record<string, string> = {}, name = 'templates/t.json'): string =>
  compileTemplate(source, name).render(context(values));

const failure = (source: string, values: Record<string, string> = {}): JinjaError => {
  try {
    render(source, values);
  } catch (error) {
    if (error instanceof JinjaError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(source)} to fail`);
};

describe('delimiters (../shared/docs/expand-reference.md §2.2–2.3)', () => {
  const sys = { system: '"xxxxxx"', flag: '"on"' };

  it('prints {{@ name @}} with or without inner spaces', () => {
    expect(render('{{@ system @}}-{{@system@}}-{{@flag@}}', sys)).toBe('xxxxxx-xxxxxx-on');
  });

  it('leaves Sesam runtime Jinja and a stray @}} alone', () => {
    const text = '"{{ id }}", "{% if x %}y{% endif %}", "temp@}}s", "#} x"';
    expect(render(text, sys)).toBe(text);
  });

  it('renders {{{@ system @}}} as {xxxxxx}', () => {
    expect(render('{{{@ system @}}}', sys)).toBe('{xxxxxx}');
  });

  it('removes {# … #} comments even inside JSON strings', () => {
    expect(render('"a{# note #}b"')).toBe('"ab"');
  });

  it('fails on a {# without #}', () => {
    const error = failure('"x": "{# y"');
    expect(error.pythonType).toBe('TemplateSyntaxError');
    expect(error.reason).toBe('Missing end of comment tag');
  });

  it('supports filters, ~, default() and whitespace control', () => {
    expect(render('{{@ system|upper @}} {{@ "a" ~ system @}} {{@ nope|default("d") @}}', sys)).toBe(
      'XXXXXX axxxxxx d',
    );
    expect(render('a  {{@- system -@}}  b\n {{%- if true -%}} c {{%- endif %}}', sys)).toBe('axxxxxxbc');
  });

  it('supports if/elif/else, for with loop and else, and set', () => {
    expect(render('{{% if flag == "off" %}}A{{% elif flag %}}B{{% else %}}C{{% endif %}}', sys)).toBe('B');
    expect(
      render('{{% for x in l if x != 2 %}}{{@ loop.index @}}={{@ x @}};{{% else %}}none{{% endfor %}}', {
        l: '[1, 2, 3]',
      }),
    ).toBe('1=1;2=3;');
    expect(render('{{% for x in [] %}}x{{% else %}}none{{% endfor %}}')).toBe('none');
    expect(
      render('{{% for k, v in d.items() %}}{{@ k @}}:{{@ v @}} {{% endfor %}}', { d: '{"a": 1, "b": "c"}' }),
    ).toBe('a:1 b:c ');
    expect(render('{{% set n = 6 * 7 %}}{{@ n @}}{{% set b %}}x{{@ n @}}{{% endset %}} {{@ b @}}')).toBe(
      '42 x42',
    );
  });

  it('passes {{% raw %}} content through unrendered', () => {
    expect(render('{{% raw %}}{{@ system @}}{{% endraw %}}', sys)).toBe('{{@ system @}}');
  });

  it('reports garbage inside {{@ @}} with Jinja wording', () => {
    expect(failure('{{@ a b @}}').reason).toBe("expected token 'end of print statement', got 'b'");
    expect(failure('{{@ x').reason).toBe("unexpected end of template, expected 'end of print statement'.");
    expect(failure('{{% if x %}}').reason).toBe(
      "Unexpected end of template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'.",
    );
    expect(failure('{{% endfor %}}').reason).toBe("Encountered unknown tag 'endfor'.");
    expect(failure('{{@ x|nosuch @}}').reason).toBe("No filter named 'nosuch'.");
    expect(failure('{{@ x is nosuch @}}').reason).toBe("No test named 'nosuch'.");
  });

  it('says clearly which Jinja features it does not implement', () => {
    const error = failure('{{% macro m() %}}{{% endmacro %}}');
    expect(error.pythonType).toBe('Unsupported');
    expect(error.message).toContain("'macro' is not supported by sesam-connectors expand");
    expect(failure('{{@ x|tojson @}}').pythonType).toBe('Unsupported');
  });

  it('normalises newlines and drops one trailing newline like Jinja', () => {
    expect(render('a\r\nb\rc\n')).toBe('a\nb\nc');
    expect(render('a\n\n')).toBe('a\n');
  });

  it('gives line numbers in errors', () => {
    expect(failure('{\n  "a": "{{@ x.y @}}"\n}').line).toBe(2);
  });
});

describe('undefined names (§2.4)', () => {
  it('print as "" and are reported, and are falsy', () => {
    const uses: UndefinedUse[] = [];
    const out = compileTemplate(
      '"{{@ account_id @}}.x" {{% if nope %}}T{{% else %}}F{{% endif %}}',
      't.json',
    ).render(new Map(), (use) => uses.push(use));
    expect(out).toBe('".x" F');
    expect(uses).toEqual([
      { name: 'account_id', isVariable: true, message: "'account_id' is undefined", line: 1 },
    ]);
  });

  it('raise UndefinedError on attribute access or call', () => {
    expect(failure('{{@ nope.x @}}')).toMatchObject({
      pythonType: 'UndefinedError',
      reason: "'nope' is undefined",
    });
    expect(failure('{{@ nope() @}}')).toMatchObject({
      pythonType: 'UndefinedError',
      reason: "'nope' is undefined",
    });
  });

  it('an unknown attribute of a defined string prints as "" (and is reported as an attribute miss)', () => {
    const uses: UndefinedUse[] = [];
    expect(
      compileTemplate('[{{@ s.nope @}}]', 't.json').render(context({ s: '"v"' }), (use) => uses.push(use)),
    ).toBe('[]');
    expect(uses[0]).toMatchObject({
      name: 'nope',
      isVariable: false,
      message: "'str object' has no attribute 'nope'",
    });
  });

  it('is not reported when handled with default() or "is defined"', () => {
    const uses: UndefinedUse[] = [];
    compileTemplate('{{@ x|default("d") @}}{{% if x is defined %}}{{@ x @}}{{% endif %}}', 't.json').render(
      new Map(),
      (use) => uses.push(use),
    );
    expect(uses).toEqual([]);
  });

  it('Jinja globals are defined names, overridable by the context', () => {
    expect(render('{{@ range @}} {{@ dict @}} {{@ cycler @}} {{@ joiner @}} {{@ namespace @}}')).toBe(
      "<class 'range'> <class 'dict'> <class 'jinja2.utils.Cycler'> <class 'jinja2.utils.Joiner'> <class 'jinja2.utils.Namespace'>",
    );
    expect(render('{{@ range @}}', { range: '"mine"' })).toBe('mine');
    expect(render('{{@ range(3)|list @}} {{@ range(1, 7, 2) @}}')).toBe('[0, 1, 2] range(1, 7, 2)');
  });
});

describe("values print as Python's str() (§3.5)", () => {
  it.each([
    ['"text"', 'text'],
    ['5', '5'],
    ['-0', '0'],
    ['12345678901234567890123', '12345678901234567890123'],
    ['1.5', '1.5'],
    ['1.0', '1.0'],
    ['1e20', '1e+20'],
    ['1e5', '100000.0'],
    ['1.5e-7', '1.5e-07'],
    ['1E400', 'inf'],
    ['null', 'None'],
    ['true', 'True'],
    ['["a", 1, null, false, 2.50]', "['a', 1, None, False, 2.5]"],
    ['{"k": "v", "n": {"q": "it\'s"}}', `{'k': 'v', 'n': {'q': "it's"}}`],
    ['"tab\\tand\\u00e6\\u00a0"', 'tab\tand\u00e6\u00a0'],
    ['["tab\\tand\\u00e6\\u00a0\\\\"]', "['tab\\tand\u00e6\\xa0\\\\']"],
  ])('%s prints as %s', (json, printed) => {
    expect(render('{{@ v @}}', { v: json })).toBe(printed);
  });

  it('inserts values raw (no JSON escaping)', () => {
    expect(render('"{{@ v @}}"', { v: '"say \\"hi\\" a\\\\b"' })).toBe('"say "hi" a\\b"');
  });

  it('computes with Python semantics', () => {
    expect(
      render(
        '{{@ 7 // 2 @}} {{@ -7 // 2 @}} {{@ 7 / 2 @}} {{@ 7 % -3 @}} {{@ 2 ** 70 @}} {{@ 1 == 1.0 @}} {{@ "ab" * 2 @}}',
      ),
    ).toBe('3 -4 3.5 -2 1180591620717411303424 True abab');
    expect(
      render('{{@ (1, 2) @}} {{@ (1,) @}} {{@ [1, 2][-1] @}} {{@ "abcdef"[1:4] @}} {{@ "b" in "abc" @}}'),
    ).toBe('(1, 2) (1,) 2 bcd True');
    expect(failure('{{@ 1 + "a" @}}')).toMatchObject({
      pythonType: 'TypeError',
      reason: "unsupported operand type(s) for +: 'int' and 'str'",
    });
    expect(failure('{{@ 1 / 0 @}}')).toMatchObject({
      pythonType: 'ZeroDivisionError',
      reason: 'division by zero',
    });
  });

  it('implements the common filters and tests', () => {
    expect(
      render(
        "{{@ ' a b '|trim|title @}}|{{@ 'x-y'|replace('-', '_') @}}|{{@ [1, 2]|join(',') @}}|{{@ 'abc'|length @}}|{{@ '42'|int + 1 @}}",
      ),
    ).toBe('A B|x_y|1,2|3|43');
    expect(
      render(
        '{{@ 3 is odd @}} {{@ "x" is string @}} {{@ none is none @}} {{@ 4 is divisibleby 2 @}} {{@ [] is sequence @}}',
      ),
    ).toBe('True True True True True');
    expect(
      render(
        "{{@ ''|default('e', true) @}} {{@ 'ABC'|lower|capitalize @}} {{@ [3, 1]|first @}}{{@ [3, 1]|last @}}",
      ),
    ).toBe('e Abc 31');
  });
});

describe('autoescape follows the template name (§2.5)', () => {
  const values = { v: '"& < > \' \\""' };

  it('is off for .json templates', () => {
    expect(render('{{@ v @}}', values, 'templates/a.json')).toBe(`& < > ' "`);
  });

  it.each(['templates/foo.HTML', 'foo.xml', 'x.htm'])('is on for %s, with MarkupSafe entities', (name) => {
    expect(render('<b>{{@ v @}}</b>{{@ v|safe @}}', values, name)).toBe(
      `<b>&amp; &lt; &gt; &#39; &#34;</b>& < > ' "`,
    );
  });
});

describe('None values stay None', () => {
  it('through variables, items, attributes and dict.get', () => {
    expect(
      render('{{@ v @}} {{@ d.k @}} {{@ d["k"] @}} {{@ d.get("k", 1) @}} {{@ l[0] @}}', {
        v: 'null',
        d: '{"k": null}',
        l: '[null]',
      }),
    ).toBe('None None None None None');
  });
});
