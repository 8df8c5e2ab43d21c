import {
  isFailed,
  type BenchReport,
  type EngineFigures,
  type FamilyFigures,
  type Measured,
  type ReviewFigures,
  type Target,
} from './report';
import type { Summary } from './stats';

/** Left-aligned text columns separated by two spaces; `header` is underlined. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    widths
      .map((width, i) => (cells[i] ?? '').padEnd(width))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
export const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;
export const times = (ratio: number | undefined): string =>
  ratio === undefined ? 'n/a' : `${ratio.toFixed(2)}×`;

/** `1.23 s (1.20–1.31, ±6 %)`, or the error of a measurement that failed. */
export function formatSummary(value: Measured<Summary>): string {
  if (isFailed(value)) return `failed: ${firstLine(value.error)}`;
  if (value.n === 1) return seconds(value.median);
  const range = `${(value.min / 1000).toFixed(2)}–${(value.max / 1000).toFixed(2)}`;
  return `${seconds(value.median)} (${range}, spread ${(value.spread * 100).toFixed(0)} %)`;
}

const firstLine = (text: string): string =>
  text
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim()
    .slice(0, 100) ?? text;

function engineRow(label: string, value: Measured<EngineFigures>): string[] {
  if (isFailed(value)) return [label, `failed: ${firstLine(value.error)}`, ''];
  return [
    label,
    formatSummary(value.ms),
    `${value.datatypesPerSecond.toFixed(0)} datatypes/s, ${value.megabytesPerSecond.toFixed(1)} MB/s (${value.files} files, ${(value.bytes / 1e6).toFixed(1)} MB); CPU ${seconds(value.cpuMs.median)}`,
  ];
}

const targetCell = (target: Target): string => {
  const value =
    target.value === undefined
      ? 'n/a'
      : target.unit === 'x'
        ? times(target.value)
        : target.unit === 's'
          ? seconds(target.value * 1000)
          : `${target.value.toFixed(0)} ${target.unit}`;
  const limit = target.unit === 'x' ? `${target.limit}×` : `${target.limit} ${target.unit}`;
  const verdict = target.met === undefined ? 'not measured' : target.met ? 'met' : 'MISSED';
  return `${value} (target ${target.strict ? '<' : '≤'} ${limit}: ${verdict})`;
};

function reviewRow(value: Measured<ReviewFigures>): string[] {
  const label = '(i) review of a pack change';
  if (isFailed(value)) return [label, `failed: ${firstLine(value.error)}`, ''];
  return [
    label,
    formatSummary(value.review),
    `markdown, both sides built; ${value.groups} group${value.groups === 1 ? '' : 's'} shown, the largest ${value.pipes} pipes, ${value.chars.toLocaleString('en-US')} characters; cold build between the reviews ${formatSummary(value.cold)}`,
  ];
}

const medianOf = (value: Measured<Summary>): number | undefined =>
  isFailed(value) ? undefined : value.median;
const engineMs = (value: Measured<EngineFigures>): number | undefined =>
  isFailed(value) ? undefined : value.ms.median;
const over = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined || b === undefined || b === 0 ? undefined : a / b;

/** The rows of (j), the family of real connectors. */
export function familyRows(value: Measured<FamilyFigures>): string[][] {
  const label = '(j) family: cold run-many -t build';
  if (isFailed(value)) return [[label, `failed: ${firstLine(value.error)}`, '']];
  const { nx, engine } = value;
  return [
    [
      label,
      formatSummary(nx.cold),
      `${value.connectors} real connectors (${value.systems.join(', ')}), ${value.datatypes} datatypes`,
    ],
    ['    fully cached', formatSummary(nx.cached), ''],
    [
      '    after a pack template change',
      formatSummary(nx.packChange),
      `every connector rebuilds; ÷ one connector ${times(over(medianOf(nx.packChange), medianOf(nx.single)))}`,
    ],
    ['    after one connector.json change', formatSummary(nx.connectorChange), 'one rebuilds'],
    ['    one connector (nx run, no cache)', formatSummary(nx.single), value.systems[0] ?? ''],
    engineRow('    engine in-process: build', engine.build),
    engineRow('    same, validating every connector (no store)', engine.buildRevalidated),
    engineRow('    engine in-process: expand', engine.expand),
    [
      '    engine ÷ floor',
      `build ${times(over(engineMs(engine.build), engineMs(engine.buildFloor)))}, expand ${times(
        over(engineMs(engine.expand), engineMs(engine.expandFloor)),
      )}`,
      `validating every connector ${times(over(engineMs(engine.buildRevalidated), engineMs(engine.buildFloor)))}`,
    ],
  ];
}

