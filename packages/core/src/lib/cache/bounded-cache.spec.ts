import { BoundedCache } from './bounded-cache';

describe('BoundedCache', () => {
  it('makes each value once and returns the same value after', () => {
    const cache = new BoundedCache<string, { text: string }>(10);
    const make = jest.fn((key: string) => ({ text: key.toUpperCase() }));
    const first = cache.getOrCreate('a', make);
    expect(cache.getOrCreate('a', make)).toBe(first);
    expect(first).toEqual({ text: 'A' });
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('drops the least recently used entry beyond its capacity', () => {
    const cache = new BoundedCache<string, string>(2);
    const make = jest.fn((key: string) => key);
    cache.getOrCreate('a', make);
    cache.getOrCreate('b', make);
    cache.getOrCreate('a', make); // a is now the most recently used
    cache.getOrCreate('c', make); // evicts b
    expect(cache.size).toBe(2);
    make.mockClear();
    cache.getOrCreate('a', make);
    cache.getOrCreate('c', make);
    expect(make).not.toHaveBeenCalled();
    cache.getOrCreate('b', make);
    expect(make).toHaveBeenCalledWith('b');
  });

  it('caches nothing when making the value throws', () => {
    const cache = new BoundedCache<string, string>(2);
    expect(() =>
      cache.getOrCreate('bad', () => {
        throw new Error('syntax error');
      }),
    ).toThrow('syntax error');
    expect(cache.size).toBe(0);
    expect(cache.getOrCreate('bad', () => 'fixed')).toBe('fixed');
  });

  it('refuses a capacity below one', () => {
    expect(() => new BoundedCache(0)).toThrow(RangeError);
  });
});
