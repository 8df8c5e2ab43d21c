import { diffLines, splitLines, unifiedDiff } from '../src/compare/unified-diff';

/** Length of the longest common subsequence, by dynamic programming: the reference the Myers diff must match. */
const lcsLength = (a: string[], b: string[]): number => {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  return table[0][0];
};

/** A small deterministic pseudo-random generator, so the property test is reproducible. */
const random = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

describe('diffLines', () => {
  it('finds a shortest edit script on many random line lists (checked against an LCS table)', () => {
    const next = random(42);
    for (let round = 0; round < 300; round++) {
      const a = Array.from({ length: Math.floor(next() * 12) }, () => 'abcd'[Math.floor(next() * 4)]);
      const b = Array.from({ length: Math.floor(next() * 12) }, () => 'abcd'[Math.floor(next() * 4)]);
      const ops = diffLines(a, b);
      expect(ops.filter((op) => op.kind !== '+').map((op) => op.line)).toEqual(a);
      expect(ops.filter((op) => op.kind !== '-').map((op) => op.line)).toEqual(b);
      expect(ops.filter((op) => op.kind === ' ')).toHaveLength(lcsLength(a, b));
    }
  });

  it('lists removed lines before added ones inside a change', () => {
    expect(diffLines(['a', 'x', 'b'], ['a', 'y', 'b']).map((op) => op.kind + op.line)).toEqual([
      ' a',
      '-x',
      '+y',
      ' b',
    ]);
  });
});

describe('unifiedDiff', () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb', 'a\nb')).toBe('');
    expect(unifiedDiff('', '')).toBe('');
  });

  it('writes GNU-style hunks with three lines of context', () => {
    const before = lines(10);
    const after = [...before];
    after[4] = 'line five';
    expect(unifiedDiff(before.join('\n'), after.join('\n'))).toBe(
      [
        '@@ -2,7 +2,7 @@',
        ' line 2',
        ' line 3',
        ' line 4',
        '-line 5',
        '+line five',
        ' line 6',
        ' line 7',
        ' line 8',
      ].join('\n'),
    );
  });

  it('splits distant changes into separate hunks and joins near ones', () => {
    const before = lines(30);
    const after = [...before];
    after[2] = 'changed 3';
    after[25] = 'changed 26';
    const far = unifiedDiff(before.join('\n'), after.join('\n'));
    expect(far.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,6 +1,6 @@', '@@ -23,7 +23,7 @@']);

    const near = [...before];
    near[2] = 'changed 3';
    near[8] = 'changed 9';
    expect(unifiedDiff(before.join('\n'), near.join('\n')).match(/^@@ .* @@$/gm)).toEqual([
      '@@ -1,12 +1,12 @@',
    ]);

    // Six unchanged lines between two changes still make one hunk (as diff -u does), seven make two.
    const six = [...before];
    six[2] = 'changed 3';
    six[9] = 'changed 10';
    expect(unifiedDiff(before.join('\n'), six.join('\n')).match(/^@@ .* @@$/gm)).toEqual([
      '@@ -1,13 +1,13 @@',
    ]);
    const seven = [...before];
    seven[2] = 'changed 3';
    seven[10] = 'changed 11';
    expect(unifiedDiff(before.join('\n'), seven.join('\n')).match(/^@@ .* @@$/gm)).toEqual([
      '@@ -1,6 +1,6 @@',
      '@@ -8,7 +8,7 @@',
    ]);
  });

  it('numbers an empty side from the line before, and leaves out a count of one', () => {
    expect(unifiedDiff('', 'new')).toBe('@@ -0,0 +1 @@\n+new');
    expect(unifiedDiff('old', '')).toBe('@@ -1 +0,0 @@\n-old');
    expect(unifiedDiff('a\nb', 'a\nb\nc')).toBe('@@ -1,2 +1,3 @@\n a\n b\n+c');
  });

  it('adds ---/+++ headers when labels are given', () => {
    expect(unifiedDiff('a', 'b', { fromLabel: 'base/x.json', toLabel: 'head/x.json' })).toBe(
      '--- base/x.json\n+++ head/x.json\n@@ -1 +1 @@\n-a\n+b',
    );
  });

  it('does not count a final newline as a line', () => {
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('')).toEqual([]);
  });
});
