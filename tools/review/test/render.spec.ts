import { compareRevisions } from '../src/compare/compare-revisions';
import type { ConnectorBuild, ReviewReport } from '../src/compare/types';
import { renderJson } from '../src/render/json';
import { renderMarkdown } from '../src/render/markdown';
import { renderText } from '../src/render/text';

const MANIFEST = JSON.stringify({ datatypes: { order: { template: 'templates/order.json' } } }, null, 2);

/** A pipe with `lines` properties named after `tag`, so that two tags give two different diffs. */
const pipe = (tag: string, value: number, lines = 1) =>
  JSON.stringify(
    [
      {
        _id: '{{@ system @}}-{{@ datatype @}}-all',
        ...Object.fromEntries(Array.from({ length: lines }, (_, i) => [`${tag}-${i}`, value])),
        type: 'pipe',
      },
    ],
    null,
    2,
  );

const output = (text: string): ConnectorBuild['files'] => ({
  'manifest.json': MANIFEST,
  'templates/order.json': text,
});

/**
 * A review of connectors whose `order · all` pipe changes; `tag(system)` names the properties it
 * changes: the same tag for all is the same change everywhere.
 */
const reviewOf = (
  systems: string[],
  tag: (system: string) => string,
  lines = 1,
  failed: Record<string, string> = {},
): ReviewReport => {
  const side = (value: number) => ({
    ref: value === 1 ? 'main' : 'work tree',
    commit:
      value === 1 ? '0123456789abcdef0123456789abcdef01234567' : 'fedcba9876543210fedcba9876543210fedcba98',
    notes: [],
    connectors: Object.fromEntries(
      [...systems, 'zeta'].map((system) => [
        system,
        value === 2 && failed[system]
          ? { system, buildError: failed[system] }
          : { system, files: output(pipe(system === 'zeta' ? 'z' : tag(system), value, lines)) },
      ]),
    ),
  });
  const before = side(1);
  const after = side(2);
  after.connectors.zeta = before.connectors.zeta;
  return compareRevisions(before, after, { expanded: false });
};

const numbered = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

