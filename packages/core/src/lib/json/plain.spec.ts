import { parseJson, toPlainJs } from './index';

describe('toPlainJs', () => {
  it('turns JsonObject into objects and JsonNumber into numbers', () => {
    expect(
      toPlainJs(parseJson('{"a": [1, 2.5, "s", true, null, {"b": {}}], "n": 12345678901234567890}')),
    ).toEqual({
      a: [1, 2.5, 's', true, null, { b: {} }],
      n: 12345678901234567000,
    });
  });

  it('keeps a "__proto__" key as data', () => {
    const plain = toPlainJs(parseJson('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.keys(plain)).toEqual(['__proto__']);
    expect((plain as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
  });
});
