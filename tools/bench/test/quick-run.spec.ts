import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listConnectors } from '../../shared/src/connectors';
import { isFailed, type BenchReport } from '../src/report';

const REPO_ROOT = resolve(__dirname, '../../..');

/**
 * The whole benchmark at its smallest (`--quick`, about a minute): it must run every measurement,
 * print the table, write the JSON and exit 0. No figure is judged here — only that each was taken.
 */
describe('npm run bench -- --quick', () => {
  const json = join(mkdtempSync(join(tmpdir(), 'bench-quick-')), 'report.json');
  let run: ReturnType<typeof spawnSync>;
  let report: BenchReport;

  beforeAll(() => {
    run = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', 'tools/bench/src/main.ts', '--quick', '--json', json],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        // Nx variables of an enclosing `nx run tools:test` must not leak into the benchmark's workspace.
        env: Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NX_'))),
      },
    );
    report = JSON.parse(readFileSync(json, 'utf8')) as BenchReport;
  }, 360_000);

  it('exits 0 and prints the table with the JSON path', () => {
    expect([run.status, run.stderr.slice(-2000)]).toEqual([0, expect.any(String)]);
    expect(run.stdout).toContain('(a) cold run-many -t build');
    expect(run.stdout).toContain('target: (c)/(e) rebuild all ÷ one');
    expect(run.stdout).toContain(`JSON: ${json}`);
  });

  it('took every measurement at the quick size', () => {
    expect(report.size).toEqual({ connectors: 6, datatypes: 4 });
    const failed = [
      ...Object.entries(report.nx),
      ...Object.entries(report.engine).filter(([name]) => name !== 'loadMs'),
    ].filter(([, value]) => isFailed(value));
    expect(failed).toEqual([]);
    expect(report.memory.map((size) => `${size.connectors}x${size.datatypes}`)).toEqual([
      '2x4',
      '3x4',
      '4x4',
      '6x4',
    ]);
    expect(report.memory.every((size) => size.nx.peakTreePss > 0 && !isFailed(size.engineMaxRssBytes))).toBe(
      true,
    );
    expect(report.targets).toHaveLength(10);
    expect(isFailed(report.review)).toBe(false);
    expect(report.targets.every((target) => target.value !== undefined)).toBe(true);
  });

  it('measured the family of real connectors: every connector package of this workspace', () => {
    const family = report.family;
    if (family === undefined || isFailed(family))
      throw new Error(`family not measured: ${JSON.stringify(family)}`);
    expect(family.systems).toEqual(listConnectors(REPO_ROOT));
    const failed = [...Object.entries(family.nx), ...Object.entries(family.engine)].filter(([, value]) =>
      isFailed(value),
    );
    expect(failed).toEqual([]);
    expect(run.stdout).toContain('(j) family: cold run-many -t build');
  });
});
