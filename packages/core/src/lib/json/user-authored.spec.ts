import { JsonNumber, JsonParseError, parseJson, USER_AUTHORED } from './index';

const strictError = (text: string): string => {
  try {
    parseJson(text, 'connector.json', USER_AUTHORED);
  } catch (error) {
    if (error instanceof JsonParseError) return error.message;
    throw error;
  }
  throw new Error(`parsed without error: ${text}`);
};

describe('parseJson with USER_AUTHORED (connector.json)', () => {
  it('refuses a duplicate key, naming both positions', () => {
    expect(strictError('{\n  "a": 1,\n  "b": {"x": 1, "x": 2}\n}')).toBe(
      'connector.json: Duplicate key "x" (first at line 3 column 9; Python would keep only the last value): line 3 column 17 (char 28)',
    );
  });

  it.each([
    ['{"page_size": NaN}', 'NaN is not a number Sesam accepts'],
    ['[Infinity]', 'Infinity is not a number Sesam accepts'],
    ['[-Infinity]', '-Infinity is not a number Sesam accepts'],
    ['{"page_size": 1e400}', '1e400 is beyond the range of a float (it would be Infinity): line 1 column 15'],
    ['[-1E999]', '-1E999 is beyond the range of a float'],
  ])('refuses the non-finite %s', (text, message) => {
    expect(strictError(text)).toContain(message);
  });

  it('still reads what a person means: same key in different objects, big integers, tiny floats', () => {
    const value = parseJson(
      '{"a": {"k": 1}, "b": {"k": 123456789012345678901234567890}, "c": 1e-400}',
      undefined,
      USER_AUTHORED,
    );
    expect(value).toBeDefined();
  });

  it("keeps Python's leniency by default (expand reads sesam-py's files as sesam-py does)", () => {
    const value = parseJson('{"a": 1, "a": NaN}') as Map<string, unknown>;
    expect([...value.keys()]).toEqual(['a']);
    expect(value.get('a')).toEqual(new JsonNumber('NaN'));
  });
});
