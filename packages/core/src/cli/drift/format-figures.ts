import type { AdoptionFigures } from '../../generators/import/lib/drift/adoption';
import { count, ratio, share } from './report';

/** The figures as [measure, value] rows. */
const figureRows = (figures: AdoptionFigures, bold: (text: string) => string): [string, string][] => [
  [
    'node config equivalent',
    `${share(figures.equivalent, figures.imported)} of the imported; ${count(figures.refused.length)} refused`,
  ],
  ['datatypes on patterns', share(figures.onPatterns, figures.datatypes)],
  ['datatypes with no patch', share(figures.withoutPatch, figures.datatypes)],
  [
    'authored / source bytes',
    `${count(figures.authoredBytes)} / ${count(figures.sourceBytes)} = ${bold(ratio(figures.authoredBytes, figures.sourceBytes))}`,
  ],
];

const title = (figures: AdoptionFigures): string =>
  `Adoption over ${count(figures.folders)} folder${figures.folders === 1 ? '' : 's'}`;

/** Folders refused or not equivalent, one line each. */
const problemLines = (figures: AdoptionFigures): string[] => [
  ...figures.refused.map((p) => `refused: ${p.folder}: ${p.problem}`),
  ...figures.notEquivalent.map((p) => `not equivalent: ${p.folder}: ${p.problem}`),
];

/** The figures for a terminal. */
export function figuresText(figures: AdoptionFigures): string[] {
  const rows = figureRows(figures, (text) => text);
  const width = Math.max(...rows.map(([measure]) => measure.length));
  return [
    `${title(figures)}:`,
    ...rows.map(([measure, value]) => `  ${measure.padEnd(width)}  ${value}`),
    ...problemLines(figures).map((line) => `  ${line}`),
  ];
}

/** The figures as a GitHub table. */
export function figuresMarkdown(figures: AdoptionFigures): string[] {
  return [
    `### ${title(figures)}`,
    '',
    '| measure | value |',
    '| --- | --- |',
    ...figureRows(figures, (text) => `**${text}**`).map(([measure, value]) => `| ${measure} | ${value} |`),
    ...(problemLines(figures).length === 0 ? [] : ['', ...problemLines(figures).map((line) => `- ${line}`)]),
  ];
}
