import { compareConnector } from '../src/compare/compare-connector';
import { compareFiles } from '../src/compare/compare-files';
import { compareRevisions, hasChanges } from '../src/compare/compare-revisions';
import { manifestDatatypeNames, templateEntities } from '../src/compare/template-entities';
import type { ConnectorBuild, RevisionBuild } from '../src/compare/types';

// Hand-written build outputs, formatted as the canonical writer formats them.
const manifest = (...datatypes: string[]) =>
  `{\n  "datatypes": {${datatypes.map((d) => `\n    "${d}": {\n      "template": "templates/${d}.json"\n    }`).join(',')}\n  }\n}`;
const pipeText = (id: string, extra = '') => `{\n  "_id": "${id}",${extra}\n  "type": "pipe"\n}`;
const arrayOf = (...items: string[]) => `[\n${items.map((i) => i.replace(/^/gm, '  ')).join(',\n')}\n]`;

const ALL = '{{@ system @}}-{{@ datatype @}}-all';
const COLLECT = '{{@ system @}}-{{@ datatype @}}-collect';

const build = (
  system: string,
  files: Record<string, string>,
  extra: Partial<ConnectorBuild> = {},
): ConnectorBuild => ({
  system,
  files,
  ...extra,
});

describe('templateEntities', () => {
  it('keys the objects of an array by _id, numbering those without one and repeats', () => {
    const result = templateEntities('[{"_id": "a"}, {"type": "pipe"}, {"_id": "a", "x": 1}]', 't.json');
    expect('entities' in result && result.entities.map((e) => e.id)).toEqual(['a', '#2', 'a (#3)']);
  });

  it('treats a single object as one entity and writes it canonically', () => {
    const result = templateEntities('{"type":"system:rest","_id":"{{@ system @}}"}', 'system.json');
    expect(result).toEqual({
      entities: [
        { id: '{{@ system @}}', canonical: '{\n  "_id": "{{@ system @}}",\n  "type": "system:rest"\n}' },
      ],
    });
  });

  it('returns an error value for text that is not JSON, with the position', () => {
    const result = templateEntities('[{"_id": "a"', 'templates/x.json');
    expect(result).toEqual({ error: expect.stringContaining('templates/x.json') });
    expect('error' in result && result.error).toMatch(/line 1 column \d+/);
  });

  it('reads the datatype names of a manifest in file order', () => {
    expect(manifestDatatypeNames(manifest('order', 'customer'))).toEqual(['order', 'customer']);
    expect(manifestDatatypeNames(undefined)).toEqual([]);
    expect(manifestDatatypeNames('not json')).toEqual([]);
  });
});

describe('compareFiles', () => {
  const kind = (path: string) =>
    (path.startsWith('templates/') ? 'entities' : 'whole') as 'entities' | 'whole';

  it('reports pipes added, removed and changed in a template file, with a diff only for changed ones', () => {
    const before = {
      'templates/order.json': arrayOf(pipeText(ALL), pipeText(COLLECT, '\n  "batch_size": 1,')),
    };
    const after = {
      'templates/order.json': arrayOf(
        pipeText(COLLECT, '\n  "batch_size": 10,'),
        pipeText('{{@ system @}}-{{@ datatype @}}-share'),
      ),
    };
    const [file] = compareFiles(before, after, kind);
    expect(file.change).toBe('changed');
    expect(file.entities).toEqual([
      {
        id: COLLECT,
        change: 'changed',
        diff: '@@ -1,5 +1,5 @@\n {\n   "_id": "{{@ system @}}-{{@ datatype @}}-collect",\n-  "batch_size": 1,\n+  "batch_size": 10,\n   "type": "pipe"\n }',
      },
      { id: '{{@ system @}}-{{@ datatype @}}-share', change: 'added' },
      { id: ALL, change: 'removed' },
    ]);
  });

  it('ignores files that are byte-identical and says when only formatting or pipe order changed', () => {
    const a = pipeText(ALL);
    const b = pipeText(COLLECT);
    const changes = compareFiles(
      {
        'templates/same.json': arrayOf(a, b),
        'templates/order.json': arrayOf(a, b),
        'templates/fmt.json': a,
      },
      {
        'templates/same.json': arrayOf(a, b),
        'templates/order.json': arrayOf(b, a),
        'templates/fmt.json': a.replace(/\n\s*/g, ''),
      },
      kind,
    );
    expect(changes.map((c) => [c.path, c.entities.length, c.note])).toEqual([
      ['templates/fmt.json', 0, 'formatting only'],
      ['templates/order.json', 0, 'order of pipes changed'],
    ]);
  });

  it('diffs other files as whole canonical documents, and files that are not JSON as text', () => {
    const [readme, manifestChange] = compareFiles(
      { 'README.md': 'one\ntwo', 'manifest.json': manifest('order') },
      { 'README.md': 'one\n2', 'manifest.json': manifest('order', 'customer') },
      kind,
    );
    expect(manifestChange.path).toBe('manifest.json');
    expect(manifestChange.diff).toContain('+    "customer": {');
    expect(readme.diff).toBe('@@ -1,2 +1,2 @@\n one\n-two\n+2');
  });

  it('falls back to a whole-file diff, with the reason, for a template file that does not parse', () => {
    const [file] = compareFiles({ 'templates/x.json': '[' }, { 'templates/x.json': '[]' }, kind);
    expect(file.entities).toEqual([]);
    expect(file.note).toMatch(/^not split into pipes: .*Expecting value/);
    expect(file.diff).toBe('@@ -1 +1 @@\n-[\n+[]');
  });

  it('pairs a removed file with an added file of the same content as a rename', () => {
    const content = arrayOf(pipeText(ALL));
    const changes = compareFiles(
      { 'templates/order.json': content },
      { 'templates/purchase.json': content },
      kind,
    );
    expect(changes).toEqual([
      {
        path: 'templates/order.json',
        change: 'removed',
        entities: [{ id: ALL, change: 'removed' }],
        renamedTo: 'templates/purchase.json',
      },
      {
        path: 'templates/purchase.json',
        change: 'added',
        entities: [{ id: ALL, change: 'added' }],
        renamedFrom: 'templates/order.json',
      },
    ]);
  });
});

