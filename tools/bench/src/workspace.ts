import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, posix } from 'node:path';
import {
  CONNECTOR_CONFIG_FILE,
  CONNECTOR_OUTPUT_DIR,
  CONNECTORS_DIR,
  connectorProjectName,
} from '@sesam-connectors/core/layout';
import { listConnectors } from '../../shared/src/connectors';
import { linkNodeModules } from '../../shared/src/node-modules';
import { syntheticConnector, syntheticSystemName } from './synthetic-connector';
import type { BenchSize } from './options';

/** Files of this workspace the synthetic one is made from: its Nx set-up, engine and pack. */
export const COPIED_FILES = [
  'nx.json',
  'package.json',
  'package-lock.json',
  'tsconfig.base.json',
  '.gitignore',
];
/** Copied when this workspace has them (Nx reads them: environment, ignored files). */
export const OPTIONAL_FILES = ['.env', '.nxignore'];
export const COPIED_PACKAGES = ['packages/core', 'packages/template-pack', 'packages/sesam-cli-wrapper'];
const SKIPPED_NAMES = new Set(['node_modules', '.test-results', '.nx', 'coverage']);

/** The target every connector gets besides `build`: does nothing, cached, for the overhead baseline. */
export const EMPTY_TARGET = 'bench-empty';

/** The pack template (c) edits: every collect and webhook datatype renders it, so every connector rebuilds. */
export const EDITED_TEMPLATE = 'packages/template-pack/patterns/collect/all.json.ejs';

export interface SyntheticWorkspace {
  /** Temporary folder holding the workspace and its Nx cache (removed by removeWorkspace). */
  base: string;
  /** The workspace root. */
  root: string;
  /** N connectors × M datatypes (for the family: its connectors × their datatypes on average, rounded). */
  size: BenchSize;
  /** Datatypes over every connector (N × M for a synthetic workspace). */
  datatypes: number;
  /** Workspace-relative project roots, in order. */
  connectorRoots: string[];
  projectNames: string[];
  /** The Nx cache folder of this workspace only (outside the root: Nx would read it as workspace files). */
  cacheDirectory: string;
}

export const connectorRoot = (index: number): string => `packages/connectors/${syntheticSystemName(index)}`;

/**
 * A fresh workspace in the OS temp folder (`sesam-bench-<label>-…`) without connectors: this
 * workspace's nx.json, package.json, lockfile, tsconfig, engine (packages/core) and pack
 * (packages/template-pack), dependencies linked from `sourceRoot/node_modules` (the workspace
 * packages point at the copies, so edits to the copied pack are what the build renders).
 */
function emptyWorkspace(sourceRoot: string, label: string): { base: string; root: string } {
  const base = mkdtempSync(join(tmpdir(), `sesam-bench-${label}-`));
  const root = join(base, 'workspace');
  mkdirSync(root);
  for (const file of COPIED_FILES) cpSync(join(sourceRoot, file), join(root, file));
  for (const file of OPTIONAL_FILES)
    if (existsSync(join(sourceRoot, file))) cpSync(join(sourceRoot, file), join(root, file));
  for (const dir of COPIED_PACKAGES) {
    cpSync(join(sourceRoot, dir), join(root, dir), {
      recursive: true,
      filter: (path) => !SKIPPED_NAMES.has(basename(path)),
    });
  }
  linkNodeModules(sourceRoot, root);
  return { base, root };
}

/** The empty workspace (`emptyWorkspace`) with N synthetic connectors of M datatypes. */
export function createSyntheticWorkspace(sourceRoot: string, size: BenchSize): SyntheticWorkspace {
  const { base, root } = emptyWorkspace(sourceRoot, `${size.connectors}x${size.datatypes}`);
  const connectorRoots: string[] = [];
  const projectNames: string[] = [];
  for (let i = 0; i < size.connectors; i++) {
    const dir = connectorRoot(i);
    const projectName = connectorProjectName(syntheticSystemName(i));
    mkdirSync(join(root, dir), { recursive: true });
    writeJson(join(root, dir, 'connector.json'), syntheticConnector(i, size.datatypes));
    connectorRoots.push(dir);
    projectNames.push(projectName);
  }
  return {
    base,
    root,
    size,
    datatypes: size.connectors * size.datatypes,
    connectorRoots,
    projectNames,
    cacheDirectory: join(base, 'nx-cache'),
  };
}

