import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { replaceDirectory } from '../fs';
import { EXPANDED_DIR } from '../layout';
import { expandError } from './errors';

/** Sub-folders sesam-py always creates, even when empty. */
const ALWAYS_CREATED = ['pipes', 'systems'];

/** The mark an expand leaves in its output folder: only a marked (or empty) folder is replaced. */
export const EXPAND_MARK = '.sesam-connectors-expand';
const MARK_TEXT = 'written by sesam-connectors expand: the next expand replaces this folder\n';

/** What sesam-py's own expand leaves in `.expanded` (unmarked; replaced when it holds nothing else). */
const isSesamPyEntry = (name: string, folder: boolean): boolean =>
  folder ? ALWAYS_CREATED.includes(name) : name === 'node-metadata.conf.json' || name.endsWith('-env.json');

/**
 * Writes an expanded folder (relative path → content) to `outDir`, replacing what was there.
 *
 * Stricter than sesam-py, which deletes the folder first and then writes file by file (so a failure
 * leaves it half written): the shared `replaceDirectory` stages everything beside `outDir` and
 * swaps it in, so a failure before the swap leaves the previous output untouched.
 */
export function writeExpanded(outDir: string, files: ReadonlyMap<string, string>): void {
  const target = path.resolve(outDir);
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw expandError('OutputError', 'the output path exists and is not a folder', {
      file: outDir,
      pythonType: 'FileExistsError',
      hint: 'remove the file or choose another output folder with -e',
    });
  }
  assertReplaceable(outDir);
  try {
    replaceDirectory(target, new Map([...files, [EXPAND_MARK, MARK_TEXT]]), {
      folders: ALWAYS_CREATED,
    });
  } catch (error) {
    throw expandError('OutputError', `cannot write the expanded folder: ${(error as Error).message}`, {
      file: outDir,
      hint: 'check that the folder and its parent are writable',
    });
  }
}

/**
 * Refuses to replace a folder that is not empty and was not written by an earlier expand (it holds
 * no EXPAND_MARK), unless it is a `.expanded` holding only what sesam-py's expand writes: `-e` a
 * user's folder must not wipe it.
 */
function assertReplaceable(outDir: string): void {
  let entries;
  try {
    entries = readdirSync(path.resolve(outDir), { withFileTypes: true });
  } catch {
    return; // missing (a file is refused by the caller)
  }
  if (entries.length === 0 || entries.some((e) => e.name === EXPAND_MARK)) return;
  if (
    path.basename(path.resolve(outDir)) === EXPANDED_DIR &&
    entries.every((e) => isSesamPyEntry(e.name, e.isDirectory()))
  )
    return;
  throw expandError(
    'OutputError',
    `the output folder is not empty and was not written by expand (it has no ${EXPAND_MARK}); expand replaces its output folder, so nothing was written`,
    { file: outDir, hint: 'choose a new or empty folder with -e, or empty this one yourself' },
  );
}

const isWithin = (folder: string, file: string): boolean => {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/**
 * Refuses an output folder that is the connector folder or one of its ancestors (replacing it
 * would delete the connector itself; sesam-py would do exactly that with `-e .`), that holds one of
 * the connector's `sources` (connector-relative: the manifest and the templates it read) or lies in
 * a sub-folder holding one (`-e templates/x`), or that is not empty and was not written by expand.
 */
export function assertSafeOutputDir(
  connectorDir: string,
  outDir: string,
  sources: readonly string[] = [],
): void {
  const connector = path.resolve(connectorDir);
  const out = path.resolve(connector, outDir);
  if (isWithin(out, connector)) {
    throw expandError(
      'OutputError',
      'the output folder would contain the connector folder, and expand replaces its output folder',
      {
        file: outDir,
        hint: 'choose a folder inside the connector (default .expanded) or elsewhere',
      },
    );
  }
  for (const source of sources) {
    const file = path.resolve(connector, source);
    const folder = path.dirname(file);
    if (isWithin(out, file) || (folder !== connector && isWithin(folder, out)))
      throw expandError(
        'OutputError',
        `the output folder ${isWithin(out, file) ? 'holds' : 'is inside the folder of'} the connector's ${source}, and expand replaces its output folder`,
        { file: outDir, hint: 'choose a folder outside the templates (default .expanded) or elsewhere' },
      );
  }
  assertReplaceable(out);
}
