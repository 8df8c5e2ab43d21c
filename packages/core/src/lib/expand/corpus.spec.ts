import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { listFiles } from '../fs';
import { diskSource } from './connector-source';
import { ExpandError } from './errors';
import { expandConnector } from './expand';
import { corpusFolders, corpusPath, expandingFolders, failingFolders } from '../../../test/corpus';
import { EXPAND_MARK, writeExpanded } from './writer';

// expected-expanded/ is what `sesam expand` (placeholder xxxxxx, profile test) wrote;
// expected-error.txt what it raised.
const corpusRoot = corpusPath();
const folders = corpusFolders();
const succeeding = expandingFolders();
const failing = failingFolders();

/** Every file under `dir`, as `/`-separated relative path → content. */
const readTree = (dir: string): Map<string, string> =>
  new Map(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));

const sorted = (files: ReadonlyMap<string, string>) =>
  new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));

describe('corpus conformance: expand is byte-identical to sesam expand', () => {
  it('covers the whole corpus', () => {
    expect([succeeding.length, failing.length]).toEqual([141, 3]);
  });

  it.each(succeeding)('%s', (folder) => {
    const result = expandConnector(diskSource(path.join(corpusRoot, folder)));
    expect(sorted(result.files)).toEqual(readTree(path.join(corpusRoot, folder, 'expected-expanded')));
  });
});

describe('corpus conformance: expand fails where sesam expand failed, naming the cause', () => {
  it.each(failing)('%s', (folder) => {
    const expected = Object.fromEntries(
      readFileSync(path.join(corpusRoot, folder, 'expected-error.txt'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
    );
    let error: unknown;
    try {
      expandConnector(diskSource(path.join(corpusRoot, folder)));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ExpandError);
    const { pythonType, pythonMessage, message } = error as ExpandError;
    expect([pythonType, pythonMessage]).toEqual([expected.exception, expected['message-first-line']]);
    // Our own message names the cause too: the missing path, or the JSON error and its position.
    const cause = expected.exception.endsWith('TemplateNotFound')
      ? expected['message-first-line'].split(' not found')[0]
      : expected['message-first-line'];
    expect(message).toContain(cause);
  });
});

describe('writeExpanded on real corpus folders', () => {
  let out: string;
  beforeEach(() => {
    out = mkdtempSync(path.join(tmpdir(), 'expand-corpus-'));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it.each(['business-central@playground', 'arrowxsp@main', 'wikidata@main', 'powerofficego@playground'])(
    '%s is written file for file',
    async (folder) => {
      const target = path.join(out, '.expanded');
      writeExpanded(target, expandConnector(diskSource(path.join(corpusRoot, folder))).files);
      const written = readTree(target);
      expect(written.delete(EXPAND_MARK)).toBe(true); // sesam-py's files, and the mark of an expand
      expect(written).toEqual(readTree(path.join(corpusRoot, folder, 'expected-expanded')));
    },
  );
});
