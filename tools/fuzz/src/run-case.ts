import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildConnector, ExpandError, expandToFolder, isUserError } from '@sesam-connectors/core';
import { CONNECTOR_OUTPUT_DIR, EXPANDED_DIR } from '@sesam-connectors/core/layout';

/** What one case did: the engine's verdict, and whether a refusal left the disk as it was. */
export type CaseOutcome =
  | { readonly kind: 'built' }
  | { readonly kind: 'refused'; readonly stage: 'build' | 'expand'; readonly message: string }
  | { readonly kind: 'crash'; readonly stage: 'build' | 'expand'; readonly message: string }
  | { readonly kind: 'write-on-error'; readonly stage: 'build' | 'expand'; readonly message: string };

/** The engine a case runs through: build a package folder, then expand its output. The fuzz test plants faults here. */
export interface FuzzEngine {
  build(packageDir: string): unknown;
  expand(connectorDir: string): unknown;
  /** Whether an error is a refusal the user can act on (a clean message), not a crash. */
  isRefusal(error: unknown): boolean;
}

export const REAL_ENGINE: FuzzEngine = {
  build: (dir) => buildConnector(dir, { displayRoot: dir }),
  expand: (dir) => expandToFolder(dir, { outDir: EXPANDED_DIR }),
  isRefusal: (error) => isUserError(error) || error instanceof ExpandError,
};

/** Every entry below `root`: path → bytes (files) or a marker (folders). */
function snapshot(root: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (lstatSync(path).isDirectory()) {
        entries.set(`${prefix}${name}/`, '');
        walk(path, `${prefix}${name}/`);
      } else entries.set(prefix + name, readFileSync(path).toString('base64'));
    }
  };
  walk(root, '');
  return entries;
}

const sameTree = (a: Map<string, string>, b: Map<string, string>): boolean =>
  a.size === b.size && [...a].every(([path, bytes]) => b.get(path) === bytes);

const firstLine = (error: unknown): string =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split('\n')[0]!.slice(0, 300);

/**
 * Writes the package into a fresh temporary folder and runs it through `engine`: build, then (when
 * it built) expand of its output. A refusal must change nothing on disk; any other error is a crash.
 */
export async function runCase(
  folder: string,
  files: ReadonlyMap<string, Buffer>,
  engine: FuzzEngine = REAL_ENGINE,
): Promise<CaseOutcome> {
  const root = mkdtempSync(join(tmpdir(), 'sesam-fuzz-'));
  try {
    const pkg = join(root, folder);
    for (const [path, bytes] of files) {
      mkdirSync(dirname(join(pkg, path)), { recursive: true });
      writeFileSync(join(pkg, path), bytes);
    }
    for (const [stage, run, dir] of [
      ['build', engine.build, pkg],
      ['expand', engine.expand, join(pkg, CONNECTOR_OUTPUT_DIR)],
    ] as const) {
      const before = snapshot(root);
      try {
        await run(dir);
      } catch (error) {
        if (!engine.isRefusal(error)) return { kind: 'crash', stage, message: firstLine(error) };
        const kind = sameTree(before, snapshot(root)) ? 'refused' : 'write-on-error';
        return { kind, stage, message: firstLine(error) };
      }
    }
    return { kind: 'built' };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
