import { compareCodePoints } from './index';

describe('compareCodePoints (Python str ordering)', () => {
  const sorted = (keys: string[]): string[] => [...keys].sort(compareCodePoints);

  it('orders ASCII as Python: $ < digits < uppercase < _ < lowercase, prefixes first', () => {
    expect(sorted(['a', '_id', '_a', 'Z', '9', '10', '$b', 'ab', ''])).toEqual([
      '',
      '$b',
      '10',
      '9',
      'Z',
      '_a',
      '_id',
      'a',
      'ab',
    ]);
  });

  it('puts astral characters after U+E000–U+FFFF (UTF-16 order would not)', () => {
    const astral = '\u{1F600}';
    expect(sorted([astral, '\uffff', '\ue000', '\uff5a', 'z'])).toEqual([
      'z',
      '\ue000',
      '\uff5a',
      '\uffff',
      astral,
    ]);
    expect(['\u{1F600}', '\uff5a'].sort()).toEqual(['\u{1F600}', '\uff5a']); // what plain sort() does
    expect(compareCodePoints('a\u{10000}', 'a\uffff')).toBeGreaterThan(0);
    expect(compareCodePoints('\u{1F600}', '\u{1F601}')).toBeLessThan(0);
  });

  it('treats a lone surrogate as its own code point (below U+E000, below any astral character)', () => {
    expect(compareCodePoints('\ud800', '\ue000')).toBeLessThan(0);
    expect(compareCodePoints('\ud83d', '\u{1F600}')).toBeLessThan(0);
    // "x" + lone U+D83D + U+1F600  vs  "x" + U+1F600: at code point 2, U+D83D < U+1F600
    expect(compareCodePoints('x\ud83d\ud83d\ude00', 'x\ud83d\ude00')).toBeLessThan(0);
    expect(compareCodePoints('x\ud83d\ude00', 'x\ud83d\ud83d\ude00')).toBeGreaterThan(0);
    // lone U+D83D then "a"  vs  U+1F600
    expect(compareCodePoints('\ud83da', '\ud83d\ude00')).toBeLessThan(0);
    expect(compareCodePoints('same', 'same')).toBe(0);
  });
});
