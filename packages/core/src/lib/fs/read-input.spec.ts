import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../../test/connector-fixtures';
import { decodeUtf8Strict, InputFileError, invalidUtf8Offset, readInputText } from './read-input';

describe('strict UTF-8', () => {
  it.each([
    ['plain ASCII', [0x61, 0x62], undefined],
    ['æøå and an emoji', [...Buffer.from('æøå 😀')], undefined],
    ['a BOM (kept, as Python reads it)', [0xef, 0xbb, 0xbf, 0x7b], undefined],
    ['\\xff\\xfe (UTF-16 BOM)', [0xff, 0xfe, 0x7b], 0],
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['a truncated sequence at the end', [0x61, 0x62, 0xe2, 0x82], 2],
    ['an overlong "/"', [0xc0, 0xaf], 0],
    ['a surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ])('%s: first invalid byte %p', (_, bytes, offset) => {
    expect(invalidUtf8Offset(Uint8Array.from(bytes))).toBe(offset);
    const decode = () => decodeUtf8Strict(Uint8Array.from(bytes), 'x.json');
    if (offset === undefined) expect(decode()).toBe(Buffer.from(bytes).toString('utf8'));
    else
      expect(decode).toThrow(
        `x.json: not valid UTF-8 (byte 0x${bytes[offset]!.toString(16)} at offset ${offset})`,
      );
  });
});

describe('readInputText', () => {
  const problem = (read: () => unknown): [string, string] => {
    try {
      read();
    } catch (error) {
      if (error instanceof InputFileError) return [error.problem, error.message];
      throw error;
    }
    throw new Error('expected the read to fail');
  };

  it('refuses a folder, a missing file and invalid UTF-8, naming the file', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'manifest.json'));
    writeFileSync(join(dir, 'bad.json'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(problem(() => readInputText(join(dir, 'manifest.json'), { shown: 'src/manifest.json' }))).toEqual([
      'folder',
      'src/manifest.json: is a folder, not a file',
    ]);
    expect(problem(() => readInputText(join(dir, 'none.json'), { shown: 'none.json' }))).toEqual([
      'missing',
      'none.json: does not exist',
    ]);
    expect(problem(() => readInputText(join(dir, 'bad.json'), { shown: 'bad.json' }))[1]).toBe(
      'bad.json: not valid UTF-8 (byte 0xff at offset 1); save the file as UTF-8',
    );
  });

  it('refuses a link that resolves outside the folder, without quoting the file; a link inside is read', () => {
    const root = tempDir();
    const pkg = join(root, 'pkg');
    mkdirSync(join(pkg, 'raw'), { recursive: true });
    writeFileSync(join(root, 'secret.txt'), 'root:x:0:0:root:/root:/bin/bash');
    writeFileSync(join(pkg, 'raw', 'real.json'), '{}');
    symlinkSync(join(root, 'secret.txt'), join(pkg, 'raw', 'outside.json'));
    symlinkSync('real.json', join(pkg, 'raw', 'inside.json'));
    const [kind, message] = problem(() => readInputText(join(pkg, 'raw', 'outside.json'), { within: pkg }));
    expect(kind).toBe('outside');
    expect(message).toContain('is a symbolic link to a file outside');
    expect(message).not.toContain('root:x');
    expect(readInputText(join(pkg, 'raw', 'inside.json'), { within: pkg })).toBe('{}');
  });
});
