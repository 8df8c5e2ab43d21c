import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { thrownBy } from '../../../test/connector-fixtures';
import { ExpandError } from './errors';
import { assertSafeOutputDir, EXPAND_MARK, writeExpanded } from './writer';

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
    expect(tree(out)).toEqual([EXPAND_MARK, 'pipes/', 'pipes/p.conf.json', 'systems/', 'test-env.json']);
    expect(readFileSync(path.join(out, 'pipes/p.conf.json'), 'utf8')).toBe('{\n}');
  });

  it('replaces an existing output folder completely (stale files go)', async () => {
    const out = path.join(dir, '.expanded');
    mkdirSync(path.join(out, 'pipes'), { recursive: true });
    writeFileSync(path.join(out, 'pipes', 'stale.conf.json'), 'old');
    writeExpanded(out, new Map([['node-metadata.conf.json', 'new']]));
    expect(tree(out)).toEqual([EXPAND_MARK, 'node-metadata.conf.json', 'pipes/', 'systems/']);
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

  it.each([
    ['a folder of the user', { 'notes.txt': 'mine' }],
    ['a node config of the user', { 'pipes/p.conf.json': '{}', 'node-metadata.conf.json': '{}' }],
    [
      'a .expanded holding more than sesam-py writes',
      { '.expanded/pipes/p.conf.json': '{}', '.expanded/x.txt': 'mine' },
    ],
  ])('refuses to replace %s (not empty, not written by expand): nothing is written', (_, present) => {
    for (const [file, text] of Object.entries(present)) {
      mkdirSync(path.dirname(path.join(dir, 'out', file)), { recursive: true });
      writeFileSync(path.join(dir, 'out', file), text);
    }
    const out = path.join(dir, 'out', Object.keys(present)[0].startsWith('.expanded') ? '.expanded' : '');
    const before = tree(dir);
    expect(thrownBy(() => writeExpanded(out, new Map([['test-env.json', '{}']])))).toMatchObject({
      code: 'OutputError',
      message: expect.stringContaining('is not empty and was not written by expand'),
    });
    expect(tree(dir)).toEqual(before);
  });

  it("replaces a folder an earlier expand marked, and sesam-py's own .expanded", () => {
    const out = path.join(dir, 'out');
    writeExpanded(out, new Map([['a-env.json', '{}']]));
    writeExpanded(out, new Map([['b-env.json', '{}']]));
    expect(tree(out)).toEqual([EXPAND_MARK, 'b-env.json', 'pipes/', 'systems/']);
    const legacy = path.join(dir, '.expanded');
    mkdirSync(path.join(legacy, 'pipes'), { recursive: true });
    writeFileSync(path.join(legacy, 'pipes', 'p.conf.json'), '{}');
    writeFileSync(path.join(legacy, 'test-env.json'), '{}');
    writeExpanded(legacy, new Map([['test-env.json', '{}']]));
    expect(tree(legacy)).toEqual([EXPAND_MARK, 'pipes/', 'systems/', 'test-env.json']);
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

  it.each([
    ['templates', "holds the connector's templates/order.json"],
    ['templates/sub', "is inside the folder of the connector's templates/order.json"],
    ['.', 'would contain the connector folder'],
  ])('refuses -e %s, which holds or is part of the sources', (out, message) => {
    expect(() =>
      assertSafeOutputDir('/nowhere/conn', out, ['manifest.json', 'templates/order.json']),
    ).toThrow(message);
  });
});
