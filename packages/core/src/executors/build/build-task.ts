import { join, relative } from 'node:path';
import { workspaceDataDirectoryForWorkspace } from 'nx/src/utils/cache-directory';
import {
  buildConnector,
  folderValidationStore,
  isUserError,
  type BuildConnectorOptions,
  type ValidationStore,
} from '../../lib/build';
import type { Log } from '../../lib/log';
import type { LoadedTemplatePack } from '../../lib/render';
import type { BuildExecutorSchema } from './schema';

export interface BuildTaskContext {
  /** The workspace root (paths in options and messages are relative to it). */
  readonly workspaceRoot: string;
  readonly output: Log;
  /** A pack loaded once for several connectors (batch mode). */
  readonly pack?: LoadedTemplatePack;
}

/**
 * The whole build of one connector as a task: runs `buildConnector`, reports the result, and turns
 * user mistakes (connector.json, raw files, a pack template) into one clean message without a
 * stack trace. A batch executor calls this once per task.
 */
export function runBuildTask(
  projectRoot: string,
  options: BuildExecutorSchema,
  context: BuildTaskContext,
): { success: boolean } {
  const buildOptions: BuildConnectorOptions = {
    ...(options.packDir === undefined ? {} : { packDir: join(context.workspaceRoot, options.packDir) }),
    ...(context.pack === undefined ? {} : { pack: context.pack }),
    validate: options.validate ?? true,
    acceptedRules: options.acceptedRules ?? [],
    displayRoot: context.workspaceRoot,
    validationStore: workspaceValidationStore(context.workspaceRoot),
  };
  try {
    const result = buildConnector(join(context.workspaceRoot, projectRoot), buildOptions);
    for (const warning of result.warnings) context.output.warn(`${result.system}: ${warning}`);
    const shown = `${relative(context.workspaceRoot, result.outputDir)}/`;
    // Nx replays this line from its cache without running the build, so it states what the folder
    // holds, never that this run wrote something.
    context.output.info(
      result.written
        ? `${result.system}: ${shown} holds the ${result.files.length} rendered files`
        : `${result.system}: ${shown} is up to date (${result.files.length} files, unchanged)`,
    );
    return { success: true };
  } catch (error) {
    if (!isUserError(error)) throw error;
    context.output.error(error.message);
    return { success: false };
  }
}

/**
 * Where the build remembers validations that passed: `.nx/workspace-data/sesam-connectors/validated`
 * (Nx's folder for derived workspace data, so `nx reset` clears it; `NX_WORKSPACE_DATA_DIRECTORY`
 * moves it). None when Nx runs the task with `--skip-nx-cache` (it sets `NX_SKIP_NX_CACHE`): a build
 * asked to skip the cache validates every file again.
 */
export function workspaceValidationStore(
  workspaceRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): ValidationStore | undefined {
  if (env['NX_SKIP_NX_CACHE'] === 'true') return undefined;
  return folderValidationStore(
    join(workspaceDataDirectoryForWorkspace(workspaceRoot), 'sesam-connectors', 'validated'),
  );
}
