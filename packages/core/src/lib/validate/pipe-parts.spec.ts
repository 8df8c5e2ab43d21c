import { parseJson } from '../json';
import { stringsMatching } from './pipe-parts';

describe('stringsMatching', () => {
  const value = parseJson(
    '{"a": "x-1", "b": [1, "y", {"c": "x-2", "d": ["x-3"]}], "e": {"f": null, "x-key": "z"}}',
  );

  it('gives every matching string with its JSON path, in document order', () => {
    expect(stringsMatching(value, (text) => text.startsWith('x-'))).toEqual([
      { text: 'x-1', path: ['a'] },
      { text: 'x-2', path: ['b', 2, 'c'] },
      { text: 'x-3', path: ['b', 2, 'd', 0] },
    ]);
  });

  it('stops at the first match when asked', () => {
    expect(stringsMatching(value, (text) => text.startsWith('x-'), { first: true })).toEqual([
      { text: 'x-1', path: ['a'] },
    ]);
  });

  it('looks at string values only (not keys, numbers or null), and finds none in a scalar', () => {
    expect(stringsMatching(value, (text) => text === 'x-key' || text === '1')).toEqual([]);
    expect(stringsMatching('x-0', (text) => text.startsWith('x-'))).toEqual([{ text: 'x-0', path: [] }]);
  });
});
