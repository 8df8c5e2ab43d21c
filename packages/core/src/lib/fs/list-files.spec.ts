import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../../test/connector-fixtures';
import { listFiles } from './list-files';

describe('listFiles', () => {
  function folder(): string {
    const dir = tempDir();
    for (const path of [
      'b.json',
      'a.json',
      'templates/z.json',
      'templates/a.json',
      '.expanded/pipes/p.json',
    ]) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), '{}');
    }
    symlinkSync(join(dir, 'a.json'), join(dir, 'templates', 'link.json'));
    return dir;
  }

  it('lists every regular file below the folder, relative and sorted, without links', () => {
    expect(listFiles(folder())).toEqual([
      '.expanded/pipes/p.json',
      'a.json',
      'b.json',
      'templates/a.json',
      'templates/z.json',
    ]);
  });

  it('leaves out what skip says, by relative path, folders with everything below them', () => {
    expect(listFiles(folder(), (path) => path === '.expanded' || path === 'templates/z.json')).toEqual([
      'a.json',
      'b.json',
      'templates/a.json',
    ]);
  });

  it('throws for a folder that does not exist', () => {
    expect(() => listFiles(join(tempDir(), 'missing'))).toThrow(/ENOENT/);
  });
});
