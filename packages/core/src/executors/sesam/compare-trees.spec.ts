import { compareTrees, jsonDifferences } from './compare-trees';

const tree = (files: Record<string, string>) =>
  new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)]));

describe('compareTrees', () => {
  it('classifies files as added, removed or changed, sorted by path, and skips identical ones', () => {
    const committed = tree({
      'manifest.json': '{}',
      'templates/a.json': '{"x": 1}',
      'templates/old.json': '[]',
      'README.md': 'same',
    });
    const downloaded = tree({
      'manifest.json': '{}',
      'templates/a.json': '{"x": 2}',
      'templates/new.json': '[]',
      'README.md': 'same',
    });
    expect(compareTrees(committed, downloaded)).toEqual([
      { path: 'templates/a.json', kind: 'changed', jsonPaths: ['x'], jsonPathCount: 1 },
      { path: 'templates/new.json', kind: 'added' },
      { path: 'templates/old.json', kind: 'removed' },
    ]);
  });

  it('marks a JSON file whose values are equal as a formatting-only change, and non-JSON changes without paths', () => {
    const changes = compareTrees(
      tree({ 'a.json': '{"x": [1, 2]}', 'notes.txt': 'a' }),
      tree({ 'a.json': '{\n  "x": [\n    1,\n    2\n  ]\n}', 'notes.txt': 'b' }),
    );
    expect(changes).toEqual([
      { path: 'a.json', kind: 'changed', jsonPaths: [], jsonPathCount: 0 },
      { path: 'notes.txt', kind: 'changed' },
    ]);
  });

  it('lists at most five JSON paths but counts them all', () => {
    const before = JSON.stringify({ a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1 });
    const after = JSON.stringify({ a: 2, b: 2, c: 2, d: 2, e: 2, f: 2, g: 2 });
    expect(compareTrees(tree({ 'x.json': before }), tree({ 'x.json': after }))).toEqual([
      { path: 'x.json', kind: 'changed', jsonPaths: ['a', 'b', 'c', 'd', 'e'], jsonPathCount: 7 },
    ]);
  });
});

describe('jsonDifferences', () => {
  it('names nested paths, added and removed keys, resized arrays and odd keys', () => {
    const a = JSON.stringify([
      { _id: 'p', source: { url: 'u', keep: 1 }, sink: { type: 'dataset' }, 'a b': 1, list: [1, 2] },
    ]);
    const b = JSON.stringify([
      { _id: 'p', source: { url: 'v', keep: 1 }, transform: {}, 'a b': 2, list: [1, 2, 3] },
    ]);
    expect(jsonDifferences(a, b)).toEqual([
      '[0]["a b"]',
      '[0].list',
      '[0].sink',
      '[0].source.url',
      '[0].transform',
    ]);
  });

  it('reports a changed root and refuses non-JSON', () => {
    expect(jsonDifferences('1', '2')).toEqual(['$']);
    expect(jsonDifferences('{', '{}')).toBeUndefined();
  });
});
