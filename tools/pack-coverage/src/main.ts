import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadTemplatePack } from '@sesam-connectors/core/adopt';
import { corpusDir, corpusFolders } from '../../adoption/src/corpus';
import { exitOnError, ToolError } from '../../shared/src/errors';
import type { ToolDeps } from '../../shared/src/tool-deps';
import { formatCoverage, packCoverage } from './coverage';
import { COVERAGE_USAGE, parseCoverageArgs } from './options';

const WORKSPACE_ROOT = resolve(__dirname, '..', '..', '..');

/** `npm run pack-coverage`: how real connectors' pipes differ from what the pack renders (nothing written). */
export const runPackCoverage = async (argv: readonly string[], deps: ToolDeps): Promise<number> => {
  const say = (line: string) => deps.stderr(`pack-coverage: ${line}\n`);
  try {
    const options = parseCoverageArgs(argv);
    if (options.help) {
      deps.stdout(`${COVERAGE_USAGE}\n`);
      return 0;
    }
    let dirs: string[];
    if (options.folders.length === 0) {
      const corpus = corpusDir(WORKSPACE_ROOT);
      dirs = corpusFolders(corpus, options.all);
      if (dirs.length === 0) throw new ToolError(`no connector folders given and no corpus at ${corpus}`);
    } else {
      dirs = options.folders.map((folder) => {
        const dir = resolve(deps.cwd, folder);
        if (!existsSync(resolve(dir, 'manifest.json')) || !statSync(dir).isDirectory())
          throw new ToolError(`${folder}: not a connector folder (no manifest.json)`);
        return dir;
      });
    }
    const coverage = packCoverage(dirs, loadTemplatePack());
    deps.stdout(`${formatCoverage(coverage, options.top, options.format === 'markdown')}\n`);
    return 0;
  } catch (error) {
    return exitOnError(error, say, 'nothing was written');
  }
};
