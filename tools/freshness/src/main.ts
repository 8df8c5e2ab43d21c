import { exitOnError } from '../../shared/src/errors';
import { changedPaths, repositoryRoot } from '../../shared/src/git';
import { NX_BUILD_ARGS, nxBuilder, scriptBuilder, type Builder } from '../../shared/src/builder';
import { CONNECTORS_DIR, CONNECTOR_OUTPUT_DIR, EXPANDED_DIR } from '@sesam-connectors/core/layout';
import { listConnectors, listOutputFolders } from '../../shared/src/connectors';
import type { ToolDeps } from '../../shared/src/tool-deps';
import { FRESHNESS_USAGE, parseFreshnessArgs } from './options';
import { staleReadmes } from './readmes';
import { buildFailedReport, staleReadmesReport, staleReport, uncommittedNote } from './report';
import { captureOutputs, restoreOutputs, type OutputSnapshot } from './snapshot';
import { orphanFolders, staleFiles } from './stale';

export type FreshnessDeps = ToolDeps;

/**
 * `npm run check:fresh`: rebuilds every connector in place, compares each output folder with what
 * it held before, then always puts the folders back as they were (so a failing check leaves the
 * work tree as it found it, and uncommitted edits inside output folders survive). Returns the exit
 * status: 0 fresh, 1 stale or build failed, 2 could not check, 130/143 interrupted.
 */
export const runFreshness = async (argv: readonly string[], deps: FreshnessDeps): Promise<number> => {
  const say = (message: string) => deps.stderr(`check:fresh: ${message}\n`);
  try {
    const options = parseFreshnessArgs(argv);
    if (options.help) {
      deps.stdout(`${FRESHNESS_USAGE}\n`);
      return 0;
    }
    const root = repositoryRoot(deps.cwd);
    const connectors = listConnectors(root);
    const folders = listOutputFolders(root);
    const before = captureOutputs(root, new Set([...connectors, ...folders]));
    const uncommitted = changedPaths(root, CONNECTORS_DIR).filter(isOutputFile);
    const builder = options.buildScript ? scriptBuilder(options.buildScript) : (deps.builder ?? nxBuilder);

    const how = options.buildScript ? `node ${options.buildScript}` : `nx ${NX_BUILD_ARGS.join(' ')}`;
    say(`rebuilding ${connectors.length} connector${connectors.length === 1 ? '' : 's'} (${how})`);
    const { code, after } = await rebuildAndRestore(root, before, builder, deps);
    if (uncommitted.length) say(uncommittedNote(uncommitted));
    if (code !== 0) {
      deps.stdout(buildFailedReport(code));
      return 1;
    }
    const stale = [...staleFiles(before, after), ...orphanFolders(folders, connectors)];
    const readmes = staleReadmes(root, connectors, after);
    if (stale.length) deps.stdout(staleReport(stale));
    if (readmes.length) deps.stdout(staleReadmesReport(readmes));
    if (stale.length || readmes.length) return 1;
    const which = connectors.length === 1 ? 'the one connector' : `all ${connectors.length} connectors`;
    deps.stdout(`check:fresh: the committed output and README section of ${which} are fresh.\n`);
    return 0;
  } catch (error) {
    return exitOnError(error, say, 'the output folders were put back as they were');
  }
};

/** Runs the build, reads the output folders it left, and always puts them back as `before` has them. */
const rebuildAndRestore = async (
  root: string,
  before: OutputSnapshot,
  builder: Builder,
  deps: FreshnessDeps,
): Promise<{ code: number; after: OutputSnapshot }> => {
  try {
    const { code } = await builder({
      root,
      expand: false,
      env: deps.env,
      signal: deps.signal,
      onOutput: deps.stderr,
    });
    return { code, after: captureOutputs(root, new Set([...before.keys(), ...listOutputFolders(root)])) };
  } finally {
    restoreOutputs(root, before, listOutputFolders(root));
  }
};

/** `packages/connectors/<system>/connector/<file>`, not under `.expanded`. */
const isOutputFile = (path: string): boolean => {
  const parts = path.split('/');
  const base = CONNECTORS_DIR.split('/').length;
  return (
    parts[base + 1] === CONNECTOR_OUTPUT_DIR && parts[base + 2] !== EXPANDED_DIR && parts.length > base + 2
  );
};
