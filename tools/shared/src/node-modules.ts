import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  symlinkSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** A workspace package of a checkout: its npm name and its folder relative to the checkout. */
export interface WorkspacePackage {
  name: string;
  dir: string;
}

/**
 * Gives the checkout at `target` the dependencies installed at `source` without copying them:
 * `target/node_modules` becomes a folder of symlinks to `source/node_modules/<entry>`, and so do the
 * workspace packages' own nested `node_modules`.
 *
 * The workspace's own packages are the exception: `node_modules/@sesam-connectors/core` (the Nx
 * plugin and build engine), `…/template-pack` (the patterns) and the others link to the target's own
 * folders, because Nx loads the plugin, and the plugin the pack, through these names. Linked to the
 * source they would build an old revision with today's engine and templates, and the review would
 * miss exactly the changes it exists to show. `.bin` is recreated with the same relative links so
 * workspace bins resolve inside the target too. Other dot-entries (`.cache`, `.package-lock.json`)
 * are left out so nothing a build writes there lands in the source checkout.
 *
 * Returns the workspace packages that were linked.
 */
export const linkNodeModules = (source: string, target: string): WorkspacePackage[] => {
  const workspaces = workspacePackages(target);
  const names = new Set(workspaces.map((w) => w.name));
  const sourceRoot = realpathSync(source);
  mirror(join(source, 'node_modules'), join(target, 'node_modules'), names, sourceRoot);
  for (const workspace of workspaces) {
    const link = join(target, 'node_modules', ...workspace.name.split('/'));
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(relative(dirname(link), join(target, workspace.dir)), link, 'dir');
    const nested = join(source, workspace.dir, 'node_modules');
    if (existsSync(nested)) mirror(nested, join(target, workspace.dir, 'node_modules'), names, sourceRoot);
  }
  return workspaces;
};

const mirror = (from: string, to: string, workspaceNames: Set<string>, sourceRoot: string): void => {
  if (!existsSync(from)) return;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    if (entry === '.bin') mirrorBin(join(from, entry), join(to, entry));
    else if (entry.startsWith('.')) continue;
    else if (entry.startsWith('@') && lstatSync(join(from, entry)).isDirectory()) {
      mkdirSync(join(to, entry), { recursive: true });
      for (const child of readdirSync(join(from, entry))) {
        linkEntry(
          join(from, entry, child),
          join(to, entry, child),
          `${entry}/${child}`,
          workspaceNames,
          sourceRoot,
        );
      }
    } else linkEntry(join(from, entry), join(to, entry), entry, workspaceNames, sourceRoot);
  }
};

const linkEntry = (
  from: string,
  to: string,
  name: string,
  workspaceNames: Set<string>,
  sourceRoot: string,
): void => {
  if (workspaceNames.has(name) || isSourceWorkspaceLink(from, sourceRoot)) return;
  if (existsSync(to)) return;
  symlinkSync(from, to, 'dir');
};

/** A symlink into the source checkout's own folders (a workspace package the target may not have). */
const isSourceWorkspaceLink = (path: string, sourceRoot: string): boolean => {
  if (!lstatSync(path).isSymbolicLink()) return false;
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return true; // dangling: nothing to link to
  }
  const inside = real === sourceRoot || real.startsWith(sourceRoot + sep);
  return inside && !real.split(sep).includes('node_modules');
};

const mirrorBin = (from: string, to: string): void => {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    const source = join(from, entry);
    // Keep relative links relative (they then resolve through the target's own node_modules).
    const link = lstatSync(source).isSymbolicLink() ? readlinkSync(source) : source;
    symlinkSync(link, join(to, entry));
  }
};

/** The workspace packages a checkout declares in its root package.json `workspaces` ([] when none). */
export const workspacePackages = (root: string): WorkspacePackage[] => {
  const field = readJson(join(root, 'package.json'))?.workspaces;
  const list = Array.isArray(field) ? field : (field as { packages?: unknown } | undefined)?.packages;
  const patterns: unknown[] = Array.isArray(list) ? list : [];
  const packages: WorkspacePackage[] = [];
  for (const pattern of patterns) {
    if (typeof pattern !== 'string') continue;
    for (const dir of expandPattern(root, pattern)) {
      const name = readJson(join(root, dir, 'package.json'))?.name;
      if (typeof name === 'string' && name !== '') packages.push({ name, dir });
    }
  }
  return packages;
};

/** Folders matching a workspaces pattern whose segments are names or `*` (what npm workspaces use here). */
const expandPattern = (root: string, pattern: string): string[] => {
  let dirs = [''];
  for (const segment of pattern.replace(/^\.\//, '').split('/').filter(Boolean)) {
    dirs = dirs.flatMap((dir) => {
      if (!segment.includes('*')) return existsSync(join(root, dir, segment)) ? [join(dir, segment)] : [];
      const matcher = new RegExp(`^${segment.split('*').map(escapeRegExp).join('[^/]*')}$`);
      try {
        return readdirSync(join(root, dir), { withFileTypes: true })
          .filter((e) => e.isDirectory() && e.name !== 'node_modules' && matcher.test(e.name))
          .map((e) => join(dir, e.name));
      } catch {
        return [];
      }
    });
  }
  return dirs.filter((dir) => dir !== '' && existsSync(join(root, dir, 'package.json')));
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const readJson = (file: string): { name?: unknown; workspaces?: unknown } | undefined => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};
