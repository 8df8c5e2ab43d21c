import {
  JsonNumber,
  JsonObject,
  JsonWriteError,
  parseJson,
  toCanonicalJson,
  toJsonText,
  type JsonWritable,
} from './index';

// Expected texts are Python 3.11's json.dumps output for the same value (hard-coded).
const canonical = (text: string): string => toCanonicalJson(parseJson(text));

describe('toCanonicalJson (json.dumps(obj, indent=2, sort_keys=True))', () => {
  it('sorts keys by code point at every depth: 10 before 9, astral after U+FF5A', () => {
    const text =
      '{"a":7,"\\ud83d\\ude00":8,"_id":6,"\\uff5a":9,"9":3,"Z":4,"\\ue000":10,"_a":5,"10":2,"$b":1,"":11}';
    expect(canonical(text)).toBe(
      '{\n  "": 11,\n  "$b": 1,\n  "10": 2,\n  "9": 3,\n  "Z": 4,\n  "_a": 5,\n  "_id": 6,\n  "a": 7,\n  "\\ue000": 10,\n  "\\uff5a": 9,\n  "\\ud83d\\ude00": 8\n}',
    );
    expect(canonical('{"b":{"d":1,"c":2},"a":[{"z":1,"y":2}]}')).toBe(
      '{\n  "a": [\n    {\n      "y": 2,\n      "z": 1\n    }\n  ],\n  "b": {\n    "c": 2,\n    "d": 1\n  }\n}',
    );
  });

  it('indents by two, puts "," at line ends and ": " after keys, writes empty containers inline', () => {
    expect(canonical('{"f":false,"e":true,"c":[1,[2,{}],{"d":null}],"b":[],"a":{}}')).toBe(
      '{\n  "a": {},\n  "b": [],\n  "c": [\n    1,\n    [\n      2,\n      {}\n    ],\n    {\n      "d": null\n    }\n  ],\n  "e": true,\n  "f": false\n}',
    );
    expect(canonical('[]')).toBe('[]');
    expect(canonical('{}')).toBe('{}');
    expect(canonical('"top"')).toBe('"top"');
  });

  it('escapes strings as ensure_ascii does: short escapes, lowercase \\u, pairs, lone surrogates; / and ~ raw', () => {
    const value = 'q"b\\s/n\nr\rt\tb\bf\fdel\u007f c\u0001 æ 😀 \ud800 \u2028 ~';
    expect(toCanonicalJson(value)).toBe(
      '"q\\"b\\\\s/n\\nr\\rt\\tb\\bf\\fdel\\u007f c\\u0001 \\u00e6 \\ud83d\\ude00 \\ud800 \\u2028 ~"',
    );
    expect(canonical('"\\ud83d\\ude00\\u00e6\\/\\""')).toBe('"\\ud83d\\ude00\\u00e6/\\""');
    expect(toCanonicalJson({ 'k\u00e6y\n': 'v' })).toBe('{\n  "k\\u00e6y\\n": "v"\n}');
  });

  const numbers: [string, string][] = [
    ['0', '0'],
    ['-0', '0'],
    ['7', '7'],
    ['-12', '-12'],
    ['12345678901234567890123', '12345678901234567890123'],
    ['-98765432109876543210', '-98765432109876543210'],
    ['9007199254740993', '9007199254740993'],
    ['1.0', '1.0'],
    ['1e5', '100000.0'],
    ['1E5', '100000.0'],
    ['3.0e2', '300.0'],
    ['2.5e+3', '2500.0'],
    ['1e15', '1000000000000000.0'],
    ['1e16', '1e+16'],
    ['9999999999999999.0', '1e+16'],
    ['1e20', '1e+20'],
    ['100000000000000000000.0', '1e+20'],
    ['1.7976931348623157e308', '1.7976931348623157e+308'],
    ['1e-4', '0.0001'],
    ['0.0001', '0.0001'],
    ['0.00001', '1e-05'],
    ['1e-5', '1e-05'],
    ['1.5e-7', '1.5e-07'],
    ['1.23456789e-5', '1.23456789e-05'],
    ['5e-324', '5e-324'],
    ['123e-2', '1.23'],
    ['0.1', '0.1'],
    ['0.30000000000000004', '0.30000000000000004'],
    ['1.00000000000000011', '1.0'],
    ['9007199254740993.0', '9007199254740992.0'],
    ['123456789012345.6', '123456789012345.6'],
    ['-0.0', '-0.0'],
    ['0e0', '0.0'],
    ['-0e-0', '-0.0'],
    ['1e-400', '0.0'],
    ['-1e-400', '-0.0'],
    ['1E400', 'Infinity'],
    ['-1e400', '-Infinity'],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['-Infinity', '-Infinity'],
  ];

  it.each(numbers)('writes the number %s as %s', (lexeme, written) => {
    expect(canonical(lexeme)).toBe(written);
    expect(toCanonicalJson(new JsonNumber(lexeme))).toBe(written);
  });

  it('accepts plain JS numbers (integral ones print as int) and bigints', () => {
    const values: JsonWritable = [1, -0, 1.5, 0.1 + 0.2, 1e21, 1e16 + 0.5, 1e-7, NaN, -Infinity, 2n ** 80n];
    expect(toCanonicalJson(values)).toBe(
      '[\n  1,\n  0,\n  1.5,\n  0.30000000000000004,\n  1000000000000000000000,\n  10000000000000000,\n  1e-07,\n  NaN,\n  -Infinity,\n  1208925819614629174706176\n]',
    );
  });

  it('accepts plain records (sorted, so their JS key order does not matter) mixed with JsonObjects', () => {
    const inner = new JsonObject([
      ['y', 1],
      ['x', true],
    ]);
    expect(toCanonicalJson({ b: [inner], '10': 'ten', '9': 'nine', a: null })).toBe(
      '{\n  "10": "ten",\n  "9": "nine",\n  "a": null,\n  "b": [\n    {\n      "x": true,\n      "y": 1\n    }\n  ]\n}',
    );
    expect(toCanonicalJson(Object.assign(Object.create(null), { k: 'v' }))).toBe('{\n  "k": "v"\n}');
  });

  it('writes no trailing newline and only ASCII', () => {
    const out = canonical('{"a":"\u00f8\u{1F600}"}');
    expect(out.endsWith('}')).toBe(true);
    expect(/^[\x00-\x7f]*$/.test(out)).toBe(true);
  });
});

