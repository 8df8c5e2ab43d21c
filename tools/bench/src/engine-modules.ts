import { join } from 'node:path';

/**
 * The engine as the synthetic workspace has it (its copy of packages/core), loaded at run time so
 * that the template pack it renders is that workspace's copy too. The types are this workspace's.
 */
export type BuildModule = typeof import('../../../packages/core/src/lib/build');
export type RenderModule = typeof import('../../../packages/core/src/lib/render');
export type ExpandModule = typeof import('../../../packages/core/src/lib/expand');
export type JsonModule = typeof import('../../../packages/core/src/lib/json');
export type ValidateModule = typeof import('../../../packages/core/src/lib/validate');
export type BuildTaskModule = typeof import('../../../packages/core/src/executors/build/build-task');

export interface EngineModules {
  build: BuildModule;
  render: RenderModule;
  expand: ExpandModule;
  json: JsonModule;
  /** Holds `expandToFolder`, the expand executor's whole job (expand, check, write). */
  validate: ValidateModule;
  /** The build executor's task: where it keeps the workspace's store of passed validations. */
  buildTask: BuildTaskModule;
}

const core = (workspace: string, path: string): string => join(workspace, 'packages/core/src', path);

/** Requires the engine modules from `workspace` (TypeScript: the process must run under @swc-node/register). */
export function loadEngine(workspace: string): EngineModules {
  const load = <T>(name: string): T => require(core(workspace, `lib/${name}`)) as T;
  return {
    build: load<BuildModule>('build'),
    render: load<RenderModule>('render'),
    expand: load<ExpandModule>('expand'),
    json: load<JsonModule>('json'),
    validate: load<ValidateModule>('validate'),
    buildTask: require(core(workspace, 'executors/build/build-task')) as BuildTaskModule,
  };
}
