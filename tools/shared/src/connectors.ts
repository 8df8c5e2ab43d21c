import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { listFiles } from '@sesam-connectors/core/fs';
import { CONNECTOR_CONFIG_FILE, CONNECTOR_OUTPUT_DIR, CONNECTORS_DIR } from '@sesam-connectors/core/layout';

/** Systems with a connector.json at `root`, sorted; [] when the folder does not exist (an older revision). */
export const listConnectors = (root: string): string[] =>
  subfolders(join(root, CONNECTORS_DIR)).filter((system) =>
    existsSync(join(root, CONNECTORS_DIR, system, CONNECTOR_CONFIG_FILE)),
  );

/** Systems that have a build output folder at `root`, with or without a connector.json. */
export const listOutputFolders = (root: string): string[] =>
  subfolders(join(root, CONNECTORS_DIR)).filter((system) => isDirectory(outputDir(root, system)));

/** `packages/connectors/<system>/connector` under `root`. */
export const outputDir = (root: string, system: string): string =>
  join(root, CONNECTORS_DIR, system, CONNECTOR_OUTPUT_DIR);

/** The same, relative to the repository root with '/' separators (for messages). */
export const outputPath = (system: string): string =>
  posix.join(CONNECTORS_DIR, system, CONNECTOR_OUTPUT_DIR);

/** Whether a repository path is inside a connector's build output (`packages/connectors/<system>/connector/…`). */
export const isBuildOutput = (path: string): boolean => {
  const parts = path.split('/');
  const prefix = CONNECTORS_DIR.split('/');
  return (
    parts.length > prefix.length + 2 &&
    prefix.every((part, i) => parts[i] === part) &&
    parts[prefix.length + 1] === CONNECTOR_OUTPUT_DIR
  );
};

/**
 * Every file under `dir` by relative path ('/' separators), read as bytes; `skip` leaves out
 * folders or files by relative path. {} when `dir` does not exist.
 */
export const readTree = (dir: string, skip?: (relative: string) => boolean): Map<string, Buffer> =>
  isDirectory(dir)
    ? new Map(listFiles(dir, skip).map((path) => [path, readFileSync(join(dir, path))]))
    : new Map();

/** readTree as text (UTF-8), the shape the compare functions take. */
export const readTextTree = (dir: string, skip?: (relative: string) => boolean): Record<string, string> =>
  Object.fromEntries([...readTree(dir, skip)].map(([path, bytes]) => [path, bytes.toString('utf8')]));

const subfolders = (dir: string): string[] =>
  isDirectory(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};