describe('toJsonText (same writer, other json.dumps options)', () => {
  const source = '{"z":1,"10":2,"9":3,"a":{"y":1,"x":[]}}';

  it('with sortKeys false prints each object in its kept (source) order', () => {
    expect(toJsonText(parseJson(source), { indent: 2 })).toBe(
      '{\n  "z": 1,\n  "10": 2,\n  "9": 3,\n  "a": {\n    "y": 1,\n    "x": []\n  }\n}',
    );
  });

  it('without indent writes one line with ", " and ": " (indent=None)', () => {
    expect(toJsonText(parseJson('{"b":[1,{"c":null}],"a":"x","e":{},"d":[]}'))).toBe(
      '{"b": [1, {"c": null}], "a": "x", "e": {}, "d": []}',
    );
    expect(toJsonText(parseJson(source), { sortKeys: true })).toBe(
      '{"10": 2, "9": 3, "a": {"x": [], "y": 1}, "z": 1}',
    );
  });

  it('with compact writes "," and ":" without spaces (separators=(",", ":")), numbers and strings kept', () => {
    expect(
      toJsonText(parseJson('{"b": [1.50, {"c": null}], "a": "x, y: z", "e": {}}'), { compact: true }),
    ).toBe('{"b":[1.5,{"c":null}],"a":"x, y: z","e":{}}');
    expect(toJsonText(parseJson('{"b":1,"a":[2]}'), { compact: true, indent: 1 })).toBe(
      '{\n "b":1,\n "a":[\n  2\n ]\n}',
    );
  });

  it('honours other indents, including 0 (line breaks without indentation)', () => {
    expect(toJsonText(parseJson('{"b":[1,{"c":null}],"a":"x"}'), { indent: 4 })).toBe(
      '{\n    "b": [\n        1,\n        {\n            "c": null\n        }\n    ],\n    "a": "x"\n}',
    );
    expect(toJsonText(parseJson('{"a":[1,{"b":2}],"c":"d"}'), { indent: 0 })).toBe(
      '{\n"a": [\n1,\n{\n"b": 2\n}\n],\n"c": "d"\n}',
    );
    expect(() => toJsonText([], { indent: 1.5 })).toThrow(RangeError);
  });

  it('with sortKeys true and indent 2 is toCanonicalJson', () => {
    const value = parseJson(source);
    expect(toJsonText(value, { sortKeys: true, indent: 2 })).toBe(toCanonicalJson(value));
  });
});

describe('values that cannot be written', () => {
  const writeError = (value: unknown): JsonWriteError => {
    try {
      toCanonicalJson(value as JsonWritable);
    } catch (error) {
      if (error instanceof JsonWriteError) return error;
      throw error;
    }
    throw new Error('written without error');
  };

  it('names the reason and the JSON path', () => {
    const undefinedMember = writeError({ pipes: [{ _id: 'p', source: { 'bad key': undefined } }] });
    expect(undefinedMember.message).toBe(
      'Object of type undefined is not JSON serializable at $.pipes[0].source["bad key"]',
    );
    expect(undefinedMember.path).toBe('$.pipes[0].source["bad key"]');
    expect(writeError(new JsonObject([['when', new Date(0) as never]])).message).toBe(
      'Object of type Date is not JSON serializable at $.when',
    );
    expect(writeError([() => 1]).message).toBe('Object of type function is not JSON serializable at $[0]');
  });

  it('detects circular references as Python does', () => {
    const array: unknown[] = [];
    array.push(array);
    expect(writeError(array).message).toBe('Circular reference detected at $[0]');
    // the same object twice, not nested in itself, is fine
    const shared = new JsonObject([['a', 1]]);
    expect(toJsonText([shared, shared])).toBe('[{"a": 1}, {"a": 1}]');
  });

  it('refuses an integer Python could not print (more than 4300 digits)', () => {
    expect(writeError({ n: new JsonNumber('9'.repeat(4301)) }).message).toBe(
      'Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit at $.n',
    );
    expect(toCanonicalJson(new JsonNumber(`-${'9'.repeat(4300)}`))).toBe(`-${'9'.repeat(4300)}`);
  });
});
