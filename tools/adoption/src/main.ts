import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  driftReport,
  figuresMarkdown,
  figuresText,
  formatDriftJson,
  formatDriftMarkdown,
  formatDriftText,
} from '@sesam-connectors/core/drift';
import { exitOnError, ToolError } from '../../shared/src/errors';
import type { ToolDeps } from '../../shared/src/tool-deps';
import { corpusDir, corpusFolders } from './corpus';
import { ADOPTION_USAGE, parseAdoptionArgs, type AdoptionOptions } from './options';

const WORKSPACE_ROOT = resolve(__dirname, '..', '..', '..');

function folders(options: AdoptionOptions, cwd: string): { dir: string; shown: string }[] {
  if (options.folders.length === 0) {
    const corpus = corpusDir(WORKSPACE_ROOT);
    const dirs = corpusFolders(corpus, options.all);
    if (dirs.length === 0) throw new ToolError(`no connector folders given and no corpus at ${corpus}`);
    return dirs.map((dir) => ({ dir, shown: basename(dir) }));
  }
  return options.folders.map((folder) => {
    const dir = resolve(cwd, folder);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ToolError(`no such folder: ${folder}`);
    return { dir, shown: folder };
  });
}

/** `npm run adoption`: the adoption figures over connector folders (nothing is written). */
export const runAdoption = async (argv: readonly string[], deps: ToolDeps): Promise<number> => {
  const say = (line: string) => deps.stderr(`adoption: ${line}\n`);
  try {
    const options = parseAdoptionArgs(argv);
    if (options.help) {
      deps.stdout(`${ADOPTION_USAGE}\n`);
      return 0;
    }
    const given = folders(options, deps.cwd);
    const started = Date.now();
    const report = driftReport(given, true);
    const figures = report.figures!;
    if (options.format === 'json')
      deps.stdout(`${formatDriftJson(options.report ? report : { ...report, folders: [] })}\n`);
    else if (options.report)
      deps.stdout(`${(options.format === 'markdown' ? formatDriftMarkdown : formatDriftText)(report)}\n`);
    else
      deps.stdout(`${(options.format === 'markdown' ? figuresMarkdown : figuresText)(figures).join('\n')}\n`);
    say(`${given.length} folders in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return figures.refused.length + figures.notEquivalent.length > 0 ? 1 : 0;
  } catch (error) {
    return exitOnError(error, say, 'nothing was written');
  }
};
