import { statSync } from 'node:fs';
import * as path from 'node:path';
import { adoptFolders, adoptionFigures } from '../../generators/import/lib/drift/adoption';
import { summarizeDrift } from '../../generators/import/lib/drift/summarize';
import { loadTemplatePack } from '../../lib/render';
import { parseArgs, stringOption, UsageError } from '../args';
import { formatDriftMarkdown } from '../drift/format-markdown';
import { formatDriftText } from '../drift/format-text';
import { formatDriftJson, type DriftReport } from '../drift/report';
import { DRIFT_HELP } from '../help';
import { displayPath } from '../../lib/fs';
import type { CliIo } from '../io';
import { DRIFT_OPTIONS } from '../options';

const FORMATS = {
  text: formatDriftText,
  markdown: formatDriftMarkdown,
  json: formatDriftJson,
} as const;

const isFolder = (dir: string): boolean => {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
};

/**
 * The drift report over folders: what import would do with each (pattern, options and patches per
 * datatype; nothing written) and a summary per role; with `figures`, also the adoption figures
 * (each plan's node config proven equivalent to its source's by expanding both).
 */
export function driftReport(
  folders: readonly { readonly dir: string; readonly shown: string }[],
  figures: boolean,
): DriftReport {
  const adopted = adoptFolders(folders, loadTemplatePack(), { prove: figures });
  const described = adopted.flatMap((a) => (a.description === undefined ? [] : [a.description]));
  return {
    folders: adopted,
    summary: summarizeDrift(described),
    ...(figures ? { figures: adoptionFigures(adopted) } : {}),
  };
}

/** `sesam-connectors drift`: see DRIFT_HELP. Returns the exit code. */
export async function driftCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, DRIFT_OPTIONS, 'drift');
  if (args.options.has('help')) {
    io.stdout(DRIFT_HELP);
    return 0;
  }
  const format = stringOption(args, 'format', 'text');
  if (!Object.prototype.hasOwnProperty.call(FORMATS, format))
    throw new UsageError(`--format must be text, markdown or json, not ${format}`);
  const given = args.positionals.length === 0 ? ['.'] : args.positionals;
  const folders = given.map((folder) => {
    const dir = path.resolve(io.cwd, folder);
    if (!isFolder(dir)) throw new UsageError(`no such folder: ${folder}`);
    const shown = displayPath(dir, io.cwd);
    return { dir, shown: shown === '.' ? path.basename(dir) : shown };
  });
  const report = driftReport(folders, args.options.has('figures'));
  io.stdout(FORMATS[format as keyof typeof FORMATS](report));
  const failed = report.folders.some((f) => f.description === undefined || f.difference !== undefined);
  return failed ? 1 : 0;
}
