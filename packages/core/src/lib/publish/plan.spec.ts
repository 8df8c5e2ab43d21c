import { commitMessage } from './message';
import { changedPipes } from './pipes';
import { isPublishable, planPublish, type DestinationState } from './plan';

const pipe = (id: string, extra: object = {}) => ({ _id: id, type: 'pipe', ...extra });
const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const BUILD = new Map([
  ['manifest.json', text({ datatypes: { order: {} } })],
  ['templates/order.json', text([pipe('{{@ system @}}-{{@ datatype @}}-collect')])],
  ['templates/system.json', text({ _id: '{{@ system @}}', type: 'system:rest' })],
]);

/** A destination whose tip holds `files` (blob ids made up from the text) and more files. */
const destination = (
  files: ReadonlyMap<string, string>,
  others: string[] = [],
  lastPublish?: { commit: string; system: string; files: ReadonlyMap<string, string> },
): DestinationState => ({
  tip: new Map([
    ...[...files].map(([path, t]) => [path, `blob:${t}`] as const),
    ...others.map((p) => [p, 'x'] as const),
  ]),
  tipFiles: files,
  ...(lastPublish ? { lastPublish } : {}),
});
const blobs = (files: ReadonlyMap<string, string>) => new Map([...files].map(([p, t]) => [p, `blob:${t}`]));

describe('planPublish', () => {
  it('writes every file into an empty repository, refusing nothing', () => {
    const plan = planPublish({ system: 'acme', files: BUILD, state: destination(new Map()), init: false });
    expect(plan.refusal).toBeUndefined();
    expect([...plan.writes.keys()]).toEqual([...BUILD.keys()]);
    expect(plan.deletes).toEqual([]);
    expect(plan.pipes).toEqual({ added: ['acme', 'acme-order-collect'], changed: [], removed: [] });
  });

  it('refuses a repository that is neither empty nor published from here unless --init', () => {
    const state = destination(new Map(), ['README.md', 'src/app.js']);
    expect(planPublish({ system: 'acme', files: BUILD, state, init: false }).refusal).toEqual({
      kind: 'not-a-connector-repository',
      paths: ['README.md', 'src/app.js'],
    });
    expect(planPublish({ system: 'acme', files: BUILD, state, init: true }).refusal).toBeUndefined();
  });

  it('with --init refuses templates it would not own (it never leaves or deletes files it did not write)', () => {
    const state = destination(new Map([['templates/legacy.json', '[]']]), ['README.md']);
    expect(planPublish({ system: 'acme', files: BUILD, state, init: true }).refusal).toEqual({
      kind: 'foreign-files',
      paths: ['templates/legacy.json'],
    });
  });

  it('deletes only files the last publish wrote, and names the removed pipes', () => {
    const published = new Map([
      ...BUILD,
      ['templates/invoice.json', text([pipe('{{@ system @}}-invoice-share')])],
    ]);
    const state = destination(published, ['README.md'], {
      commit: 'c1',
      system: 'acme',
      files: blobs(published),
    });
    const plan = planPublish({ system: 'acme', files: BUILD, state, init: false });
    expect(plan.refusal).toBeUndefined();
    expect(plan.writes.size).toBe(0);
    expect(plan.deletes).toEqual(['templates/invoice.json']);
    expect(plan.pipes).toEqual({ added: [], changed: [], removed: ['acme-invoice-share'] });
  });

  it('refuses changes to owned files that publish did not make, unless the build now renders them', () => {
    const published = new Map(BUILD);
    const edited = new Map([
      ...BUILD,
      ['templates/order.json', text([pipe('{{@ system @}}-{{@ datatype @}}-collect', { x: 1 })])],
    ]);
    const state = destination(edited, [], { commit: 'c1', system: 'acme', files: blobs(published) });
    expect(planPublish({ system: 'acme', files: BUILD, state, init: false }).refusal).toEqual({
      kind: 'hand-edits',
      paths: ['templates/order.json'],
      commit: 'c1',
    });
    // The fix brought into connector.json: the build renders what the repository holds,
    expect(planPublish({ system: 'acme', files: edited, state, init: false }).refusal).toBeUndefined();
    // or contains it (publish.ts decides that with a three-way merge).
    const incorporated = new Set(['templates/order.json']);
    expect(
      planPublish({ system: 'acme', files: BUILD, state, init: false, incorporated }).refusal,
    ).toBeUndefined();
    // A file added by hand under templates/ counts too.
    const added = destination(new Map([...BUILD, ['templates/extra.json', '[]']]), [], {
      commit: 'c1',
      system: 'acme',
      files: blobs(published),
    });
    expect(planPublish({ system: 'acme', files: BUILD, state: added, init: false }).refusal).toMatchObject({
      kind: 'hand-edits',
      paths: ['templates/extra.json'],
    });
  });

  it('refuses a repository published from another connector unless --init', () => {
    const state = destination(BUILD, [], { commit: 'c9', system: 'other', files: blobs(BUILD) });
    expect(planPublish({ system: 'acme', files: BUILD, state, init: false }).refusal).toEqual({
      kind: 'other-connector',
      system: 'other',
      commit: 'c9',
    });
  });

  it('refuses to publish env files, dot files or anything outside manifest.json and templates/', () => {
    const files = new Map([
      ...BUILD,
      ['test-env.json', '{}'],
      ['templates/.syncconfig', ''],
      ['templates/prod-env.json', '{}'],
    ]);
    expect(
      planPublish({ system: 'acme', files, state: destination(new Map()), init: false }).refusal,
    ).toEqual({
      kind: 'unsafe-files',
      paths: ['templates/.syncconfig', 'templates/prod-env.json', 'test-env.json'],
    });
    expect(['manifest.json', 'templates/order.json', 'templates/a/b.json'].every(isPublishable)).toBe(true);
    expect(['README.md', '.syncconfig', 'templates/x.txt', 'templates/../x.json'].some(isPublishable)).toBe(
      false,
    );
  });

  it('lists for --check what differs, is missing or is extra', () => {
    const state = destination(
      new Map([
        ['manifest.json', BUILD.get('manifest.json')!],
        ['templates/order.json', '[]'],
        ['templates/old.json', '[]'],
      ]),
    );
    expect(planPublish({ system: 'acme', files: BUILD, state, init: false }).differences).toEqual([
      { path: 'templates/order.json', change: 'differs' },
      { path: 'templates/system.json', change: 'missing' },
      { path: 'templates/old.json', change: 'extra' },
    ]);
  });
});

