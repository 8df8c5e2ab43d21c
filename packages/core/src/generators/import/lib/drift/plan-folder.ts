import type { LoadedTemplatePack } from '../../../../lib/render';
import { GeneratorError } from '../../../shared/generator-error';
import { planImport, type ImportPlan } from '../plan-import';
import { readSource, type SourceConnector } from '../read-source';
import { nameProblem, suggestName } from '../../../../lib/config/names';
import { systemNameFromFolder } from '../system-name';

/** A connector folder and what `nx g …:import` would make of it (nothing written). */
export type FolderPlan =
  | {
      ok: true;
      dir: string;
      shown: string;
      system: string;
      source: SourceConnector;
      plan: ImportPlan & { ok: true };
    }
  | { ok: false; dir: string; shown: string; problems: string[] };

/** The system name the folder's name gives, made valid (`business-central@main` → `businesscentral`). */
export const folderSystemName = (dir: string): string => {
  const derived = systemNameFromFolder(dir);
  return nameProblem('system', derived) === undefined ? derived : suggestName(derived);
};

/**
 * Reads `dir` and plans its import exactly as the import generator does (the same planner; the
 * system name from the folder's, as `--system` would be given for a name that is not valid),
 * without a tree and without writing. A folder the import refuses comes back with its reasons.
 */
export function planFolder(dir: string, shown: string, pack: LoadedTemplatePack): FolderPlan {
  try {
    const system = folderSystemName(dir);
    const source = readSource(dir, shown);
    const plan = planImport(source, system, pack);
    if (!plan.ok) return { ok: false, dir, shown, problems: plan.problems };
    return { ok: true, dir, shown, system, source, plan };
  } catch (error) {
    if (error instanceof GeneratorError) return { ok: false, dir, shown, problems: [error.message] };
    throw error;
  }
}
