import { logger, type ExecutorContext } from '@nx/devkit';
import { SesamCli, SesamWrapperError, type LineHandler, type ProcessRunner } from '@sesam/sesam-cli-wrapper';
import { tmpdir } from 'node:os';
import type { Log } from '../../lib/log';
import { builtConnectorFolder } from '../built-connector';
import { safeDownload } from './download';
import { planSesamRun, SesamTargetError } from './plan';
import type { SesamExecutorOptions } from './schema';

/** What tests replace; production uses the defaults. */
export interface SesamExecutorDeps {
  runner?: ProcessRunner;
  env?: NodeJS.ProcessEnv;
  onLine?: LineHandler;
  /** Report lines (download summary, errors). Default: the Nx logger. */
  log?: Log;
  tmpRoot?: string;
}

/**
 * Runs the sesam CLI (through @sesam/sesam-cli-wrapper) in the project's built connector folder.
 * `download` runs in a temporary copy and only reports what differs from the committed output.
 */
export async function runSesamExecutor(
  options: SesamExecutorOptions,
  context: ExecutorContext,
  deps: SesamExecutorDeps = {},
): Promise<{ success: boolean }> {
  const log = deps.log ?? logger;
  const projectName = context.projectName ?? '';
  const label = `${projectName}:${context.targetName ?? 'sesam'}`;
  try {
    const plan = planSesamRun(options, label);
    const folder = builtConnectorFolder(context, options.cwd);
    if ('problem' in folder) throw new SesamTargetError(`${label}: ${folder.problem}`);
    const { dir: connectorDir, projectRoot } = folder;
    const cli = new SesamCli({
      ...(options.binary ? { binary: options.binary } : {}),
      ...(deps.env ? { env: deps.env } : {}),
      ...(deps.runner ? { runner: deps.runner } : {}),
      ...(deps.onLine ? { onLine: deps.onLine } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      cwd: connectorDir,
    });
    const run = { interactive: Boolean(process.stdin.isTTY) };
    if (plan.download) {
      const { report } = await safeDownload({
        cli,
        args: plan.args,
        connectorDir,
        workspaceRoot: context.root,
        projectName,
        projectRoot,
        tmpRoot: deps.tmpRoot ?? tmpdir(),
        run,
      });
      log.info(report);
    } else {
      await cli.exec(plan.args, run);
    }
    return { success: true };
  } catch (error) {
    if (error instanceof SesamWrapperError || error instanceof SesamTargetError) {
      log.error(error.message);
      return { success: false };
    }
    throw error;
  }
}

export default async function sesamExecutor(options: SesamExecutorOptions, context: ExecutorContext) {
  return runSesamExecutor(options, context);
}
