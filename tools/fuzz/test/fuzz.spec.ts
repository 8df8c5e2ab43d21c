import { join } from 'node:path';
import { makeCase } from '../src/mutate';
import { caseSeed, Random } from '../src/random';
import { countResults, formatReport } from '../src/report';
import { loadSeeds } from '../src/seeds';
import { supervise, type SuperviseOptions } from '../src/supervise';

const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');
const PLANTED = join(__dirname, 'fixture', 'planted-engine.ts');
const seeds = loadSeeds(WORKSPACE_ROOT);

const run = (options: Partial<SuperviseOptions>, plant?: string) => {
  const previous = process.env['FUZZ_PLANT'];
  if (plant) process.env['FUZZ_PLANT'] = plant;
  return supervise({ seeds, seed: 7, indexes: [0, 1, 2], timeoutMs: 10_000, ...options }).finally(() => {
    if (previous === undefined) delete process.env['FUZZ_PLANT'];
    else process.env['FUZZ_PLANT'] = previous;
  });
};

describe('the fuzzer', () => {
  it('makes the same case from the same seed and index, and different ones otherwise', () => {
    const a = makeCase(seeds, new Random(caseSeed(1, 5)), 5, caseSeed(1, 5));
    const b = makeCase(seeds, new Random(caseSeed(1, 5)), 5, caseSeed(1, 5));
    const c = makeCase(seeds, new Random(caseSeed(1, 6)), 6, caseSeed(1, 6));
    expect(b).toEqual(a);
    expect(c.files).not.toEqual(a.files);
  });

  it('detects a planted crash, and shows how to replay it', async () => {
    const results = await run({ engineModule: PLANTED }, 'crash');
    expect(countResults(results)).toMatchObject({ cases: 3, crashes: 3, refused: 0 });
    const report = formatReport(results, 7);
    expect(report).toContain('3 crashes');
    expect(report).toContain("TypeError: Cannot read properties of undefined (reading 'planted')");
    expect(report).toContain('replay: npm run fuzz -- --seed 7 --only 0');
  });

  it('detects a planted hang within the time limit and goes on with a new worker', async () => {
    const results = await run({ engineModule: PLANTED, indexes: [0, 1], timeoutMs: 1000 }, 'hang');
    expect(countResults(results)).toMatchObject({ cases: 2, hangs: 2 });
  });

  it('detects a refusal that wrote to disk', async () => {
    const results = await run({ engineModule: PLANTED }, 'write');
    expect(countResults(results)).toMatchObject({ cases: 3, writesOnError: 3 });
  });

  it('finds nothing wrong in a short run of the real engine', async () => {
    const results = await run({ indexes: Array.from({ length: 30 }, (_, i) => i) });
    const counts = countResults(results);
    expect(formatReport(results, 7)).toContain('0 crashes, 0 hangs, 0 writes on error');
    expect(counts.built + counts.refused).toBe(30);
  });
});
