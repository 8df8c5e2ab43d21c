import {
  findUpwards,
  flagValueOf,
  SYNC_CONFIG_FILE,
  type SesamCli,
  type SesamRunOptions,
} from '@sesam/sesam-cli-wrapper';
import { cpSync, mkdtempSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { EXPANDED_DIR } from '../../lib/layout';
import { compareTrees, type TreeChange } from './compare-trees';
import { formatDownloadReport } from './download-report';
import { readTree } from './read-tree';

/** Top-level entries of the connector folder that are neither copied nor compared. */
const NOT_CONFIG = [EXPANDED_DIR, '.syncconfig', '.authconfig', '.additional_parameters.json'];

export interface SafeDownloadInput {
  cli: SesamCli;
  /** sesam arguments (starting with `download`). */
  args: readonly string[];
  /** Absolute path of the committed connector folder. */
  connectorDir: string;
  workspaceRoot: string;
  projectName: string;
  projectRoot: string;
  /** Parent of the temporary copy. */
  tmpRoot: string;
  run?: SesamRunOptions;
}

export interface SafeDownloadResult {
  copyDir: string;
  changes: TreeChange[];
  report: string;
}

/**
 * `sesam download` replaces the local config, and on a connector collapses it back into
 * templates/ and manifest.json. To keep the committed build output untouched, it runs in a
 * temporary copy of the connector folder; the copy is then compared with the original. Since the
 * copy is outside the workspace, sesam would not find .syncconfig upwards: the one sesam would use
 * from the real folder is passed with -sync-config-file (credentials are not copied).
 */
export const safeDownload = async (input: SafeDownloadInput): Promise<SafeDownloadResult> => {
  const skip = new Set(
    [...NOT_CONFIG, firstSegment(flagValueOf(input.args, '-e'))].filter((s): s is string => !!s),
  );
  const copyDir = join(
    mkdtempSync(join(input.tmpRoot, `sesam-download-${input.projectName}-`)),
    basename(input.connectorDir),
  );
  cpSync(input.connectorDir, copyDir, {
    recursive: true,
    filter: (src) => !skip.has(relative(input.connectorDir, src).split(sep)[0]!),
  });

  await input.cli.exec(withSyncConfig(input.args, input.connectorDir), { ...input.run, cwd: copyDir });

  const committed = readTree(input.connectorDir, skip);
  const downloaded = readTree(copyDir, skip);
  const changes = compareTrees(committed, downloaded);
  const report = formatDownloadReport(changes, {
    projectName: input.projectName,
    projectRoot: input.projectRoot,
    connectorPath: relative(input.workspaceRoot, input.connectorDir),
    copyDir,
    compared: new Set([...committed.keys(), ...downloaded.keys()]).size,
  });
  return { copyDir, changes, report };
};

const firstSegment = (path: string | undefined): string | undefined =>
  path?.split(/[\\/]/).find((s) => s !== '' && s !== '.');

/** The arguments with -sync-config-file made absolute (relative to the real folder) or added when one is found upwards. */
const withSyncConfig = (args: readonly string[], connectorDir: string): string[] => {
  const given = flagValueOf(args, '-sync-config-file');
  if (given !== undefined) {
    return args.map((arg, i) =>
      i > 0 && args[i - 1] === '-sync-config-file'
        ? resolve(connectorDir, arg)
        : arg.startsWith('-sync-config-file=')
          ? `-sync-config-file=${resolve(connectorDir, given)}`
          : arg,
    );
  }
  const found = findUpwards(connectorDir, SYNC_CONFIG_FILE);
  return found ? [...args, '-sync-config-file', found] : [...args];
};
