import { logger, type ExecutorContext } from '@nx/devkit';
import { relative } from 'node:path';
import { DEFAULT_PROFILE, DEFAULT_SYSTEM_PLACEHOLDER, ExpandError } from '../../lib/expand';
import { EXPANDED_DIR } from '../../lib/layout';
import type { Log } from '../../lib/log';
import { expandSummary, expandToFolder, formatFindingLine } from '../../lib/validate';
import { builtConnectorFolder } from '../built-connector';
import type { ExpandExecutorSchema } from './schema';

/** `nx run <system>-connector:expand`: writes connector/.expanded like `sesam expand`. */
export default async function expandExecutor(
  options: ExpandExecutorSchema,
  context: ExecutorContext,
  log: Log = logger,
): Promise<{ success: boolean }> {
  const folder = builtConnectorFolder(context);
  if ('problem' in folder) {
    log.error(`expand: ${folder.problem}`);
    return { success: false };
  }
  const shown = (file: string) => relative(context.root, file) || '.';
  try {
    const run = expandToFolder(folder.dir, {
      outDir: EXPANDED_DIR,
      profile: options.profile ?? DEFAULT_PROFILE,
      systemPlaceholder: options.systemPlaceholder ?? DEFAULT_SYSTEM_PLACEHOLDER,
      compat: options.compat ?? false,
    });
    for (const note of run.result.notes) log.info(`note: ${note}`);
    for (const finding of run.findings)
      (finding.severity === 'error' ? log.error : log.warn)(
        `${shown(folder.dir)}/${formatFindingLine(finding)}`,
      );
    if (!run.written) {
      log.error(
        `${expandSummary(run.result, shown(run.outDir), 'nothing written: would expand')}; fix the undefined variables above, or set the option compat: true`,
      );
      return { success: false };
    }
    log.info(expandSummary(run.result, shown(run.outDir)));
    return { success: true };
  } catch (error) {
    if (!(error instanceof ExpandError)) throw error;
    log.error(`expand: ${shown(folder.dir)}: ${error.message}`);
    return { success: false };
  }
}