describe('renderMarkdown', () => {
  it('puts the summary table first, then each change once with where it happens', () => {
    const md = renderMarkdown(reviewOf(['alpha', 'beta'], () => 'same', 3));
    expect(md.split('\n').slice(0, 10)).toEqual([
      '### Connector review: `main (0123456)` → `work tree`',
      '',
      '| connector | datatypes | pipes | systems | manifest | note |',
      '| --- | --- | --- | --- | --- | --- |',
      '| alpha | ~1 | ~1 |  |  |  |',
      '| beta | ~1 | ~1 |  |  |  |',
      '',
      '2 connectors with changes, 1 unchanged; datatypes: 2 changed; pipes: 2 changed; systems: no changes; manifests: no changes.',
      '',
      '#### Changes',
    ]);
    expect(md).toContain(
      '**~ pipe · all — the same change in 2 pipes of 2 connectors:** alpha order; beta order',
    );
    expect(md.match(/```diff/g)).toHaveLength(1);
    expect(md).toContain(
      '```diff\n@@ -1,7 +1,7 @@\n {\n   "_id": "{{@ system @}}-{{@ datatype @}}-all",\n-  "same-0": 1,',
    );
    expect(md).not.toContain('Cut to fit');
  });

  it('shows a pack change over 300 connectors once, with the first connectors named, far under the cap', () => {
    const systems = numbered('s', 300);
    const md = renderMarkdown(reviewOf(systems, () => 'same', 40));
    expect(md.match(/```diff/g)).toHaveLength(1);
    expect(md).toContain(
      `**~ pipe · all — the same change in 300 pipes of 300 connectors:** ${systems
        .slice(0, 40)
        .map((s) => `${s} order`)
        .join('; ')}; and 260 more connectors`,
    );
    for (const system of systems) expect(md).toContain(`| ${system} | ~1 | ~1 |`);
    expect(md.length).toBeLessThan(30_000);
    expect(md).not.toContain('Cut to fit');
  });

  it('stays under the size cap: every change compactly, as many as fit with diffs, and says what was cut', () => {
    const systems = numbered('sys', 30);
    const md = renderMarkdown(
      reviewOf(systems, (s) => `k${s}`, 40),
      { maxChars: 20_000 },
    );

    expect(md.length).toBeLessThanOrEqual(20_000);
    for (const system of systems) {
      expect(md).toContain(`| ${system} | ~1 | ~1 |`);
      expect(md).toContain(`**~ ${system} · order · all**`);
    }
    expect(md).toContain('"ksys000-0": 1');
    const cutNote = md.slice(md.indexOf('Cut to fit'));
    expect(cutNote).toMatch(
      /^Cut to fit 20,000 characters: left out the diffs and details of sys\d{3} · order · all \(changed\)(, sys\d{3} · order · all \(changed\))* and \d+ more\. Run /,
    );
    expect(cutNote).toContain('Run `npm run review -- --base main` for the full report.');
    const firstWithout = Number(/details of sys(\d{3})/.exec(cutNote)![1]);
    expect(firstWithout).toBeGreaterThan(0);
    for (const [i, system] of systems.entries()) {
      expect(md.includes(`"k${system}-0": 1`)).toBe(i < firstWithout);
    }
  });

  it('leaves whole sections out, last ones first, when even the compact ones do not fit', () => {
    const systems = numbered('s', 200);
    const md = renderMarkdown(
      reviewOf(systems, (s) => `k${s}`, 200),
      { maxChars: 12_000 },
    );
    expect(md.length).toBeLessThanOrEqual(12_000);
    expect(md).toContain('**~ s000 · order · all**');
    expect(md).not.toContain('**~ s199 · order · all**');
    expect(md).toMatch(
      /rows? of the summary table; the diffs and details of s000 · order · all \(changed\), .*; the sections of s\d{3} · order · all \(changed\), .* and \d+ more\./,
    );
  });

  it('uses a longer fence when the diff itself contains backticks', () => {
    const report = reviewOf(['alpha'], () => '```', 1);
    const md = renderMarkdown(report);
    expect(md).toContain('````diff\n');
    expect(md).toContain('-  "```-0": 1,\n+  "```-0": 2,');
  });

  it('shows the error of a failed build and dashes for its counts', () => {
    const md = renderMarkdown(
      reviewOf(['alpha', 'beta'], () => 'same', 1, {
        alpha: 'connector.json: datatypes.x.pattern: must be one of …',
      }),
    );
    expect(md).toContain('| alpha | – | – | – | – | build failed at head |');
    expect(md).toContain(
      '**build failed at head:**\n\n```text\nconnector.json: datatypes.x.pattern: must be one of …\n```',
    );
    expect(md).toContain('**~ beta · order · all**');
  });
});

describe('renderText', () => {
  it('prints the table, the totals, then each group of changes with its diff and where it happens', () => {
    const report = reviewOf(['alpha', 'beta', 'gamma'], (s) => (s === 'gamma' ? 'other' : 'same'));
    report.notes.push('base: lockfile differs');
    const text = renderText(report);
    expect(text.split('\n').slice(0, 14)).toEqual([
      'Connector review: main (0123456) -> work tree',
      '',
      'connector  datatypes  pipes  systems  manifest  note',
      'alpha      ~1         ~1',
      'beta       ~1         ~1',
      'gamma      ~1         ~1',
      '',
      '3 connectors with changes, 1 unchanged; datatypes: 3 changed; pipes: 3 changed; systems: no changes; manifests: no changes.',
      'note: base: lockfile differs',
      '',
      'Changes:',
      '',
      '~ pipe · all — the same change in 2 pipes of 2 connectors: alpha order; beta order',
      '    @@ -1,5 +1,5 @@',
    ]);
    expect(text).toContain(
      '~ gamma · order · all — the odd one out, differs from the common form\n    @@ -1,5 +1,5 @@',
    );
  });
});

describe('renderText, many connectors', () => {
  it('wraps a long list of where a change happens under its title', () => {
    const systems = numbered('connector', 60);
    const text = renderText(reviewOf(systems, () => 'same'));
    const at = text.indexOf('~ pipe · all — the same change in 60 pipes of 60 connectors:\n');
    expect(at).toBeGreaterThan(0);
    const list = text.slice(at).split('\n').slice(1, 40);
    const listed = list.filter((line) => line.startsWith('    connector'));
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.every((line) => line.length <= 120)).toBe(true);
    // Every connector once, in order, none cut.
    expect(listed.map((line) => line.trim()).join(' ')).toBe(systems.map((s) => `${s} order`).join('; '));
  });
});

describe('renderJson', () => {
  it('is the report itself', () => {
    const report = reviewOf(['alpha'], () => 'same');
    expect(JSON.parse(renderJson(report))).toEqual(report);
  });
});
