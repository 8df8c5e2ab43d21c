import { changedLines, templateChanges } from '../src/compare/change-records';
import { compareConnector, templateKind } from '../src/compare/compare-connector';
import { compareFiles } from '../src/compare/compare-files';
import { compareRevisions, hasChanges } from '../src/compare/compare-revisions';
import { DEFAULT_SYSTEM_PLACEHOLDER as CORE_PLACEHOLDER } from '@sesam-connectors/core';
import {
  DEFAULT_SYSTEM_PLACEHOLDER,
  expandedDatatype,
  expandedPlaceholder,
  roleOf,
  setNamesAside,
} from '../src/compare/names';
import { manifestDatatypeNames, readManifest, templateEntities } from '../src/compare/template-entities';
import type { ConnectorBuild, RevisionBuild } from '../src/compare/types';

// Hand-written build outputs, formatted as the canonical writer formats them.
const manifest = (...datatypes: string[]) =>
  `{\n  "datatypes": {${datatypes.map((d) => `\n    "${d}": {\n      "template": "templates/${d}.json"\n    }`).join(',')}\n  }\n}`;
const manifestOf = (templates: Record<string, string>) =>
  JSON.stringify({
    datatypes: Object.fromEntries(Object.entries(templates).map(([d, t]) => [d, { template: t }])),
  });
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
        {
          id: '{{@ system @}}',
          type: 'system:rest',
          canonical: '{\n  "_id": "{{@ system @}}",\n  "type": "system:rest"\n}',
        },
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
    const canonical = (id: string, extra = '') => pipeText(id, extra);
    expect(file.entities).toEqual([
      {
        id: COLLECT,
        change: 'changed',
        type: 'pipe',
        diff: '@@ -1,5 +1,5 @@\n {\n   "_id": "{{@ system @}}-{{@ datatype @}}-collect",\n-  "batch_size": 1,\n+  "batch_size": 10,\n   "type": "pipe"\n }',
        before: canonical(COLLECT, '\n  "batch_size": 1,'),
        after: canonical(COLLECT, '\n  "batch_size": 10,'),
      },
      {
        id: '{{@ system @}}-{{@ datatype @}}-share',
        change: 'added',
        type: 'pipe',
        after: canonical('{{@ system @}}-{{@ datatype @}}-share'),
      },
      { id: ALL, change: 'removed', type: 'pipe', before: canonical(ALL) },
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
        entities: [{ id: ALL, change: 'removed', type: 'pipe', before: pipeText(ALL) }],
        renamedTo: 'templates/purchase.json',
      },
      {
        path: 'templates/purchase.json',
        change: 'added',
        entities: [{ id: ALL, change: 'added', type: 'pipe', after: pipeText(ALL) }],
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
    const compared = compareConnector('shop', build('shop', files), failed, { expanded: false });
    expect(compared?.report).toEqual({
      system: 'shop',
      status: 'failed',
      errors: [
        { side: 'head', stage: 'build', message: 'connector.json: datatypes: must have at least 1 property' },
      ],
      datatypes: { added: [], removed: [], changed: [] },
      files: [],
      pipes: { added: 0, removed: 0, changed: 0 },
      systems: { added: 0, removed: 0, changed: 0 },
    });
    expect(compared?.changes).toEqual([]);
  });

  it('reports a connector failing at both sides even when the messages are equal', () => {
    const failed = { system: 'shop', buildError: 'boom' };
    expect(
      compareConnector('shop', failed, failed, { expanded: false })?.report.errors.map((e) => e.side),
    ).toEqual(['base', 'head']);
  });

  it('reports an added connector with all its datatypes and pipes', () => {
    const report = compareConnector('shop', undefined, build('shop', files), { expanded: false })?.report;
    expect(report?.status).toBe('added');
    expect(report?.datatypes).toEqual({ added: ['order'], removed: [], changed: [] });
    expect(report?.pipes).toEqual({ added: 1, removed: 0, changed: 0 });
    expect(report?.manifest).toBe('added');
  });

  it('compares only pipes/ and systems/ of the expanded config, and reports an expand failure instead', () => {
    const expanded = (url: string) => ({
      'pipes/xxxxxx-order-all.conf.json': pipeText('xxxxxx-order-all'),
      'systems/xxxxxx.conf.json': `{\n  "_id": "xxxxxx",\n  "url_pattern": "${url}"\n}`,
      'test-env.json': `{\n  "node-env": "${url}"\n}`,
    });
    const compared = compareConnector(
      'shop',
      build('shop', files, { expanded: expanded('a') }),
      build('shop', files, { expanded: expanded('b') }),
      { expanded: true },
    );
    expect(compared?.changes.map((c) => [c.record.path, c.record.name])).toEqual([
      ['systems/xxxxxx.conf.json', 'shop · system'],
    ]);
    expect(compared?.report.expanded).toEqual({
      pipes: { added: 0, removed: 0, changed: 0 },
      systems: { added: 0, removed: 0, changed: 1 },
    });

    const broken = compareConnector(
      'shop',
      build('shop', files, { expanded: expanded('a') }),
      build('shop', files, { expandError: 'TemplateNotFound' }),
      { expanded: true },
    );
    expect(broken?.report.errors).toEqual([{ side: 'head', stage: 'expand', message: 'TemplateNotFound' }]);
    expect(broken?.report.expanded).toBeUndefined();
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
    expect(report.totals).toEqual({
      connectors: 2,
      datatypes: { added: 0, removed: 0, changed: 2 },
      pipes: { added: 0, removed: 0, changed: 2 },
      systems: { added: 0, removed: 0, changed: 0 },
      manifests: { added: 0, removed: 0, changed: 0 },
    });
    expect(report.notes).toEqual(['base: old lockfile']);
    expect(hasChanges(report)).toBe(true);
  });

  it('has no changes between identical revisions', () => {
    const report = compareRevisions(revision({ a: build('a', files) }), revision({ a: build('a', files) }), {
      expanded: true,
    });
    expect(hasChanges(report)).toBe(false);
    expect(report.totals.expanded).toEqual({
      pipes: { added: 0, removed: 0, changed: 0 },
      systems: { added: 0, removed: 0, changed: 0 },
    });
  });
});

