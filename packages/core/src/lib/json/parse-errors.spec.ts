import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { corpusPath } from '../../../test/corpus';
import { JsonParseError, parseJson } from './index';

function parseError(text: string, file?: string): JsonParseError {
  try {
    parseJson(text, file);
  } catch (error) {
    if (error instanceof JsonParseError) return error;
    throw error;
  }
  throw new Error(`parsed without error: ${JSON.stringify(text)}`);
}

// Expected messages are Python 3.11's str(json.JSONDecodeError) for the same input.
const cases: [string, string][] = [
  ['', 'Expecting value: line 1 column 1 (char 0)'],
  [' ', 'Expecting value: line 1 column 2 (char 1)'],
  ['\t', 'Expecting value: line 1 column 2 (char 1)'],
  ['\u00a0{}', 'Expecting value: line 1 column 1 (char 0)'],
  ['\ufeff{}', 'Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)'],
  ['\ufeff', 'Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)'],
  [' \ufeff{}', 'Expecting value: line 1 column 2 (char 1)'],
  // trailing commas
  ['{"a":1,}', 'Expecting property name enclosed in double quotes: line 1 column 8 (char 7)'],
  ['[1,2,]', 'Expecting value: line 1 column 6 (char 5)'],
  ['[1,]', 'Expecting value: line 1 column 4 (char 3)'],
  ['[,]', 'Expecting value: line 1 column 2 (char 1)'],
  // comments
  ['{"a":1}//c', 'Extra data: line 1 column 8 (char 7)'],
  ['/*c*/{}', 'Expecting value: line 1 column 1 (char 0)'],
  // delimiters
  ['[1 2]', "Expecting ',' delimiter: line 1 column 4 (char 3)"],
  ['{"a":1 "b":2}', "Expecting ',' delimiter: line 1 column 8 (char 7)"],
  ['{"a":[1,2}', "Expecting ',' delimiter: line 1 column 10 (char 9)"],
  ['[1', "Expecting ',' delimiter: line 1 column 3 (char 2)"],
  ['[1,\r\n 2\r\n 3]', "Expecting ',' delimiter: line 3 column 2 (char 10)"],
  ['{"a" 1}', "Expecting ':' delimiter: line 1 column 6 (char 5)"],
  ['{"a"', "Expecting ':' delimiter: line 1 column 5 (char 4)"],
  // property names
  ['{1:2}', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
  ["{'a':1}", 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
  ['{', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
  // values
  ['{"a":}', 'Expecting value: line 1 column 6 (char 5)'],
  ['{"a":', 'Expecting value: line 1 column 6 (char 5)'],
  ['[', 'Expecting value: line 1 column 2 (char 1)'],
  ['-', 'Expecting value: line 1 column 1 (char 0)'],
  ['[-]', 'Expecting value: line 1 column 2 (char 1)'],
  ['[--1]', 'Expecting value: line 1 column 2 (char 1)'],
  ['[.5]', 'Expecting value: line 1 column 2 (char 1)'],
  ['[+1]', 'Expecting value: line 1 column 2 (char 1)'],
  ['-Inf', 'Expecting value: line 1 column 1 (char 0)'],
  ['[nan]', 'Expecting value: line 1 column 2 (char 1)'],
  ['[True]', 'Expecting value: line 1 column 2 (char 1)'],
  ['nul', 'Expecting value: line 1 column 1 (char 0)'],
  ['tru', 'Expecting value: line 1 column 1 (char 0)'],
  // numbers: the scanner stops where the grammar ends
  ['[0x10]', "Expecting ',' delimiter: line 1 column 3 (char 2)"],
  ['[1.e5]', "Expecting ',' delimiter: line 1 column 3 (char 2)"],
  ['01', 'Extra data: line 1 column 2 (char 1)'],
  ['1.', 'Extra data: line 1 column 2 (char 1)'],
  ['1e', 'Extra data: line 1 column 2 (char 1)'],
  // extra data
  ['1 2', 'Extra data: line 1 column 3 (char 2)'],
  ['[1]]', 'Extra data: line 1 column 4 (char 3)'],
  ['true false', 'Extra data: line 1 column 6 (char 5)'],
  // strings
  ['"abc', 'Unterminated string starting at: line 1 column 1 (char 0)'],
  ['"x\\', 'Unterminated string starting at: line 1 column 1 (char 0)'],
  ['"a\nb"', 'Invalid control character at: line 1 column 3 (char 2)'],
  ['"\u001f"', 'Invalid control character at: line 1 column 2 (char 1)'],
  ['["\u0000"]', 'Invalid control character at: line 1 column 3 (char 2)'],
  ['"tab\there"', 'Invalid control character at: line 1 column 5 (char 4)'],
  ['[\n\n"abc\n', 'Invalid control character at: line 3 column 5 (char 7)'],
  ['"\\x"', 'Invalid \\escape: line 1 column 2 (char 1)'],
  ['"\\a"', 'Invalid \\escape: line 1 column 2 (char 1)'],
  ['"\\u12"', 'Invalid \\uXXXX escape: line 1 column 3 (char 2)'],
  ['"\\u12', 'Invalid \\uXXXX escape: line 1 column 3 (char 2)'],
  ['"\\u0041', 'Invalid \\uXXXX escape: line 1 column 3 (char 2)'],
  ['"\\u00g0"', 'Invalid \\uXXXX escape: line 1 column 3 (char 2)'],
  ['"\\uZZZZ"', 'Invalid \\uXXXX escape: line 1 column 3 (char 2)'],
  ['"\\ud800\\uZZZZ"', 'Invalid \\uXXXX escape: line 1 column 9 (char 8)'],
  ['"\\ud83d\\ude0"', 'Invalid \\uXXXX escape: line 1 column 9 (char 8)'],
  ['"\\ud800\\u', 'Invalid \\uXXXX escape: line 1 column 9 (char 8)'],
  // positions count code points (an astral character is one), lines count "\n" only
  ['["😀", x]', 'Expecting value: line 1 column 7 (char 6)'],
  ['{\n  "a": "😀😀",\n  "b" 1\n}', "Expecting ':' delimiter: line 3 column 7 (char 21)"],
];

describe('parseJson errors (Python json.loads wording and positions)', () => {
  it.each(cases)('%j → %s', (text, message) => {
    const error = parseError(text);
    expect(error.message).toBe(message);
    expect(error.pythonMessage).toBe(message);
    expect(error.pythonType).toBe('json.decoder.JSONDecodeError');
    expect(`${error.reason}: line ${error.line} column ${error.column} (char ${error.pos})`).toBe(message);
    expect(error.file).toBeUndefined();
  });

  it('exposes reason, line, column, pos and file, and names the file in the message', () => {
    const error = parseError('{\n  "a": 1\n  "b": 2\n}', 'templates/x.json');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('JsonParseError');
    expect(error.reason).toBe("Expecting ',' delimiter");
    expect([error.line, error.column, error.pos]).toEqual([3, 3, 13]);
    expect(error.file).toBe('templates/x.json');
    expect(error.message).toBe("templates/x.json: Expecting ',' delimiter: line 3 column 3 (char 13)");
    expect(error.pythonMessage).toBe("Expecting ',' delimiter: line 3 column 3 (char 13)");
  });

  it("rejects an integer of more than 4300 digits with Python 3.11's ValueError text", () => {
    const error = parseError(`[1, -${'1'.repeat(4301)}]`, 'big.json');
    expect(error.pythonType).toBe('ValueError');
    expect(error.pythonMessage).toBe(
      'Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit',
    );
    expect(error.pos).toBe(4);
    expect(error.message).toBe(`big.json: ${error.pythonMessage}: line 1 column 5 (char 4)`);
    // a float may have any number of digits
    expect(() => parseJson(`1.${'1'.repeat(5000)}`)).not.toThrow();
  });

  it('stops nesting deeper than Python 3.11 reads (995 levels from a top-level script) with its RecursionError text', () => {
    expect(() => parseJson('['.repeat(995) + ']'.repeat(995))).not.toThrow();
    const array = parseError('['.repeat(996) + ']'.repeat(996));
    expect(array.pythonType).toBe('RecursionError');
    expect(array.pythonMessage).toBe(
      'maximum recursion depth exceeded while decoding a JSON array from a unicode string',
    );
    expect(array.pos).toBe(995);
    const object = parseError('{"a":'.repeat(996) + '1' + '}'.repeat(996));
    expect(object.pythonMessage).toBe(
      'maximum recursion depth exceeded while decoding a JSON object from a unicode string',
    );
    expect(object.message).toBe(`${object.pythonMessage}: line 1 column 4976 (char 4975)`);
  });

  describe('real case: bigquery@BaardBouvet-patch-3 system template (missing comma)', () => {
    const folder = corpusPath('bigquery@BaardBouvet-patch-3');
    const template = readFileSync(path.join(folder, 'templates/system.json'), 'utf8');
    const expected = readFileSync(path.join(folder, 'expected-error.txt'), 'utf8');

    it('fails on the rendered text with exactly the message of expected-error.txt', () => {
      // The oracle rendered `{{@ system @}}` (line 2, before the error) as the 6-character placeholder.
      expect(template.split('{{@ system @}}')).toHaveLength(2);
      const rendered = template.replace('{{@ system @}}', 'xxxxxx');
      const error = parseError(rendered, 'templates/system.json');
      expect(expected).toContain(`exception: json.decoder.JSONDecodeError\n`);
      expect(expected).toContain(`message-first-line: ${error.pythonMessage}\n`);
      expect(error.pythonMessage).toBe("Expecting ',' delimiter: line 10 column 11 (char 262)");
      expect(error.message).toBe(
        "templates/system.json: Expecting ',' delimiter: line 10 column 11 (char 262)",
      );
    });

    it('fails on the unrendered template 8 characters later (the placeholder is 14 characters long)', () => {
      expect(parseError(template).pythonMessage).toBe(
        "Expecting ',' delimiter: line 10 column 11 (char 270)",
      );
    });
  });
});
