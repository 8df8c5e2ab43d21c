import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { expandError } from './errors';

/** Sub-folders sesam-py always creates, even when empty. */
const ALWAYS_CREATED = ['pipes', 'systems'];

/**
 * Writes an expanded folder (relative path → content) to `outDir`, replacing what was there.
 *
 * Stricter than sesam-py, which deletes the folder first and then writes file by file (so a failure
 * leaves it half written): everything is written to a temporary folder beside `outDir` first, then
 * the old folder is moved aside, the new one moved into place, and the old one deleted. A failure
 * before the swap leaves the previous output untouched. (Node has no atomic directory exchange, so
 * there is a moment between the two renames where `outDir` does not exist.)
 */
export async function writeExpanded(outDir: string, files: ReadonlyMap<string, string>): Promise<void> {
  const target = path.resolve(outDir);
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    throw expandError('OutputError', 'the output path exists and is not a folder', {
      file: outDir,
      pythonType: 'FileExistsError',
      hint: 'remove the file or choose another output folder with -e',
    });
  }
  const parent = path.dirname(target);
  const unique = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const staging = path.join(parent, `.${path.basename(target)}.tmp-${unique}`);
  const retired = path.join(parent, `.${path.basename(target)}.old-${unique}`);
  try {
    await mkdir(parent, { recursive: true });
    await mkdir(staging);
    for (const folder of ALWAYS_CREATED) await mkdir(path.join(staging, folder));
    for (const [relative, content] of files) {
      const file = path.join(staging, ...relative.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content, 'utf8');
    }
    if (existing) await rename(target, retired);
    try {
      await rename(staging, target);
    } catch (error) {
      if (existing) await rename(retired, target);
      throw error;
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (error instanceof Error && error.name === 'ExpandError') throw error;
    throw expandError('OutputError', `cannot write the expanded folder: ${(error as Error).message}`, {
      file: outDir,
      hint: 'check that the folder and its parent are writable',
    });
  }
  await rm(retired, { recursive: true, force: true });
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
