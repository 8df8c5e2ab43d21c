import { logger, type ExecutorContext } from '@nx/devkit';
import { relative } from 'node:path';
import { DEFAULT_PROFILE, DEFAULT_SYSTEM_PLACEHOLDER } from '../../lib/expand';
import { formatReportJson, formatReportText, validateConnector } from '../../lib/validate';
import { builtConnectorFolder } from '../built-connector';
import type { Log } from '../../lib/log';
import type { ValidateExecutorSchema } from './schema';

/** `nx run <system>-connector:validate`: the validator on the built connector/ folder. */
export default async function validateExecutor(
  options: ValidateExecutorSchema,
  context: ExecutorContext,
  log: Log = logger,
): Promise<{ success: boolean }> {
  const folder = builtConnectorFolder(context);
  if ('problem' in folder) {
    log.error(`validate: ${folder.problem}`);
    return { success: false };
  }
  const report = validateConnector(folder.dir, {
    profile: options.profile ?? DEFAULT_PROFILE,
    systemPlaceholder: options.systemPlaceholder ?? DEFAULT_SYSTEM_PLACEHOLDER,
    compat: options.compat ?? false,
  });
  const shown = { ...report, connector: relative(context.root, folder.dir) || '.' };
  const text = options.format === 'json' ? formatReportJson(shown) : formatReportText(shown);
  (report.ok ? log.info : log.error)(text);
  return { success: report.ok };
}