describe('compareConnector', () => {
  const files = { 'manifest.json': manifest('order'), 'templates/order.json': arrayOf(pipeText(ALL)) };

  it('returns nothing for identical outputs', () => {
    expect(
      compareConnector('shop', build('shop', files), build('shop', { ...files }), { expanded: false }),
    ).toBeUndefined();
  });

  it('reports the error of a failed side and compares nothing', () => {
    const failed = { system: 'shop', buildError: 'connector.json: datatypes: must have at least 1 property' };
    const report = compareConnector('shop', build('shop', files), failed, { expanded: false });
    expect(report).toEqual({
      system: 'shop',
      status: 'failed',
      errors: [
        { side: 'head', stage: 'build', message: 'connector.json: datatypes: must have at least 1 property' },
      ],
      datatypes: { added: [], removed: [] },
      files: [],
      pipes: { added: 0, removed: 0, changed: 0 },
    });
  });

  it('reports a connector failing at both sides even when the messages are equal', () => {
    const failed = { system: 'shop', buildError: 'boom' };
    expect(compareConnector('shop', failed, failed, { expanded: false })?.errors.map((e) => e.side)).toEqual([
      'base',
      'head',
    ]);
  });

  it('reports an added connector with all its datatypes and pipes', () => {
    const report = compareConnector('shop', undefined, build('shop', files), { expanded: false });
    expect(report?.status).toBe('added');
    expect(report?.datatypes).toEqual({ added: ['order'], removed: [] });
    expect(report?.pipes).toEqual({ added: 1, removed: 0, changed: 0 });
  });

  it('compares only pipes/ and systems/ of the expanded config, and reports an expand failure instead', () => {
    const expanded = (url: string) => ({
      'pipes/xxxxxx-order-all.conf.json': pipeText('xxxxxx-order-all'),
      'systems/xxxxxx.conf.json': `{\n  "_id": "xxxxxx",\n  "url_pattern": "${url}"\n}`,
      'test-env.json': `{\n  "node-env": "${url}"\n}`,
    });
    const report = compareConnector(
      'shop',
      build('shop', files, { expanded: expanded('a') }),
      build('shop', files, { expanded: expanded('b') }),
      { expanded: true },
    );
    expect(report?.expanded?.files.map((f) => f.path)).toEqual(['systems/xxxxxx.conf.json']);
    expect(report?.expanded?.counts).toEqual({ added: 0, removed: 0, changed: 1 });

    const broken = compareConnector(
      'shop',
      build('shop', files, { expanded: expanded('a') }),
      build('shop', files, { expandError: 'TemplateNotFound' }),
      {
        expanded: true,
      },
    );
    expect(broken?.errors).toEqual([{ side: 'head', stage: 'expand', message: 'TemplateNotFound' }]);
    expect(broken?.expanded).toBeUndefined();
  });
});

describe('compareRevisions', () => {
  const revision = (connectors: Record<string, ConnectorBuild>, notes: string[] = []): RevisionBuild => ({
    ref: 'x',
    commit: 'c',
    connectors,
    notes,
  });
  const files = { 'manifest.json': manifest('order'), 'templates/order.json': arrayOf(pipeText(ALL)) };

  it('lists changed connectors sorted, unchanged ones by name, totals and notes of both sides', () => {
    const changed = { ...files, 'templates/order.json': arrayOf(pipeText(ALL, '\n  "x": 1,')) };
    const report = compareRevisions(
      revision({ b: build('b', files), a: build('a', files), c: build('c', files) }, ['old lockfile']),
      revision({ c: build('c', changed), a: build('a', files), b: build('b', changed) }),
      { expanded: false },
    );
    expect(report.connectors.map((c) => c.system)).toEqual(['b', 'c']);
    expect(report.unchanged).toEqual(['a']);
    expect(report.totals).toEqual({ connectors: 2, pipes: { added: 0, removed: 0, changed: 2 } });
    expect(report.notes).toEqual(['base: old lockfile']);
    expect(hasChanges(report)).toBe(true);
  });

  it('has no changes between identical revisions', () => {
    const report = compareRevisions(revision({ a: build('a', files) }), revision({ a: build('a', files) }), {
      expanded: true,
    });
    expect(hasChanges(report)).toBe(false);
    expect(report.totals.expanded).toEqual({ added: 0, removed: 0, changed: 0 });
  });
});
