import { readFileSync } from 'node:fs';
import { corpusPath } from '../../../test/corpus';
import type { ConnectorDescription } from '../../generators/import/lib/drift/describe-plan';
import { adoptionFigures } from '../../generators/import/lib/drift/adoption';
import { summarizeDrift } from '../../generators/import/lib/drift/summarize';
import { parseJson, toJsonText } from '../../lib/json';
import { driftReport } from '../commands/drift';
import { formatDriftMarkdown } from './format-markdown';
import { formatDriftText } from './format-text';
import { formatDriftJson, patchLine, type DriftReport } from './report';

const TWO = ['akkio@main', 'shopify@main'];

/** Minified JSON bytes, computed here from the files (not by the code under test). */
const minified = (file: string): number =>
  Buffer.byteLength(toJsonText(parseJson(readFileSync(file, 'utf8')), { compact: true }));

const order = (patches: ConnectorDescription['datatypes'][number]['patches']) => ({
  name: 'order',
  template: 'templates/order.json',
  pattern: 'collect',
  options: { share: true },
  roles: ['all', 'collect', 'share'],
  patches,
  patchSize: patches.reduce((sum, p) => sum + p.size, 0),
});

/** Two hand-made connectors: acme patches `-collect`, beta does not; beta keeps one datatype raw. */
const described: ConnectorDescription[] = [
  {
    folder: 'acme',
    system: 'acme',
    datatypes: [
      order([
        { role: 'collect', size: 120, changes: ['replace /source/dataset', 'add /pump/cron_expression'] },
        { role: 'all2', size: 80, changes: ['add ""'] },
      ]),
      {
        name: 'refund',
        template: 'templates/order.json',
        pattern: 'collect',
        reuse: 'order',
        options: {},
        roles: ['all', 'collect', 'share'],
        patches: [],
        patchSize: 0,
      },
    ],
    systemTemplate: {
      rendered: true,
      patch: { role: 'system', size: 60, changes: ['add /rate_limiting_retries'] },
    },
    manifest: { generated: true },
    authoredBytes: 500,
    sourceBytes: 1000,
  },
  {
    folder: 'beta',
    system: 'beta',
    datatypes: [
      order([{ role: 'collect', size: 90, changes: ['replace /source/dataset'] }]),
      {
        name: 'country',
        template: 'templates/country.json',
        pattern: 'raw',
        options: {},
        roles: [],
        patches: [],
        patchSize: 0,
        rawReason: 'its pipes are not named <system>-<datatype>-<role>',
      },
    ],
    systemTemplate: { rendered: false, reason: 'it is not a single system object' },
    manifest: { generated: false },
    authoredBytes: 900,
    sourceBytes: 1000,
  },
];

const handMade: DriftReport = {
  folders: described.map((description) => ({ folder: description.folder, description })),
  summary: summarizeDrift(described),
};

/**
 * Checks that a report's figures, its connectors' headlines and its per-role summary count the same
 * datatypes; returns how many datatypes have a patch.
 */
function agreement(report: DriftReport): number {
  const figures = report.figures!;
  // "(N with no patch)" of each connector's headline adds up to the figure.
  const headlines = [...formatDriftText(report).matchAll(/on patterns \((\d+) with no patch\)/g)];
  expect(headlines).toHaveLength(report.folders.length);
  expect(headlines.reduce((sum, m) => sum + Number(m[1]), 0)).toBe(figures.withoutPatch);
  // A datatype with no patch has none in any role, so every role's patched datatypes are among the
  // figures' patched ones, and those have a patch in at least one role.
  const patched = figures.onPatterns - figures.withoutPatch;
  const roles = report.summary.roles.filter((r) => r.role !== 'system' && r.role !== 'manifest');
  for (const role of roles) expect(role.datatypes - role.withoutPatch).toBeLessThanOrEqual(patched);
  expect(roles.reduce((sum, r) => sum + r.datatypes - r.withoutPatch, 0)).toBeGreaterThanOrEqual(patched);
  return patched;
}

describe('summarizeDrift', () => {
  it('counts per role the datatypes holding it, those needing no patch, and the commonest changes', () => {
    const { roles, raw } = summarizeDrift(described);
    expect(roles.map((r) => [r.role, r.datatypes, r.withoutPatch])).toEqual([
      ['all', 3, 3],
      ['collect', 3, 0], // refund reuses order's file, so it carries order's patch
      ['share', 3, 3],
      ['system', 1, 0],
      ['manifest', 1, 1],
    ]);
    expect(roles[1]!.deviations).toEqual([
      { change: 'replace /source/dataset', datatypes: 3, connectors: 2 },
      { change: 'add /pump/cron_expression', datatypes: 2, connectors: 1 },
    ]);
    expect(raw).toEqual({
      datatypes: 1,
      reasons: [{ reason: 'its pipes are not named <system>-<datatype>-<role>', datatypes: 1 }],
    });
  });
});

