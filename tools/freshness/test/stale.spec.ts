import { orphanFolders, staleFiles } from '../src/stale';
import type { FolderSnapshot, OutputSnapshot } from '../src/snapshot';

const folder = (files: Record<string, string>): FolderSnapshot => ({
  files: new Map(Object.entries(files).map(([path, text]) => [path, Buffer.from(text)])),
  dirs: new Set(),
});

describe('staleFiles', () => {
  it('names each file that differs, is missing or is no longer built, ignoring .expanded, sorted by path', () => {
    const before: OutputSnapshot = new Map([
      [
        'shop',
        folder({
          'manifest.json': '{}',
          'templates/old.json': '[]',
          'templates/same.json': '[]',
          '.expanded/pipes/a.conf.json': '1',
        }),
      ],
      ['crm', null],
    ]);
    const after: OutputSnapshot = new Map([
      ['shop', folder({ 'manifest.json': '{ }', 'templates/new.json': '[]', 'templates/same.json': '[]' })],
      ['crm', folder({ 'manifest.json': '{}' })],
    ]);
    expect(staleFiles(before, after)).toEqual([
      { system: 'crm', path: 'packages/connectors/crm/connector/manifest.json', reason: 'missing' },
      { system: 'shop', path: 'packages/connectors/shop/connector/manifest.json', reason: 'differs' },
      { system: 'shop', path: 'packages/connectors/shop/connector/templates/new.json', reason: 'missing' },
      { system: 'shop', path: 'packages/connectors/shop/connector/templates/old.json', reason: 'not built' },
    ]);
  });

  it('finds nothing when the bytes are equal', () => {
    const snapshot: OutputSnapshot = new Map([['shop', folder({ 'manifest.json': '{}' })]]);
    expect(staleFiles(snapshot, new Map([['shop', folder({ 'manifest.json': '{}' })]]))).toEqual([]);
  });
});

describe('orphanFolders', () => {
  it('reports output folders that have no connector.json', () => {
    expect(orphanFolders(['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual([
      { system: 'b', path: 'packages/connectors/b/connector', reason: 'orphan' },
    ]);
  });
});
