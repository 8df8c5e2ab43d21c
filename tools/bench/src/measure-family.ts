import { attempt, type MeasureContext } from './measure-context';
import { measureEngineModes } from './measure-engine';
import { measureFamilyNx } from './measure-nx';
import type { FamilyFigures } from './report';
import { createFamilyWorkspace, removeWorkspace } from './workspace';

/**
 * The real-world case beside the synthetic one: this workspace's own connectors (the family) in a
 * workspace of their own, built cold, cached, after a pack template change, after one connector.json
 * change and one alone through Nx, and by the engine in-process (as the executor: validations
 * stored; every connector validated again; expand) against the raw-I/O floor.
 */
export async function measureFamily(
  runs: number,
  env: NodeJS.ProcessEnv,
  context: MeasureContext,
  keep = false,
): Promise<FamilyFigures> {
  const { log } = context;
  const ws = createFamilyWorkspace(context.sourceRoot);
  log(`(j) the family: ${ws.connectorRoots.length} connectors, ${ws.datatypes} datatypes`);
  log(`  ${ws.root}`);
  try {
    const nx = await measureFamilyNx(ws, runs, env, (line) => log(`  family ${line}`));
    const { engine, floor } = await measureEngineModes(ws, runs, context, [
      'build',
      'build-revalidated',
      'expand',
    ]);
    return {
      systems: ws.connectorRoots.map((root) => root.split('/').pop()!),
      connectors: ws.connectorRoots.length,
      datatypes: ws.datatypes,
      nx,
      engine: {
        build: engine('build'),
        buildRevalidated: engine('build-revalidated'),
        expand: engine('expand'),
        buildFloor: floor('build'),
        expandFloor: floor('expand'),
      },
    };
  } finally {
    if (keep) log(`kept ${ws.base}`);
    else removeWorkspace(ws);
  }
}

/** `measureFamily`, a failure reported instead of thrown. */
export const attemptFamily = (runs: number, env: NodeJS.ProcessEnv, context: MeasureContext, keep = false) =>
  attempt('(j) the family', context.log, () => measureFamily(runs, env, context, keep));
