import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Core's public entry points as the synthetic workspace has them (its copy of packages/core, which
 * its node_modules link), loaded at run time so that the template pack it renders is that
 * workspace's copy too. The types are this workspace's.
 */
export type EngineModule = typeof import('@sesam-connectors/core');
export type ExecutorsModule = typeof import('@sesam-connectors/core/executors');
export type JsonModule = typeof import('@sesam-connectors/core/json');

export interface EngineModules {
  /** buildConnector, loadTemplatePack, expandToFolder (the expand executor's whole job), … */
  engine: EngineModule;
  /** The build executor's task: where it keeps the workspace's store of passed validations. */
  executors: ExecutorsModule;
  json: JsonModule;
}

/** Requires core's entry points from `workspace` (TypeScript: the process must run under @swc-node/register). */
export function loadEngine(workspace: string): EngineModules {
  const load = createRequire(join(workspace, 'package.json'));
  return {
    engine: load('@sesam-connectors/core') as EngineModule,
    executors: load('@sesam-connectors/core/executors') as ExecutorsModule,
    json: load('@sesam-connectors/core/json') as JsonModule,
  };
}
