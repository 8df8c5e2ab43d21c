import { logger } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConnector } from '../../src/lib/build';
import { diskSource, expandConnector } from '../../src/lib/expand';
import { isJsonObject, parseJson, type JsonObject } from '../../src/lib/json';
import { importGenerator } from '../../src/generators/import/generator';
import { connectorRoot } from '../../src/generators/shared/connector-paths';
import { corpusFolders, corpusPath } from '../corpus';
import { buildValidates, folderSystem, writePackage } from '../imported-package';

/** sesam expand's result for a folder on disk: the expanded files, or the error's message. */
const expanded = (dir: string): Map<string, string> | string => {
  try {
    return new Map(expandConnector(diskSource(dir)).files);
  } catch (error) {
    return (error as Error).message.replaceAll(dir, '<dir>');
  }
};

/** Why a datatype may stay raw: the import's reasons that no pattern can get round. */
const RAW_REASONS = [
  /does not follow the naming \{\{@ system @\}\}-\{\{@ datatype @\}\}-<role>/,
  /is not named after one of its datatypes|is not templates\/\w+\.json/,
  /a pattern datatype needs a valid name/,
  /two pipes have the id/,
  /the source has no such file/,
  /no pattern describes its pipes: (every|each) pattern makes a pipe the source has not|no pattern describes its pipes/,
  /the source does not expand/,
  /it is not valid JSON/,
];

/**
 * Adoption (the import's default) over every corpus connector: import into a fresh tree, write the
 * package, run the real build, and expand its output like `sesam-connectors expand --compat`. The
 * node config must be byte for byte what the source expands to (sesam-py's own output for the
 * corpus, which the expander reproduces; a source expand refuses must be refused the same way).
 */
describe('import adopts every corpus connector onto the pack', () => {
  const folders = corpusFolders();
  const equivalent: string[] = [];
  let datatypes = 0;
  let raw = 0;
  let withoutPatch = 0;
  const rawReasons: string[] = [];
  let workDir: string;
  let info: jest.SpyInstance;

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'sesam-adopt-corpus-'));
    info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  });
  afterAll(() => {
    rmSync(workDir, { recursive: true, force: true });
    jest.restoreAllMocks();
    process.stdout.write(
      `adoption: ${equivalent.length} of ${folders.length} corpus connectors expand to the source's node config; ` +
        `${datatypes} datatypes, ${raw} raw, ${withoutPatch} on a pattern without a patch\n`,
    );
  });

  it.each(folders)(
    '%s: the built package expands to the source node config byte for byte',
    async (folder) => {
      const sourceDir = corpusPath(folder);
      const system = folderSystem(folder);
      const tree = createTreeWithEmptyWorkspace();
      info.mockClear();
      await importGenerator(tree, { source: sourceDir, system, skipFormat: true });
      const workspace = join(workDir, folder);
      writePackage(tree, system, workspace);
      const projectRoot = join(workspace, connectorRoot(system));
      const validate = buildValidates(tree, system);
      await buildConnector(projectRoot, { displayRoot: workspace, validate });

      const built = expanded(join(projectRoot, 'connector'));
      const source = expanded(sourceDir);
      // A developer's <profile>-env.json beside the manifest is not imported (the import says so); expand
      // copies it into the expanded folder, so that file alone is left out of the comparison.
      if (typeof source !== 'string' && existsSync(join(sourceDir, 'test-env.json'))) {
        source.delete('test-env.json');
        if (typeof built !== 'string') built.delete('test-env.json');
      }
      if (typeof source === 'string') expect(built).toBe(source);
      else {
        expect(typeof built).toBe('object');
        const got = built as Map<string, string>;
        expect([...got.keys()].sort()).toEqual([...source.keys()].sort());
        for (const [path, text] of source) expect([path, got.get(path)]).toEqual([path, text]);
      }
      equivalent.push(folder);

      const config = parseJson(readFileSync(join(projectRoot, 'connector.json'), 'utf8')) as JsonObject;
      const entries = [...(config.get('datatypes') as JsonObject)] as [string, JsonObject][];
      const byName = new Map(entries);
      for (const [name, datatype] of entries) {
        datatypes += 1;
        const owner = byName.get(String(datatype.get('reuse') ?? name))!;
        if (datatype.get('pattern') === 'raw') {
          raw += 1;
          const said = info.mock.calls
            .map(([line]) => String(line))
            .find((line) => line.startsWith(`  ${name} is raw `));
          rawReasons.push(`${folder} ${name}: ${said ?? 'no reason given'}`);
        } else if (!isJsonObject(owner.get('patches'))) withoutPatch += 1;
      }
    },
  );

  it('expands every folder to the node config of its source', () => {
    expect(equivalent).toHaveLength(folders.length);
  });

  it('keeps at most 10 % of the datatypes raw', () => {
    expect(datatypes).toBeGreaterThan(1200);
    expect(raw / datatypes).toBeLessThanOrEqual(0.1);
  });

  it('says why each raw datatype is raw, with a reason no pattern can get round', () => {
    expect(rawReasons.length).toBeGreaterThan(0);
    expect(rawReasons.filter((line) => !RAW_REASONS.some((reason) => reason.test(line)))).toEqual([]);
  });

  it('finds the corpus', () => {
    expect(folders).toHaveLength(144);
  });
});