/**
 * The real-world case: the empty workspace with this workspace's own connector packages (the
 * family: connector.json, raw/, project.json — everything but the committed build output and the
 * README), built from the same engine and pack as the synthetic one.
 */
export function createFamilyWorkspace(sourceRoot: string): SyntheticWorkspace {
  const systems = listConnectors(sourceRoot);
  if (systems.length === 0) throw new Error(`no connector packages in ${join(sourceRoot, CONNECTORS_DIR)}`);
  const { base, root } = emptyWorkspace(sourceRoot, 'family');
  let datatypes = 0;
  for (const system of systems) {
    const dir = posix.join(CONNECTORS_DIR, system);
    cpSync(join(sourceRoot, dir), join(root, dir), {
      recursive: true,
      filter: (path) => {
        const relative = path.slice(join(sourceRoot, dir).length + 1);
        return relative !== CONNECTOR_OUTPUT_DIR && relative !== 'README.md';
      },
    });
    const config = JSON.parse(readFileSync(join(root, dir, CONNECTOR_CONFIG_FILE), 'utf8')) as {
      datatypes: object;
    };
    datatypes += Object.keys(config.datatypes).length;
  }
  return {
    base,
    root,
    size: { connectors: systems.length, datatypes: Math.round(datatypes / systems.length) },
    datatypes,
    connectorRoots: systems.map((system) => posix.join(CONNECTORS_DIR, system)),
    projectNames: systems.map(connectorProjectName),
    cacheDirectory: join(base, 'nx-cache'),
  };
}

/**
 * Gives every connector a `project.json` with the baseline target (the plugin still infers the
 * project and its build). Nx hashes a project's whole configuration into each of its tasks, so
 * adding or removing these files makes every build a cache miss once.
 */
export function addEmptyTargets(ws: SyntheticWorkspace): void {
  ws.connectorRoots.forEach((dir, i) =>
    writeJson(join(ws.root, dir, 'project.json'), {
      name: ws.projectNames[i],
      targets: { [EMPTY_TARGET]: { command: 'true', cache: true, inputs: ['{projectRoot}/connector.json'] } },
    }),
  );
}

export function removeEmptyTargets(ws: SyntheticWorkspace): void {
  for (const dir of ws.connectorRoots) rmSync(join(ws.root, dir, 'project.json'), { force: true });
}

/** Forgets every cached build: the Nx cache, Nx's workspace data and the build outputs. */
export function clearCaches(ws: SyntheticWorkspace): void {
  rmSync(ws.cacheDirectory, { recursive: true, force: true });
  rmSync(join(ws.root, '.nx'), { recursive: true, force: true });
  for (const dir of ws.connectorRoots)
    rmSync(join(ws.root, dir, CONNECTOR_OUTPUT_DIR), { recursive: true, force: true });
}

/** Changes a pack template without changing what it renders (an ejs comment), unique per `stamp`. */
export function touchPackTemplate(ws: SyntheticWorkspace, stamp: string): void {
  appendFileSync(join(ws.root, EDITED_TEMPLATE), `<%# bench edit ${stamp} %>\n`);
}

/** Changes one connector.json (its label), unique per `stamp`: only that connector's build misses. */
export function touchConnector(ws: SyntheticWorkspace, index: number, stamp: string): void {
  const file = join(ws.root, ws.connectorRoots[index], 'connector.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as { label: string };
  config.label = `Bench ${index} (edit ${stamp})`;
  writeJson(file, config);
}

export function removeWorkspace(ws: SyntheticWorkspace): void {
  rmSync(ws.base, { recursive: true, force: true });
}

const writeJson = (file: string, value: unknown): void =>
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
