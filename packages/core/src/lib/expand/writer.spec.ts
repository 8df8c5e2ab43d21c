import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { thrownBy } from '../../../test/connector-fixtures';
import { ExpandError } from './errors';
import { assertSafeOutputDir, writeExpanded } from './writer';

describe('writeExpanded', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'writer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const tree = (root: string): string[] =>
    readdirSync(root, { recursive: true, withFileTypes: true })
      .map(
        (entry) =>
          path.relative(root, path.join(entry.parentPath, entry.name)) + (entry.isDirectory() ? '/' : ''),
      )
      .sort();

  it('writes the files, always with pipes/ and systems/, creating parent folders', async () => {
    const out = path.join(dir, 'deep', 'out');
    writeExpanded(
      out,
      new Map([
        ['test-env.json', '{}'],
        ['pipes/p.conf.json', '{\n}'],
      ]),
    );
    expect(tree(out)).toEqual(['pipes/', 'pipes/p.conf.json', 'systems/', 'test-env.json']);
    expect(readFileSync(path.join(out, 'pipes/p.conf.json'), 'utf8')).toBe('{\n}');
  });

  it('replaces an existing output folder completely (stale files go)', async () => {
    const out = path.join(dir, '.expanded');
    mkdirSync(path.join(out, 'pipes'), { recursive: true });
    writeFileSync(path.join(out, 'pipes', 'stale.conf.json'), 'old');
    writeExpanded(out, new Map([['node-metadata.conf.json', 'new']]));
    expect(tree(out)).toEqual(['node-metadata.conf.json', 'pipes/', 'systems/']);
    expect(readdirSync(dir)).toEqual(['.expanded']);
  });

  it('leaves the previous output untouched, and no temporary folder, when writing fails', async () => {
    const out = path.join(dir, '.expanded');
    mkdirSync(out);
    writeFileSync(path.join(out, 'keep.json'), 'previous');
    // "a" is written as a file, so "a/b" cannot be created: the write fails half way.
    const error = thrownBy(() =>
      writeExpanded(
        out,
        new Map([
          ['a', '1'],
          ['a/b', '2'],
        ]),
      ),
    );
    expect(error).toBeInstanceOf(ExpandError);
    expect((error as ExpandError).code).toBe('OutputError');
    expect(readdirSync(dir)).toEqual(['.expanded']);
    expect(readFileSync(path.join(out, 'keep.json'), 'utf8')).toBe('previous');
  });

  it('refuses an output path that is a file', async () => {
    const out = path.join(dir, 'file');
    writeFileSync(out, 'x');
    expect(thrownBy(() => writeExpanded(out, new Map()))).toMatchObject({
      code: 'OutputError',
      pythonType: 'FileExistsError',
    });
    expect(readFileSync(out, 'utf8')).toBe('x');
  });
});

describe('assertSafeOutputDir', () => {
  it.each([
    ['/c/conn', '/c/conn/.expanded', true],
    ['/c/conn', '/c/elsewhere', true],
    ['/c/conn', '/c/conn', false],
    ['/c/conn', '/c', false],
  ])('connector %s, output %s: allowed %p', (connector, out, allowed) => {
    const check = () => assertSafeOutputDir(connector, out);
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(/would contain the connector folder/);
  });
});
