import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { corpusPath, expandingFolders } from '../../../test/corpus';
import { listFiles } from '../fs';
import { parseJson, toCanonicalJson } from './index';

const corpusRoot = corpusPath();

const jsonFilesUnder = (dir: string): string[] =>
  listFiles(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => path.join(dir, file));

const folders = expandingFolders();

describe('corpus: parseJson then toCanonicalJson reproduces every expected-expanded file byte for byte', () => {
  let checked = 0;

  it.each(folders)('%s', (folder) => {
    const files = jsonFilesUnder(path.join(corpusRoot, folder, 'expected-expanded'));
    expect(files.length).toBeGreaterThan(0);
    const mismatches: string[] = [];
    for (const file of files) {
      const bytes = readFileSync(file);
      const written = Buffer.from(toCanonicalJson(parseJson(bytes.toString('utf8'), file)), 'utf8');
      if (!written.equals(bytes)) mismatches.push(path.relative(corpusRoot, file));
      checked++;
    }
    expect(mismatches).toEqual([]);
  });

  it('checked more than 5000 files (an empty corpus cannot pass)', () => {
    expect(folders.length).toBeGreaterThan(100);
    expect(checked).toBeGreaterThan(5000);
  });
});
