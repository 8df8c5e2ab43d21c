/**
 * `@sesam-connectors/core/executors`: the executors' work as plain functions, for callers that run a
 * task without Nx; like the engine, never imported by the plugin (the bench measures the build exactly as the build executor runs it).
 */
export { runBuildTask, workspaceValidationStore, type BuildTaskContext } from './build/build-task';
export type { Log } from '../lib/log';
