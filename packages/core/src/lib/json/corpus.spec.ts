import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { parseJson, toCanonicalJson } from './index';

// The read-only corpus of real connectors sits next to the repository (see the workspace README).
const corpusRoot = path.resolve(__dirname, '../../../../..', '../shared/corpus');

function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

const folders = readdirSync(corpusRoot)
  .filter((folder) => existsSync(path.join(corpusRoot, folder, 'expected-expanded')))
  .sort();

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
