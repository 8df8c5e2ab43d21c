import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { corpusDir, corpusFolders, pickVersions } from '../src/corpus';
import { runAdoption } from '../src/main';

const WORKSPACE_ROOT = resolve(__dirname, '..', '..', '..');
const CORPUS = corpusDir(WORKSPACE_ROOT);

const run = async (...argv: string[]) => {
  let stdout = '';
  let stderr = '';
  const code = await runAdoption(argv, {
    cwd: CORPUS,
    env: {},
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
};

describe('pickVersions', () => {
  it('takes main, else playground, else the first version alphabetically, one per repository', () => {
    expect(
      pickVersions(['b@x', 'a@playground', 'a@main', 'b@feature', 'c@playground', 'c@a', 'a-b@z', 'a-b@y']),
    ).toEqual(['a-b@y', 'a@main', 'b@feature', 'c@playground']);
    expect(pickVersions(['b@x', 'a@main'], true)).toEqual(['a@main', 'b@x']);
  });

  it('gives one folder per repository of the corpus', () => {
    const folders = corpusFolders(CORPUS, false);
    const repositories = new Set(readdirSync(CORPUS).map((folder) => folder.replace(/@.*$/, '')));
    expect(folders.map((dir) => dir.slice(CORPUS.length + 1).replace(/@.*$/, '')).sort()).toEqual(
      [...repositories].sort(),
    );
    expect(folders).toContain(join(CORPUS, 'shopify@main'));
    expect(corpusFolders(CORPUS, true)).toHaveLength(readdirSync(CORPUS).length);
  });
});

describe('npm run adoption', () => {
  it('prints the figures over the folders given, each plan proven equivalent', async () => {
    const result = await run('akkio@main', 'shopify@main');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'Adoption over 2 folders:',
      '  node config equivalent   2 / 2 (100 %) of the imported; 0 refused',
    ]);
    expect(lines[2]).toMatch(/^ {2}datatypes on patterns {4}\d+ \/ 2 \(\d+ %\)$/);
    expect(lines[4]).toMatch(/^ {2}authored \/ source bytes {2}[\d,]+ \/ [\d,]+ = \d\.\d\d$/);
    expect(result.stderr).toMatch(/^adoption: 2 folders in [\d.]+s\n$/);
  });

  it('json: the figures as data', async () => {
    const result = await run('akkio@main', '--format', 'json');
    expect(JSON.parse(result.stdout).figures).toMatchObject({
      folders: 1,
      imported: 1,
      equivalent: 1,
      datatypes: 1,
    });
  });

  it('refuses wrong usage with exit status 2', async () => {
    expect(await run('--all', 'akkio@main')).toMatchObject({ code: 2 });
    expect((await run('--format', 'xml')).stderr).toContain(
      '--format must be text, markdown or json, not xml',
    );
    expect((await run('nowhere')).stderr).toBe('adoption: no such folder: nowhere\n');
  });
});
