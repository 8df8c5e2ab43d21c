import { flushWrites } from './flush';
import { attempt, type MeasureContext } from './measure-context';
import { probe } from './measure-engine';
import { BUILD } from './measure-nx';
import { runNx } from './nx';
import type { BenchSize } from './options';
import type { MemoryAtSize } from './report';
import { clearCaches, createSyntheticWorkspace, removeWorkspace, type SyntheticWorkspace } from './workspace';

/**
 * (h): at each size (a workspace of its own, or `main` when the size is its), the peak memory of a
 * cold `run-many -t build` and of one process building every connector in-process.
 */
export async function measureMemory(
  sizes: readonly BenchSize[],
  main: SyntheticWorkspace,
  env: NodeJS.ProcessEnv,
  context: MeasureContext,
): Promise<MemoryAtSize[]> {
  const results: MemoryAtSize[] = [];
  for (const size of sizes) {
    context.log(`(h) peak memory at ${size.connectors}×${size.datatypes}`);
    const same = size.connectors === main.size.connectors && size.datatypes === main.size.datatypes;
    const ws = same ? main : createSyntheticWorkspace(context.sourceRoot, size);
    try {
      clearCaches(ws);
      flushWrites();
      const nx = await runNx(ws, BUILD, { memory: true, env });
      const engine = await attempt(
        'engine memory',
        context.log,
        async () => (await probe(ws, 'build', context.sourceRoot, false)).maxRssBytes,
      );
      results.push({ ...size, nxMs: nx.ms, nx: nx.memory!, engineMaxRssBytes: engine });
    } finally {
      if (!same) removeWorkspace(ws);
    }
  }
  return results;
}
