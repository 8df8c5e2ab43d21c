import { JsonNumber, pythonFloatRepr } from './index';

describe('JsonNumber', () => {
  it('accepts exactly the JSON number grammar plus NaN and ±Infinity', () => {
    for (const ok of ['0', '-0', '10', '1.5', '1e5', '1E+05', '-2.5e-3', 'NaN', 'Infinity', '-Infinity']) {
      expect(new JsonNumber(ok).lexeme).toBe(ok);
    }
    for (const bad of ['', '01', '1.', '.5', '+1', '1e', '0x10', '-NaN', 'inf', ' 1', '1 ', '١']) {
      expect(() => new JsonNumber(bad)).toThrow(`Not a JSON number: ${JSON.stringify(bad)}`);
    }
  });

  it('tells integers from floats as Python does', () => {
    expect(['0', '-0', '123456789012345678901234567890'].map((l) => new JsonNumber(l).isInteger)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['1.0', '1e5', 'NaN', 'Infinity', '-Infinity'].map((l) => new JsonNumber(l).isInteger)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('converts to number and bigint', () => {
    expect(new JsonNumber('1E400').toNumber()).toBe(Infinity);
    expect(new JsonNumber('2.5').toNumber()).toBe(2.5);
    expect(new JsonNumber('12345678901234567890123').toBigInt()).toBe(12345678901234567890123n);
    expect(() => new JsonNumber('1.0').toBigInt()).toThrow(RangeError);
    expect(String(new JsonNumber('-0.0'))).toBe('-0.0');
  });

  it('builds from JS numbers and bigints with the lexeme Python would print', () => {
    expect(
      [1, -0, 1.5, 1e16 + 0.5, 1e-7, 1e21, NaN, -Infinity].map((n) => JsonNumber.from(n).lexeme),
    ).toEqual(['1', '0', '1.5', '10000000000000000', '1e-07', '1000000000000000000000', 'NaN', '-Infinity']);
    expect(JsonNumber.from(-(2n ** 70n)).lexeme).toBe('-1180591620717411303424');
  });
});

describe('pythonFloatRepr (repr(float))', () => {
  it.each([
    [1, '1.0'],
    [-0, '-0.0'],
    [0, '0.0'],
    [100000, '100000.0'],
    [1e16, '1e+16'],
    [1.5e16, '1.5e+16'],
    [9.999999999999998e15, '9999999999999998.0'],
    [0.0001, '0.0001'],
    [0.00012, '0.00012'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [-2.5e-100, '-2.5e-100'],
    [1e100, '1e+100'],
    [Number.MAX_VALUE, '1.7976931348623157e+308'],
    [Number.MIN_VALUE, '5e-324'],
    [123.456, '123.456'],
    [2 ** 53, '9007199254740992.0'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ])('%p → %s', (value, repr) => {
    expect(pythonFloatRepr(value)).toBe(repr);
  });
});
