import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../../test/connector-fixtures';
import {
  fingerprintOfFolder,
  folderValidationStore,
  validationKey,
  validatorFingerprint,
} from './validation-store';

describe('folderValidationStore', () => {
  it('gives back what was written for a slot, one file per slot, replaced on the next write', () => {
    const dir = join(tempDir(), 'validated');
    const store = folderValidationStore(dir);
    expect(store.read('packages/connectors/acme/connector')).toBeUndefined();
    store.write('packages/connectors/acme/connector', { key: 'k1', warnings: ['w1', 'w "2"'] });
    store.write('packages/connectors/beta/connector', { key: 'k2', warnings: [] });
    expect(store.read('packages/connectors/acme/connector')).toEqual({
      key: 'k1',
      warnings: ['w1', 'w "2"'],
    });
    expect(store.read('packages/connectors/beta/connector')).toEqual({ key: 'k2', warnings: [] });
    store.write('packages/connectors/acme/connector', { key: 'k3', warnings: [] });
    expect(store.read('packages/connectors/acme/connector')).toEqual({ key: 'k3', warnings: [] });
    expect(readdirSync(dir)).toHaveLength(2); // no temporary files left, no entry per version
  });

  it.each([
    ['not JSON', '{"key": '],
    ['not an object', '["k"]'],
    ['a key that is not a string', '{"key": 1, "warnings": []}'],
    ['warnings that are not strings', '{"key": "k", "warnings": [1]}'],
    ['no warnings', '{"key": "k"}'],
  ])('an entry that is %s is a miss', (_, text) => {
    const dir = join(tempDir(), 'validated');
    const store = folderValidationStore(dir);
    store.write('slot', { key: 'k', warnings: [] });
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), text);
    expect(store.read('slot')).toBeUndefined();
  });

  it('a store that cannot be written is skipped without an error', () => {
    const parent = tempDir();
    writeFileSync(join(parent, 'validated'), 'a file where the folder should be');
    const store = folderValidationStore(join(parent, 'validated'));
    expect(() => store.write('slot', { key: 'k', warnings: [] })).not.toThrow();
    expect(store.read('slot')).toBeUndefined();
    expect(readdirSync(parent)).toEqual(['validated']);
  });
});

describe('validationKey', () => {
  const files = new Map([
    ['manifest.json', '{}'],
    ['templates/order.json', '[]'],
  ]);
  const key = validationKey('fp', 'label', files);

  it('is a SHA-256 that stays the same for the same input', () => {
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(validationKey('fp', 'label', new Map(files))).toBe(key);
  });

  it.each([
    ['the validator', () => validationKey('fp2', 'label', files)],
    ['the label', () => validationKey('fp', 'other', files)],
    ['a file text', () => validationKey('fp', 'label', new Map([...files, ['templates/order.json', '[ ]']]))],
    [
      'a file name',
      () =>
        validationKey(
          'fp',
          'label',
          new Map([
            ['manifest.json', '{}'],
            ['templates/orders.json', '[]'],
          ]),
        ),
    ],
    ['the file order', () => validationKey('fp', 'label', new Map([...files].reverse()))],
    ['an added file', () => validationKey('fp', 'label', new Map([...files, ['templates/x.json', '{}']]))],
    ['where one part ends and the next begins', () => validationKey('fpl', 'abel', files)],
  ])('changes with %s', (_, other) => {
    expect(other()).not.toBe(key);
  });
});

describe('validator fingerprint', () => {
  it('changes when a source file changes or appears, and ignores specs', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'lib', 'rule.ts'), 'export const a = 1;');
    const first = fingerprintOfFolder(dir);
    writeFileSync(join(dir, 'lib', 'rule.spec.ts'), 'test');
    expect(fingerprintOfFolder(dir)).toBe(first);
    writeFileSync(join(dir, 'lib', 'rule.ts'), 'export const a = 2;');
    const second = fingerprintOfFolder(dir);
    expect(second).not.toBe(first);
    writeFileSync(join(dir, 'lib', 'other.ts'), '');
    expect(fingerprintOfFolder(dir)).not.toBe(second);
  });

  it('covers the extra files (package.json) too', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'index.ts'), '');
    const manifest = join(tempDir(), 'package.json');
    writeFileSync(manifest, '{"dependencies": {"ejs": "7.0.2"}}');
    const first = fingerprintOfFolder(dir, [manifest]);
    writeFileSync(manifest, '{"dependencies": {"ejs": "7.0.3"}}');
    expect(fingerprintOfFolder(dir, [manifest])).not.toBe(first);
  });

  it("this package's fingerprint is the Node.js version and the fingerprint of its src/ and package.json", () => {
    const src = join(__dirname, '..', '..');
    expect(readFileSync(join(src, '..', 'package.json'), 'utf8')).toContain(
      '"name": "@sesam-connectors/core"',
    );
    expect(validatorFingerprint()).toBe(
      `${process.version}:${fingerprintOfFolder(src, [join(src, '..', 'package.json')])}`,
    );
  });
});
