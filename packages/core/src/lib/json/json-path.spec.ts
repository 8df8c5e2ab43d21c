import { formatJsonPath } from './json-path';

describe('formatJsonPath', () => {
  it('dots identifier keys, brackets indexes and every other key', () => {
    expect(formatJsonPath(['datatypes', 'order', 'pattern'])).toBe('datatypes.order.pattern');
    expect(formatJsonPath([2, 'source', 'operation'])).toBe('[2].source.operation');
    expect(formatJsonPath(['datatypes', 'order-line', 'options', 'topics', 1])).toBe(
      'datatypes["order-line"].options.topics[1]',
    );
    expect(formatJsonPath(['a', 'say "hi"'])).toBe('a["say \\"hi\\""]');
  });

  it('starts from the given root and keys given as plain', () => {
    expect(formatJsonPath(['pipes', 0], { root: '$' })).toBe('$.pipes[0]');
    expect(formatJsonPath([], { root: '$' })).toBe('$');
    expect(formatJsonPath([])).toBe('');
    expect(formatJsonPath(['datatypes', 'order-line'], { plainKey: /^[a-z-]+$/ })).toBe(
      'datatypes.order-line',
    );
  });
});
