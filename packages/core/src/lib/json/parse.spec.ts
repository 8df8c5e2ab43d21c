import {
  JsonNumber,
  JsonObject,
  isJsonArray,
  isJsonNumber,
  isJsonObject,
  parseJson,
  type JsonValue,
} from './index';

const lexeme = (value: JsonValue | undefined): string => {
  if (!(value instanceof JsonNumber)) throw new Error(`not a JsonNumber: ${String(value)}`);
  return value.lexeme;
};

describe('parseJson values', () => {
  it('reads strings, booleans, null and arrays as plain JS', () => {
    expect(parseJson(' [ "a" , true,false ,null, [] ]\r\n\t')).toEqual(['a', true, false, null, []]);
    expect(parseJson('"x"')).toBe('x');
    expect(parseJson('null')).toBeNull();
  });

  it('reads objects as JsonObject in source key order, integer-like keys included', () => {
    const value = parseJson('{"z": 1, "10": 2, "9": 3, "a": {"y": 1, "x": 2}, "__proto__": "p"}');
    expect(isJsonObject(value)).toBe(true);
    const object = value as JsonObject;
    expect([...object.keys()]).toEqual(['z', '10', '9', 'a', '__proto__']);
    expect([...(object.get('a') as JsonObject).keys()]).toEqual(['y', 'x']);
    expect(object.get('__proto__')).toBe('p');
    expect(Object.getPrototypeOf(object)).toBe(JsonObject.prototype);
  });

  it('keeps the first position and the last value of a duplicate key (Python dict semantics)', () => {
    const object = parseJson('{"a": 1, "b": 2, "a": 3}') as JsonObject;
    expect([...object.keys()]).toEqual(['a', 'b']);
    expect(lexeme(object.get('a'))).toBe('3');
  });

  it('keeps every number as its exact lexeme', () => {
    const values = parseJson(
      '[0, -0, 12345678901234567890123, 9007199254740993, 1.0, 1E400, 1e-7, -0.0, 2.50]',
    );
    expect((values as JsonValue[]).map(lexeme)).toEqual([
      '0',
      '-0',
      '12345678901234567890123',
      '9007199254740993',
      '1.0',
      '1E400',
      '1e-7',
      '-0.0',
      '2.50',
    ]);
    expect((values as JsonValue[]).every(isJsonNumber)).toBe(true);
  });

  it('accepts NaN, Infinity and -Infinity as Python does', () => {
    expect((parseJson('[NaN, Infinity, -Infinity]') as JsonValue[]).map(lexeme)).toEqual([
      'NaN',
      'Infinity',
      '-Infinity',
    ]);
  });

  it('accepts a 4300-digit integer (Python 3.11 limit) and keeps it exact', () => {
    const digits = '9'.repeat(4300);
    expect(lexeme(parseJson(`-${digits}`))).toBe(`-${digits}`);
  });

  it('decodes every escape; \\/ becomes /', () => {
    expect(parseJson('"\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041 \\u00e6 \\u00E6"')).toBe(
      '" \\ / \b \f \n \r \t A æ æ',
    );
  });

  it('joins a surrogate-pair escape into one character and keeps lone surrogates', () => {
    expect(parseJson('"\\ud83d\\ude00"')).toBe('😀');
    expect(parseJson('"\\uD83D\\uDE00"')).toBe('\u{1F600}');
    expect(parseJson('"\\ud800"')).toBe('\ud800');
    expect(parseJson('"\\udc00\\ud800"')).toBe('\udc00\ud800');
    // a high surrogate followed by a non-low escape stays alone; the next escape is read on its own
    expect(parseJson('"\\ud800\\u0041"')).toBe('\ud800A');
    expect(parseJson('"\\ud800\\ud800\\udc00"')).toBe('\ud800\ud800\udc00'); // lone high, then U+10000
  });

  it('takes raw non-ASCII, astral characters and DEL in strings as they are', () => {
    expect(parseJson('{"ø😀": "\u007f\u2028"}')).toEqual(new JsonObject([['ø😀', '\u007f\u2028']]));
  });

  it('offers type guards that tell the kinds apart', () => {
    const [object, array, number] = parseJson('[{}, [], 1]') as JsonValue[];
    expect([isJsonObject(object), isJsonArray(object), isJsonNumber(object)]).toEqual([true, false, false]);
    expect([isJsonObject(array), isJsonArray(array), isJsonNumber(array)]).toEqual([false, true, false]);
    expect([isJsonObject(number), isJsonArray(number), isJsonNumber(number)]).toEqual([false, false, true]);
    expect(isJsonObject({})).toBe(false);
  });
});
