/**
 * `@sesam-connectors/core/adopt`: describing real connectors with the pack — a template's pipes by
 * role, the options inferred from them, the plan of every datatype onto the pattern with the
 * smallest guarded patch (what `nx g …:import` adopts), where a pipe deviates from what the pack
 * renders and its shape with strings abstracted. `npm run pack-coverage` reads it.
 */
export {
  planDatatypes,
  inferOptions,
  readSourcePipes,
  pipeRole,
  deviations,
  shapeOf,
  nodeConfigOf,
  nodeConfigDifferences,
  type AdoptionInput,
  type DatatypePlan,
  type Pipes,
  type SourcePipes,
  type NodeConfig,
} from './lib/adopt';
export { loadTemplatePack, type LoadedTemplatePack } from './lib/render';