describe('changedPipes', () => {
  it('compares pipes by _id in canonical form (key order and layout do not count)', () => {
    const before = '[{"type": "pipe", "_id": "a", "n": 1}, {"_id": "b", "n": 1}]';
    const after = '[\n {"_id": "a", "type": "pipe", "n": 1},\n {"_id": "b", "n": 2}, {"_id": "c"}]';
    expect(changedPipes([{ path: 'templates/x.json', before, after }], 'acme')).toEqual({
      added: ['c'],
      changed: ['b'],
      removed: [],
    });
  });
});

describe('commitMessage', () => {
  it('names the connector, the workspace commit and the pipes, and carries the trailers', () => {
    const plan = planPublish({ system: 'acme', files: BUILD, state: destination(new Map()), init: false });
    const message = commitMessage('acme', plan, { commit: '0123456789abcdef0123', uncommitted: false });
    expect(message.split('\n')[0]).toBe('Publish acme from sesam-connectors 0123456789ab');
    expect(message).toContain('Built from workspace commit 0123456789abcdef0123.');
    expect(message).toContain('Pipes added (2):\n  acme\n  acme-order-collect');
    expect(message).toContain('manifest.json changed.');
    expect(message.trimEnd().split('\n').slice(-2)).toEqual([
      'Sesam-Connectors-System: acme',
      'Sesam-Connectors-Commit: 0123456789abcdef0123',
    ]);
  });
});
