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

export interface EngineModules {
  build: BuildModule;
  render: RenderModule;
  expand: ExpandModule;
  json: JsonModule;
  /** Holds `expandToFolder`, the expand executor's whole job (expand, check, write). */
  validate: ValidateModule;
}

const lib = (workspace: string, name: string): string => join(workspace, 'packages/core/src/lib', name);

/** Requires the engine modules from `workspace` (TypeScript: the process must run under @swc-node/register). */
export function loadEngine(workspace: string): EngineModules {
  const load = <T>(name: string): T => require(lib(workspace, name)) as T;
  return {
    build: load<BuildModule>('build'),
    render: load<RenderModule>('render'),
    expand: load<ExpandModule>('expand'),
    json: load<JsonModule>('json'),
    validate: load<ValidateModule>('validate'),
  };
}