describe('names', () => {
  it('takes the role out of a pipe id in template, literal and expanded form', () => {
    const names = { systems: ['shopify'], datatype: 'order' };
    expect(roleOf('{{@ system @}}-{{@ datatype @}}-registerwebhook', names, 'pipe')).toBe('registerwebhook');
    expect(roleOf('shopify-order-collect', names, 'pipe')).toBe('collect');
    expect(
      roleOf('xxxxxx-order-collect', { systems: ['xxxxxx', 'shopify'], datatype: 'order' }, 'pipe'),
    ).toBe('collect');
    expect(roleOf('{{@ system @}}-other-share', names, 'pipe')).toBe('other-share');
    expect(roleOf('{{@ system @}}', names, 'system')).toBe('system');
    expect(roleOf('{{@ system @}}-ms', names, 'system')).toBe('system-ms');
  });

  it('finds the datatype of an expanded pipe, the longest name first, and the placeholder of the config', () => {
    expect(expandedDatatype('xxxxxx-sales-order-all', 'xxxxxx', ['sales', 'sales-order'])).toBe(
      'sales-order',
    );
    expect(expandedDatatype('xxxxxx-unknown-all', 'xxxxxx', ['order'])).toBeUndefined();
    expect(
      expandedPlaceholder([
        'pipes/shop-order-all.conf.json',
        'systems/shop-ms.conf.json',
        'systems/shop.conf.json',
      ]),
    ).toBe('shop');
    expect(expandedPlaceholder(['pipes/a.conf.json'])).toBe('xxxxxx');
    // The review does not load the engine for one constant; this keeps the two equal.
    expect(DEFAULT_SYSTEM_PLACEHOLDER).toBe(CORE_PLACEHOLDER);
  });

  it('sets names aside only where they stand as whole words', () => {
    expect(
      setNamesAside('"xxxxxx-order-all" "orders/create" "order_id" "order"', {
        systems: ['xxxxxx'],
        datatype: 'order',
      }),
    ).toBe('"{{@ system @}}-{{@ datatype @}}-all" "orders/create" "order_id" "{{@ datatype @}}"');
  });

  it('reduces a diff to its edits, a run of context lines or a hunk break to one mark', () => {
    expect(changedLines('@@ -1,4 +1,4 @@\n a\n-b\n+c\n d\n e\n@@ -9 +9 @@\n-x\n+y\n z')).toBe(
      '-b\n+c\n…\n-x\n+y',
    );
    expect(changedLines('@@ -1,3 +1,3 @@\n q\n-b\n+c')).toBe(changedLines('@@ -5,2 +5,2 @@\n-b\n+c\n r'));
  });
});

