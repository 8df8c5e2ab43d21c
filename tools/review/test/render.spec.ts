import type { ConnectorReport, ReviewReport } from '../src/compare/types';
import { renderJson } from '../src/render/json';
import { renderMarkdown } from '../src/render/markdown';
import { renderText } from '../src/render/text';

const bigDiff = (system: string, lines: number) =>
  [
    '@@ -1,' + lines + ' +1,' + lines + ' @@',
    ...Array.from({ length: lines }, (_, i) => `-  "${system}-old-${i}": 1,\n+  "${system}-new-${i}": 2,`),
  ].join('\n');

const changedConnector = (system: string, diffLines: number): ConnectorReport => ({
  system,
  status: 'changed',
  errors: [],
  datatypes: { added: [], removed: [] },
  files: [
    {
      path: 'templates/order.json',
      change: 'changed',
      entities: [
        { id: '{{@ system @}}-{{@ datatype @}}-all', change: 'changed', diff: bigDiff(system, diffLines) },
      ],
    },
  ],
  pipes: { added: 0, removed: 0, changed: 1 },
});

const reportOf = (connectors: ConnectorReport[], extra: Partial<ReviewReport> = {}): ReviewReport => ({
  base: { ref: 'main', commit: '0123456789abcdef0123456789abcdef01234567' },
  head: { ref: 'work tree', commit: 'fedcba9876543210fedcba9876543210fedcba98' },
  expanded: false,
  connectors,
  unchanged: ['zeta'],
  totals: { connectors: connectors.length, pipes: { added: 0, removed: 0, changed: connectors.length } },
  notes: [],
  ...extra,
});

describe('renderMarkdown', () => {
  it('puts the summary table first and one collapsible section per connector, with the diffs', () => {
    const md = renderMarkdown(reportOf([changedConnector('alpha', 3), changedConnector('beta', 3)]));
    expect(md.split('\n').slice(0, 6)).toEqual([
      '### Connector review: `main (0123456789)` → `work tree`',
      '',
      '| connector | pipes added | removed | changed | note |',
      '| --- | --: | --: | --: | --- |',
      '| alpha | 0 | 0 | 1 |  |',
      '| beta | 0 | 0 | 1 |  |',
    ]);
    expect(md.match(/<details>/g)).toHaveLength(2);
    expect(md).toContain('<summary><b>alpha</b> — changed, pipes: 1 changed</summary>');
    expect(md).toContain('```diff\n@@ -1,3 +1,3 @@\n-  "alpha-old-0": 1,');
    expect(md).not.toContain('Cut to fit');
  });

  it('stays under the size cap: every connector compactly, as many as fit with diffs, and says what was cut', () => {
    const connectors = Array.from({ length: 30 }, (_, i) =>
      changedConnector(`sys${String(i).padStart(2, '0')}`, 40),
    );
    const md = renderMarkdown(reportOf(connectors), { maxChars: 20_000 });

    expect(md.length).toBeLessThanOrEqual(20_000);
    for (const c of connectors) {
      expect(md).toContain(`| ${c.system} | 0 | 0 | 1 |`);
      expect(md).toContain(`<summary><b>${c.system}</b>`);
    }
    expect(md).toContain('"sys00-old-39": 1');
    const cutNote = md.slice(md.indexOf('Cut to fit'));
    expect(cutNote).toMatch(
      /^Cut to fit 20,000 characters: left out the diffs of sys\d\d(, sys\d\d)* and \d+ more\. Run /,
    );
    expect(cutNote).toContain('Run `npm run review -- --base main` for the full report.');
    const firstWithout = Number(/the diffs of sys(\d\d)/.exec(cutNote)![1]);
    expect(firstWithout).toBeGreaterThan(0);
    for (const [i, c] of connectors.entries()) {
      expect(md.includes(`"${c.system}-old-0"`)).toBe(i < firstWithout);
    }
  });

  it('leaves whole sections out, last ones first, when even the compact ones do not fit', () => {
    const connectors = Array.from({ length: 80 }, (_, i) =>
      changedConnector(`s${String(i).padStart(2, '0')}`, 200),
    );
    const md = renderMarkdown(reportOf(connectors), { maxChars: 12_000 });
    expect(md.length).toBeLessThanOrEqual(12_000);
    expect(md).toContain('<summary><b>s00</b>');
    expect(md).not.toContain('<summary><b>s79</b>');
    expect(md).toMatch(/left out the diffs of s00, .*; the details of s\d\d, .* and \d+ more\./);
  });

  it('uses a longer fence when the diff itself contains backticks', () => {
    const connector = changedConnector('alpha', 1);
    connector.files[0].entities[0].diff = '@@ -1 +1 @@\n-"a"\n+"```"';
    const md = renderMarkdown(reportOf([connector]));
    expect(md).toContain('````diff\n@@ -1 +1 @@\n-"a"\n+"```"\n````');
  });

  it('shows the error of a failed build and dashes for its counts', () => {
    const failed: ConnectorReport = {
      ...changedConnector('alpha', 1),
      status: 'failed',
      files: [],
      errors: [
        { side: 'base', stage: 'build', message: 'connector.json: datatypes.x.pattern: must be one of …' },
      ],
    };
    const md = renderMarkdown(reportOf([failed]));
    expect(md).toContain('| alpha | – | – | – | build failed at base |');
    expect(md).toContain(
      '**build failed at base:**\n\n```text\nconnector.json: datatypes.x.pattern: must be one of …\n```',
    );
  });
});

describe('renderText', () => {
  it('prints the table, the totals and then each connector with its pipe diffs', () => {
    const text = renderText(reportOf([changedConnector('alpha', 1)], { notes: ['base: lockfile differs'] }));
    expect(text.split('\n').slice(0, 8)).toEqual([
      'Connector review: main (0123456789) -> work tree',
      '',
      'connector  pipes added  removed  changed  note',
      'alpha                0        0        1',
      '',
      '1 connector with changes; 1 unchanged; pipes: 1 changed.',
      'note: base: lockfile differs',
      '',
    ]);
    expect(text).toContain(
      '== alpha (changed)\ntemplates/order.json: changed\n  ~ {{@ system @}}-{{@ datatype @}}-all\n    @@ -1,1 +1,1 @@',
    );
  });
});

describe('renderJson', () => {
  it('is the report itself', () => {
    const report = reportOf([changedConnector('alpha', 1)]);
    expect(JSON.parse(renderJson(report))).toEqual(report);
  });
});
