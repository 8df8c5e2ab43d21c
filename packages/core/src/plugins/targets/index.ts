import type { TargetConfiguration } from '@nx/devkit';
import type { ConnectorProject } from './project';
import { buildTargets } from './build';
import { expandTargets } from './expand';
import { publishTargets } from './publish';
import { sesamTargets } from './sesam';
import { validateTargets } from './validate';

/**
 * All inferred targets of a connector project. Each feature owns one file in this folder that
 * returns its targets; this list is the only place that knows them all.
 */
export const connectorTargets = (project: ConnectorProject): Record<string, TargetConfiguration> => ({
  ...buildTargets(project),
  ...sesamTargets(project),
  ...expandTargets(project),
  ...validateTargets(project),
  ...publishTargets(project),
});