describe('templateChanges', () => {
  it('gives a template that several datatypes use one record per datatype, and the system template none', () => {
    const shared = manifestOf({ asset: 'templates/human.json', human: 'templates/human.json' });
    const files = compareFiles(
      {
        'templates/human.json': arrayOf(pipeText(ALL)),
        'templates/system.json': '{"_id": "{{@ system @}}", "type": "system:rest"}',
      },
      {
        'templates/human.json': arrayOf(pipeText(ALL, '\n  "x": 1,')),
        'templates/system.json': '{"_id": "{{@ system @}}", "type": "system:rest", "x": 1}',
      },
      templateKind,
    );
    const records = templateChanges(files, {
      connector: 'acme',
      base: readManifest(shared),
      head: readManifest(shared),
    }).map((c) => c.record);
    expect(records.map((r) => [r.name, r.kind, r.datatype])).toEqual([
      ['acme · asset · all', 'pipe', 'asset'],
      ['acme · human · all', 'pipe', 'human'],
      ['acme · system', 'system', undefined],
    ]);
  });
});

describe('groupChanges', () => {
  const revision = (connectors: Record<string, ConnectorBuild>): RevisionBuild => ({
    ref: 'x',
    commit: 'c',
    connectors,
    notes: [],
  });
  const connectorFiles = (pipe: string) => ({
    'manifest.json': manifest('order'),
    'templates/order.json': arrayOf(pipe),
  });
  const extra = (value: string) => `\n  "extra": "${value}",`;
  const names = (report: ReturnType<typeof compareRevisions>) =>
    report.groups.map((g) => ({
      names: g.changes.map((i) => report.changes[i].name),
      differsFrom: g.differsFrom,
      fromCommon: g.fromCommon,
    }));

  it('groups the same change, whatever else the pipes hold, and marks the odd one out', () => {
    const before: Record<string, ConnectorBuild> = {};
    const after: Record<string, ConnectorBuild> = {};
    for (const system of ['a', 'b', 'c']) {
      // Each pipe has its own first line (context differs), the edit is the same except in c.
      before[system] = build(system, connectorFiles(pipeText(ALL, `${extra(system)}\n  "mode": 1,`)));
      after[system] = build(
        system,
        connectorFiles(pipeText(ALL, `${extra(system)}\n  "mode": ${system === 'c' ? 3 : 2},`)),
      );
    }
    const report = compareRevisions(revision(before), revision(after), { expanded: false });
    expect(names(report)).toEqual([
      { names: ['a · order · all', 'b · order · all'], differsFrom: undefined, fromCommon: undefined },
      { names: ['c · order · all'], differsFrom: 0, fromCommon: undefined },
    ]);
    expect(report.groups[0].diff).toContain('-  "mode": 1,\n+  "mode": 2,');
  });

  it('makes no common form of a tie, and says how an added pipe differs from the common one', () => {
    const empty = (system: string) =>
      build(system, { 'manifest.json': manifest('order'), 'templates/order.json': '[]' });
    const report = compareRevisions(
      revision({ a: empty('a'), b: empty('b'), c: empty('c'), d: empty('d') }),
      revision({
        a: build('a', connectorFiles(pipeText(ALL))),
        b: build('b', connectorFiles(pipeText(ALL))),
        c: build('c', connectorFiles(pipeText(ALL, extra('other')))),
        d: build('d', connectorFiles(pipeText(COLLECT))),
      }),
      { expanded: false },
    );
    const [common, odd, collect] = report.groups;
    expect(common.changes.map((i) => report.changes[i].connector)).toEqual(['a', 'b']);
    expect(odd).toMatchObject({ change: 'added', role: 'all', differsFrom: 0 });
    expect(odd.fromCommon).toBe(
      '@@ -1,4 +1,5 @@\n {\n   "_id": "{{@ system @}}-{{@ datatype @}}-all",\n+  "extra": "other",\n   "type": "pipe"\n }',
    );
    expect(collect).toMatchObject({ role: 'collect', change: 'added' });
    expect(collect.differsFrom).toBeUndefined();

    const tie = compareRevisions(
      revision({
        a: build('a', connectorFiles(pipeText(ALL, '\n  "m": 1,'))),
        b: build('b', connectorFiles(pipeText(ALL, '\n  "m": 1,'))),
      }),
      revision({
        a: build('a', connectorFiles(pipeText(ALL, '\n  "m": 2,'))),
        b: build('b', connectorFiles(pipeText(ALL, '\n  "m": 3,'))),
      }),
      { expanded: false },
    );
    expect(tie.groups.map((g) => [g.changes.length, g.differsFrom])).toEqual([
      [1, undefined],
      [1, undefined],
    ]);
  });
});
