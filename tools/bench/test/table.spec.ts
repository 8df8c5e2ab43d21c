import { formatSummary, formatTable, reportTable } from '../src/table';
import { sampleReport } from './report-fixture';

describe('formatTable', () => {
  it('pads columns to the widest cell, underlines the header and trims line ends', () => {
    expect(formatTable(['a', 'bbb'], [['cccc', 'd'], ['e']])).toBe(
      ['a     bbb', '----  ---', 'cccc  d', 'e'].join('\n'),
    );
  });
});

describe('formatSummary', () => {
  it('shows the median with range and spread, a single run alone, and a failure by its first line', () => {
    expect(formatSummary({ n: 3, median: 1500, min: 1200, max: 1800, spread: 0.4 })).toBe(
      '1.50 s (1.20–1.80, spread 40 %)',
    );
    expect(formatSummary({ n: 1, median: 25_000, min: 25_000, max: 25_000, spread: 0 })).toBe('25.0 s');
    expect(formatSummary({ error: '\nnx run-many -t build failed (exit 1)\nmore' })).toBe(
      'failed: nx run-many -t build failed (exit 1)',
    );
  });
});

describe('reportTable', () => {
  const table = reportTable(sampleReport());
  const row = (start: string) => table.split('\n').find((line) => line.startsWith(start)) ?? '';

  it('has one row per measurement (a)–(h) and per target', () => {
    for (const label of [
      '(a) cold',
      '(b) fully cached',
      '    same, NX_ISOLATE_PLUGINS=true',
      '    same, warm daemon',
      '    empty target, cached',
      '    same two, warm daemon',
      '(c) after a pack',
      '(d) after one connector.json',
      '(e) one connector',
      '(f) engine in-process: build',
      '    same, validating every connector (no store)',
      '    same, validate: false',
      '    same, every output file changed',
      '(f) engine in-process: expand',
      '(g) raw-I/O floor: build',
      '(g) raw-I/O floor: expand',
      '    engine ÷ floor',
      '(h) peak memory 25×10',
      '(h) peak memory 200×10',
      '(i) review of a pack change',
    ]) {
      expect([label, row(label) !== '']).toEqual([label, true]);
    }
    expect(table.split('\n').filter((line) => line.startsWith('target: '))).toHaveLength(10);
  });

  it('shows the review of a pack change with what it showed and the cold build beside it', () => {
    expect(row('(i) review of a pack change')).toMatch(
      /^\(i\) review of a pack change +9\.00 s \(8\.80–9\.50, spread 8 %\) +markdown, both sides built; 3 groups shown, the largest 1800 pipes, 21,000 characters; cold build between the reviews 3\.40 s \(3\.30–3\.50, spread 6 %\)$/,
    );
    expect(row('target: (i) review')).toContain('2.65× (target ≤ 3×: met)');
  });

  it('shows figures, failures and verdicts', () => {
    expect(row('(a) cold')).toContain('6.10 s (6.00–6.30, spread 5 %)');
    expect(row('(a) cold')).toContain('200 connectors × 10 datatypes');
    expect(row('(f) engine in-process: build')).toContain('952 datatypes/s, 2.9 MB/s (2400 files, 6.0 MB)');
    expect(row('(g) raw-I/O floor: expand')).toContain('failed: engine probe expand failed (exit 1):');
    expect(row('    engine ÷ floor')).toContain('build 2.10×, expand n/a');
    expect(row('    same two, warm daemon')).toContain('both served by the daemon: 1.44×');
    expect(row('    engine ÷ floor')).toContain(
      'build validating every connector 2.80×, with validate: false 1.45×',
    );
    expect(row('(h) peak memory 200×10')).toContain('320 MB Nx tree (PSS)');
    expect(row('target: engine build ÷ floor (outputs up to date)')).toContain(
      '2.10× (target ≤ 1.5×: MISSED)',
    );
    expect(row('target: engine build ÷ floor (every output changed)')).toContain(
      '2.55× (target ≤ 1.5×: MISSED)',
    );
    expect(row('target: engine expand ÷ floor (outputs up to date)')).toContain(
      'n/a (target ≤ 1.5×: not measured)',
    );
    expect(row('target: (b) fully cached')).toContain('1.90 s (target ≤ 2 s: met)');
    expect(row('target: peak memory')).toContain('320 MB (target < 500 MB: met)');
  });
});