/** The table `npm run bench -- --family-only` prints. */
export const familyTable = (value: Measured<FamilyFigures>): string =>
  formatTable(['measure', 'median (min–max)', 'notes'], familyRows(value));

/** The one table `npm run bench` prints. */
export function reportTable(report: BenchReport): string {
  const { connectors, datatypes } = report.size;
  const rows: string[][] = [
    [
      '(a) cold run-many -t build',
      formatSummary(report.nx.cold),
      `${connectors} connectors × ${datatypes} datatypes`,
    ],
    ['(b) fully cached', formatSummary(report.nx.cached), ''],
    [
      '    same, NX_ISOLATE_PLUGINS=true',
      formatSummary(report.nx.cachedIsolated),
      "a worker process per plugin (Nx's default; the root .env turns it off)",
    ],
    [
      '    same, warm daemon (NX_DAEMON=true)',
      formatSummary(report.nx.cachedDaemon),
      'outputs already in place are not restored again',
    ],
    [
      '    same, with project.json files',
      formatSummary(report.nx.cachedWithEmptyTarget),
      'each connector also has the empty target',
    ],
    [
      '    empty target, cached',
      formatSummary(report.nx.emptyCached),
      'same workspace: target that does nothing',
    ],
    [
      '    same two, warm daemon',
      `${formatSummary(report.nx.cachedDaemonWithEmptyTarget)} ÷ ${formatSummary(report.nx.emptyCachedDaemon)}`,
      `build with project.json files ÷ empty target, both served by the daemon: ${times(report.ratios.cachedOverEmptyDaemon)}`,
    ],
    ['(c) after a pack template change', formatSummary(report.nx.packChange), 'every connector rebuilds'],
    ['(d) after one connector.json change', formatSummary(report.nx.connectorChange), 'one rebuilds'],
    ['(e) one connector (nx run, no cache)', formatSummary(report.nx.single), ''],
    engineRow('(f) engine in-process: build', report.engine.build),
    engineRow('    same, validating every connector (no store)', report.engine.buildRevalidated),
    engineRow('    same, validate: false', report.engine.buildUnvalidated),
    engineRow('    same, every output file changed', report.engine.buildRewrite),
    engineRow('(f) engine in-process: expand', report.engine.expand),
    engineRow('    same, every output file changed', report.engine.expandRewrite),
    engineRow('(g) raw-I/O floor: build', report.engine.buildFloor),
    engineRow('(g) raw-I/O floor: expand', report.engine.expandFloor),
    [
      '    engine ÷ floor',
      `build ${times(report.ratios.buildOverFloor)}, expand ${times(report.ratios.expandOverFloor)}`,
      `build validating every connector ${times(report.ratios.buildRevalidatedOverFloor)}, with validate: false ${times(report.ratios.buildUnvalidatedOverFloor)}; every output changed: build ${times(
        report.ratios.buildRewriteOverFloor,
      )}, expand ${times(report.ratios.expandRewriteOverFloor)}; by CPU time: build ${times(
        report.ratios.buildOverFloorCpu,
      )}, expand ${times(report.ratios.expandOverFloorCpu)}`,
    ],
  ];
  for (const size of report.memory) {
    rows.push([
      `(h) peak memory ${size.connectors}×${size.datatypes}`,
      `${megabytes(size.nx.peakTreePss)} Nx tree (PSS)`,
      `RSS sum ${megabytes(size.nx.peakTreeRss)}, largest process ${megabytes(size.nx.peakProcessRss)}, ≤${size.nx.peakProcesses} processes; engine alone ${
        isFailed(size.engineMaxRssBytes) ? 'failed' : megabytes(size.engineMaxRssBytes)
      }; cold build ${seconds(size.nxMs)}`,
    ]);
  }
  rows.push(reviewRow(report.review));
  if (report.family !== undefined) rows.push(...familyRows(report.family));
  for (const target of report.targets) rows.push([target.name, targetCell(target), '']);
  return formatTable(['measure', 'median (min–max)', 'notes'], rows);
}
