import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../../test/connector-fixtures';
import { replaceDirectory } from './replace-directory';

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('replaceDirectory', () => {
  it('creates the folder with exactly the given files (ordinary permissions, no staging left)', async () => {
    const parent = tempDir();
    const target = join(parent, 'out');
    replaceDirectory(target, files({ 'a.json': '{}', 'templates/b.json': '[]' }));
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readFileSync(join(target, 'templates', 'b.json'), 'utf8')).toBe('[]');
    expect(statSync(target).mode & 0o777).toBe(0o755);
  });

  it('leaves the previous folder untouched and removes the staging folder when writing fails', async () => {
    const parent = tempDir();
    const target = join(parent, 'out');
    replaceDirectory(target, files({ 'a.json': 'old' }));
    // a.json is written as a file, then needed as a folder: the second write fails mid-staging.
    expect(() => replaceDirectory(target, files({ 'a.json': 'new', 'a.json/b.json': 'new' }))).toThrow(
      /EEXIST|ENOTDIR/,
    );
    expect(readdirSync(target)).toEqual(['a.json']);
    expect(readFileSync(join(target, 'a.json'), 'utf8')).toBe('old');
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('carries kept entries over only when the new folder has none of its own', async () => {
    const target = join(tempDir(), 'out');
    mkdirSync(join(target, '.expanded'), { recursive: true });
    writeFileSync(join(target, '.expanded', 'old.json'), 'old');
    replaceDirectory(target, files({ 'a.json': '1' }), { keep: ['.expanded'] });
    expect(readFileSync(join(target, '.expanded', 'old.json'), 'utf8')).toBe('old');
    replaceDirectory(target, files({ 'a.json': '2', '.expanded/new.json': 'new' }), {
      keep: ['.expanded'],
    });
    expect(readdirSync(join(target, '.expanded'))).toEqual(['new.json']);
  });

  describe('an output that already holds exactly the files', () => {
    const wanted = files({ 'manifest.json': '{}', 'templates/a.json': '[1]', 'templates/b.json': '[2]' });
    const inodes = (target: string) =>
      ['manifest.json', 'templates/a.json', 'templates/b.json'].map((f) => statSync(join(target, f)).ino);

    it('is left alone: nothing is rewritten, kept entries aside', async () => {
      const target = join(tempDir(), 'out');
      expect(replaceDirectory(target, wanted, { keep: ['.expanded'] })).toBe('written');
      mkdirSync(join(target, '.expanded'));
      writeFileSync(join(target, '.expanded', 'x.json'), 'kept');
      const before = inodes(target);
      expect(replaceDirectory(target, wanted, { keep: ['.expanded'] })).toBe('unchanged');
      expect(inodes(target)).toEqual(before);
      expect(readFileSync(join(target, '.expanded', 'x.json'), 'utf8')).toBe('kept');
    });

    it.each([
      ['a file differs by one byte', (t: string) => writeFileSync(join(t, 'templates', 'a.json'), '[3]')],
      ['a stale file is there', (t: string) => writeFileSync(join(t, 'templates', 'old.json'), '[]')],
      ['a file is missing', (t: string) => rmSync(join(t, 'templates', 'b.json'))],
      ['an extra empty folder is there', (t: string) => mkdirSync(join(t, 'pipes'))],
      [
        'a file is a folder',
        (t: string) => {
          rmSync(join(t, 'manifest.json'));
          mkdirSync(join(t, 'manifest.json'));
        },
      ],
    ])('is replaced when %s', async (_, change) => {
      const target = join(tempDir(), 'out');
      replaceDirectory(target, wanted);
      change(target);
      expect(replaceDirectory(target, wanted)).toBe('written');
      const written = new Map<string, string>();
      for (const f of ['manifest.json', 'templates/a.json', 'templates/b.json'])
        written.set(f, readFileSync(join(target, f), 'utf8'));
      expect(written).toEqual(wanted);
      expect(readdirSync(target).sort()).toEqual(['manifest.json', 'templates']);
      expect(readdirSync(join(target, 'templates')).sort()).toEqual(['a.json', 'b.json']);
    });

    it('keeps the files that did not change (linked, not written again) when another one did', async () => {
      const target = join(tempDir(), 'out');
      replaceDirectory(target, wanted);
      const [manifest, a, b] = inodes(target);
      const next = new Map(wanted).set('templates/a.json', '[10]');
      expect(replaceDirectory(target, next)).toBe('written');
      const after = inodes(target);
      expect(after[0]).toBe(manifest);
      expect(after[2]).toBe(b);
      expect(after[1]).not.toBe(a);
      expect(readFileSync(join(target, 'templates', 'a.json'), 'utf8')).toBe('[10]');
      expect(readdirSync(join(target, '..'))).toEqual(['out']); // no staging or old folder left
    });

    it('is exact when most files changed (it stops comparing and writes the rest)', async () => {
      const target = join(tempDir(), 'out');
      const before = new Map(Array.from({ length: 10 }, (_, i) => [`templates/t${i}.json`, `[${i}]`]));
      replaceDirectory(target, before);
      const after = new Map([...before].map(([path, text], i) => [path, i < 8 ? `${text} ` : text]));
      expect(replaceDirectory(target, after)).toBe('written');
      const written = new Map(
        readdirSync(join(target, 'templates')).map((name) => [
          `templates/${name}`,
          readFileSync(join(target, 'templates', name), 'utf8'),
        ]),
      );
      expect(written).toEqual(after);
    });

    it('is replaced when a folder the new one must have is missing', async () => {
      const target = join(tempDir(), 'out');
      replaceDirectory(target, files({ 'a.json': '{}' }));
      expect(replaceDirectory(target, files({ 'a.json': '{}' }), { folders: ['pipes'] })).toBe('written');
      expect(readdirSync(target).sort()).toEqual(['a.json', 'pipes']);
      expect(replaceDirectory(target, files({ 'a.json': '{}' }), { folders: ['pipes'] })).toBe('unchanged');
    });
  });

  it('refuses paths that leave the folder', async () => {
    const parent = tempDir();
    expect(() => replaceDirectory(join(parent, 'out'), files({ '../evil.json': '{}' }))).toThrow(
      'refusing to write "../evil.json"',
    );
    expect(readdirSync(parent)).toEqual([]);
  });
});
