import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { replaceDirectory } from '../fs';
import { expandError } from './errors';

/** Sub-folders sesam-py always creates, even when empty. */
const ALWAYS_CREATED = ['pipes', 'systems'];

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
  try {
    replaceDirectory(target, files, { folders: ALWAYS_CREATED });
  } catch (error) {
    throw expandError('OutputError', `cannot write the expanded folder: ${(error as Error).message}`, {
      file: outDir,
      hint: 'check that the folder and its parent are writable',
    });
  }
}

/**
 * Refuses an output folder that is the connector folder or one of its ancestors: replacing it
 * would delete the connector itself (sesam-py would do exactly that with `-e .`).
 */
export function assertSafeOutputDir(connectorDir: string, outDir: string): void {
  const connector = path.resolve(connectorDir);
  const out = path.resolve(outDir);
  const relative = path.relative(out, connector);
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
    throw expandError(
      'OutputError',
      'the output folder would contain the connector folder, and expand replaces its output folder',
      {
        file: outDir,
        hint: 'choose a folder inside the connector (default .expanded) or elsewhere',
      },
    );
  }
}
