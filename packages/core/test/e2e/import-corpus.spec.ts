import { logger } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConnector } from '../../src/lib/build';
import { importGenerator } from '../../src/generators/import/generator';
import { readSource } from '../../src/generators/import/lib/read-source';
import { corpusFolders, corpusPath } from '../corpus';
import { connectorRoot } from '../../src/generators/shared/connector-paths';
import { buildValidates, folderSystem, writePackage } from '../imported-package';
import { GeneratorError } from '../../src/generators/shared/generator-error';

/** How an imported package reproduces its source: which files connector.json renders, which it copies. */
const shapeOf = (config: { systemFile?: unknown; manifestFile?: unknown }): string =>
  `system ${config.systemFile === undefined ? 'rendered' : 'systemFile'}, manifest ${config.manifestFile === undefined ? 'generated' : 'manifestFile'}`;

/**
 * The import round trip over every corpus connector: import into a fresh tree, write the package
 * to a temporary folder, run the real build on it (render + the build's validation), and compare
 * manifest.json and every template file the manifest uses byte for byte. An import either
 * reproduces its source exactly or is refused with a GeneratorError saying why; the build of an
 * imported package may still refuse a source that fails validation, and that is reported too.
 */
describe('import --verbatim round trip over the corpus', () => {
  const folders = corpusFolders();
  const reproduced: string[] = [];
  const refused = new Map<string, string>();
  const buildFailed = new Map<string, string>();
  const withoutValidation: string[] = [];
  const shapes = new Map<string, number>();
  /** Folders whose build warns about a legacy shape kept from the source (a name or a missing template). */
  const legacyWarnings = new Map<string, string[]>();
  let workDir: string;

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'sesam-import-corpus-'));
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  });
  afterAll(() => {
    rmSync(workDir, { recursive: true, force: true });
    jest.restoreAllMocks();
    // One line per kind of problem (paths and names taken out), with the folders it applies to.
    const kinds = new Map<string, string[]>();
    const add = (folder: string, line: string) => {
      const kind = line
        .replace(/^\s*- /, '')
        .replaceAll(corpusPath(folder), '<source>')
        .replace(/"[^"]*"/g, '"…"')
        .replace(/templates\/[\w./-]+/g, '<template>')
        .replace(/packages\/connectors\/\w+/g, '<package>');
      kinds.set(kind, [...(kinds.get(kind) ?? []), folder]);
    };
    for (const [folder, message] of refused) add(folder, `refused: ${message.split('\n')[1] ?? message}`);
    for (const [folder, message] of buildFailed)
      add(folder, `build failed: ${message.split('\n')[1] ?? message}`);
    const lines = [...kinds]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([kind, list]) => `  ${list.length}x ${kind}\n      ${list.join(', ')}`);
    process.stdout.write(
      `import round trip: ${reproduced.length} of ${folders.length} corpus connectors reproduce byte for byte through nx build; ` +
        `${withoutValidation.length} of them build with validation off (the source breaks validation rules); ` +
        `${refused.size} refused by the import, ${buildFailed.size} imported but refused by the build:\n${lines.join('\n')}\n`,
    );
  });

  it('finds the corpus', () => {
    expect(folders).toHaveLength(144);
  });

  it.each(folders)('%s: reproduces exactly, or is refused with a reason', async (folder) => {
    const sourceDir = corpusPath(folder);
    const system = folderSystem(folder);
    const tree = createTreeWithEmptyWorkspace();
    try {
      await importGenerator(tree, { source: sourceDir, system, skipFormat: true, verbatim: true });
    } catch (error) {
      expect(error).toBeInstanceOf(GeneratorError);
      refused.set(folder, (error as Error).message);
      return;
    }
    const workspace = join(workDir, folder);
    writePackage(tree, system, workspace);
    const projectRoot = join(workspace, connectorRoot(system));
    const validate = buildValidates(tree, system);
    if (!validate) withoutValidation.push(folder);
    let warnings: readonly string[];
    try {
      ({ warnings } = buildConnector(projectRoot, { displayRoot: workspace, validate }));
    } catch (error) {
      buildFailed.set(folder, (error as Error).message);
      return;
    }
    const legacy = warnings
      .filter((line) => line.includes('connector.json: '))
      .map((line) => (line.includes('TemplateNotFound') ? 'missing template' : 'legacy name'));
    if (legacy.length > 0) legacyWarnings.set(folder, [...new Set(legacy)].sort());
    const output = (path: string) => readFileSync(join(projectRoot, 'connector', path), 'utf8');
    expect(output('manifest.json')).toBe(readFileSync(join(sourceDir, 'manifest.json'), 'utf8'));
    for (const [path, text] of readSource(sourceDir, folder).files)
      expect([path, output(path)]).toEqual([path, text]);
    const shape = shapeOf(JSON.parse(tree.read(`${connectorRoot(system)}/connector.json`, 'utf-8')!));
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    reproduced.push(folder);
  });

  it('imports and builds every connector', () => {
    expect([...refused.keys()]).toEqual([]);
    expect([...buildFailed.keys()]).toEqual([]);
  });

  it('reproduces all 144 byte for byte', () => {
    expect(reproduced).toHaveLength(144);
  });

  it('renders what the engine can describe and copies only the rest', () => {
    // --verbatim copies a system it cannot render byte for byte together with the manifest. These
    // counts move only when the engine learns to render more sources (or the import stops preferring
    // what it renders): auth none renders the systems that log in through their own properties.
    expect(Object.fromEntries([...shapes].sort())).toEqual({
      'system rendered, manifest generated': 55,
      'system rendered, manifest manifestFile': 24,
      'system systemFile, manifest manifestFile': 65,
    });
  });

  it('keeps the legacy shapes of exactly the sources that have them, with a build warning', () => {
    expect(Object.fromEntries(legacyWarnings)).toEqual({
      'chargebee@playground': ['missing template'],
      'freshteam@main': ['legacy name'],
      'freshteam@prod': ['legacy name'],
      'superoffice@quote-quotelines-collect': ['legacy name', 'missing template'],
      'training-tripletex@first-version': ['legacy name'],
      'training-tripletex@main': ['legacy name'],
    });
  });
});