describe('drift report formats', () => {
  it('markdown: a section and a table row per datatype, the role summary, GitHub table syntax', () => {
    const markdown = formatDriftMarkdown(handMade);
    expect(markdown.split('\n').slice(0, 12)).toEqual([
      '## What import would do',
      '',
      '_Nothing is written._',
      '',
      '### acme',
      '',
      'System `acme`, 2 datatypes: 2 on patterns (0 with no patch), 0 raw. System template: rendered, patch 60 B: add /rate_limiting_retries. Manifest: generated. Authored / source bytes: 500 / 1,000 = **0.50**.',
      '',
      '| datatype | pattern | options | patch |',
      '| --- | --- | --- | --- |',
      '| `order` | collect | `{"share":true}` | collect: 120 B: replace /source/dataset, add /pump/cron_expression<br>all2: 80 B: add "" |',
      '| `refund` | collect | reuses order | none |',
    ]);
    expect(markdown).toContain(
      '| `country` | raw | `template templates/country.json` | — kept verbatim: its pipes are not named <system>-<datatype>-<role> |',
    );
    expect(markdown).toContain(
      '| collect | 3 | 0 | `replace /source/dataset` (3× in 2)<br>`add /pump/cron_expression` (2× in 1) |',
    );
  });

  it('text: aligned columns for a terminal', () => {
    const text = formatDriftText(handMade).split('\n');
    expect(text.slice(2, 8)).toEqual([
      'acme (system acme): 2 datatypes: 2 on patterns (0 with no patch), 0 raw',
      '  system rendered (patch 60 B: add /rate_limiting_retries); manifest generated',
      '  datatype  pattern  options         patch',
      '  order     collect  {"share":true}  collect: 120 B: replace /source/dataset, add /pump/cron_expression',
      '                                     all2: 80 B: add ""',
      '  refund    collect  reuses order    none',
    ]);
  });

  it('shows the reason a kept patch carries', () => {
    const reasoned = { role: 'collect', size: 70, changes: ['add /metadata'], reasons: ['the API needs it'] };
    expect(patchLine(reasoned)).toBe('70 B: add /metadata (why: the API needs it)');
  });

  it('json: the whole report, parseable', () => {
    const value = JSON.parse(formatDriftJson(handMade));
    expect(value.folders[0].description.datatypes[0].patches[1]).toEqual({
      role: 'all2',
      size: 80,
      changes: ['add ""'],
    });
    expect(value.summary.roles[1].role).toBe('collect');
  });
});

describe('drift on two corpus connectors (read in place)', () => {
  const report = driftReport(
    TWO.map((folder) => ({ dir: corpusPath(folder), shown: folder })),
    true,
  );

  it('describes every datatype of each source manifest, with its bytes against the source', () => {
    for (const [index, folder] of TWO.entries()) {
      const manifest = JSON.parse(readFileSync(corpusPath(folder, 'manifest.json'), 'utf8'));
      const description = report.folders[index]!.description!;
      expect(description.datatypes.map((d) => d.name)).toEqual(Object.keys(manifest.datatypes));
      const templates = new Set<string>([
        manifest['system-template'],
        ...Object.values<{ template: string }>(manifest.datatypes).map((d) => d.template),
      ]);
      const source = [...templates].reduce(
        (sum, template) => sum + minified(corpusPath(folder, template)),
        minified(corpusPath(folder, 'manifest.json')),
      );
      expect(description.sourceBytes).toBe(source);
    }
  });

  it('markdown: one section per connector, one row per datatype, and the figures', () => {
    const markdown = formatDriftMarkdown(report);
    expect(markdown.match(/^### /gm)).toHaveLength(TWO.length + 2); // connectors, summary, figures
    for (const folder of TWO) expect(markdown).toContain(`### ${folder}\n`);
    expect(markdown).toMatch(/\| `dataset` \| \w[\w-]* \|/);
    expect(markdown).toMatch(/\| `customer` \| \w[\w-]* \|/);
    expect(markdown).toContain('| node config equivalent | 2 / 2 (100 %) of the imported; 0 refused |');
  });

  it('agrees with itself: the figures, the headlines and the per-role summary count the same datatypes', () => {
    expect(agreement(report)).toBeGreaterThanOrEqual(0);
    // The hand-made connectors have patched datatypes (one reusing a patched file), so the checks bite.
    expect(agreement({ ...handMade, figures: adoptionFigures(handMade.folders) })).toBe(3);
  });

  it('json: the plans and figures as data, every plan equivalent to its source', () => {
    const value = JSON.parse(formatDriftJson(report));
    expect(value.folders.map((f: { folder: string }) => f.folder)).toEqual(TWO);
    expect(value.figures).toMatchObject({
      folders: 2,
      imported: 2,
      equivalent: 2,
      refused: [],
      notEquivalent: [],
    });
    expect(value.figures.datatypes).toBe(2);
    expect(value.figures.authoredBytes).toBe(
      value.folders.reduce((sum: number, f: any) => sum + f.description.authoredBytes, 0),
    );
  });
});
