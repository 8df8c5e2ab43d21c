import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../../test/connector-fixtures';
import { replaceDirectory } from './replace-directory';

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('replaceDirectory', () => {
  it('creates the folder with exactly the given files (ordinary permissions, no staging left)', async () => {
    const parent = tempDir();
    const target = join(parent, 'out');
    await replaceDirectory(target, files({ 'a.json': '{}', 'templates/b.json': '[]' }));
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readFileSync(join(target, 'templates', 'b.json'), 'utf8')).toBe('[]');
    expect(statSync(target).mode & 0o777).toBe(0o755);
  });

  it('leaves the previous folder untouched and removes the staging folder when writing fails', async () => {
    const parent = tempDir();
    const target = join(parent, 'out');
    await replaceDirectory(target, files({ 'a.json': 'old' }));
    // a.json is written as a file, then needed as a folder: the second write fails mid-staging.
    const failing = replaceDirectory(target, files({ 'a.json': 'new', 'a.json/b.json': 'new' }));
    await expect(failing).rejects.toThrow(/EEXIST|ENOTDIR/);
    expect(readdirSync(target)).toEqual(['a.json']);
    expect(readFileSync(join(target, 'a.json'), 'utf8')).toBe('old');
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('carries kept entries over only when the new folder has none of its own', async () => {
    const target = join(tempDir(), 'out');
    mkdirSync(join(target, '.expanded'), { recursive: true });
    writeFileSync(join(target, '.expanded', 'old.json'), 'old');
    await replaceDirectory(target, files({ 'a.json': '1' }), { keep: ['.expanded'] });
    expect(readFileSync(join(target, '.expanded', 'old.json'), 'utf8')).toBe('old');
    await replaceDirectory(target, files({ 'a.json': '2', '.expanded/new.json': 'new' }), {
      keep: ['.expanded'],
    });
    expect(readdirSync(join(target, '.expanded'))).toEqual(['new.json']);
  });

  it('refuses paths that leave the folder', async () => {
    const parent = tempDir();
    await expect(replaceDirectory(join(parent, 'out'), files({ '../evil.json': '{}' }))).rejects.toThrow(
      'refusing to write "../evil.json"',
    );
    expect(readdirSync(parent)).toEqual([]);
  });
});
