import { logger } from '@nx/devkit';
import type { Adoption } from './compose-config';

/** Says how the import described the datatypes: on patterns (how many with patches), reused, and why each raw one is raw. */
export const reportAdoption = (shownSource: string, adoption: Adoption): void => {
  const plans = adoption.datatypes;
  const onPattern = plans.filter((plan) => plan.kind === 'pattern');
  const patched = onPattern.filter((plan) => plan.patches.size > 0).length;
  const reused = plans.filter((plan) => plan.kind === 'reuse').length;
  const raw = plans.filter((plan) => plan.kind === 'raw');
  logger.info(
    `${shownSource}: ${onPattern.length} datatype(s) on patterns (${patched} with patches), ${reused} reusing another's template, ${raw.length} raw.`,
  );
  for (const plan of raw) {
    if (plan.kind === 'raw')
      logger.info(`  ${plan.name} is raw (kept verbatim in raw/${plan.template}): ${plan.reason}.`);
  }
};
