import { JsonNumber, parseJson, toCanonicalJson, toJsonText, type JsonWritable } from '../json';
import { applyPatch, createGuardedPatch, patchSize, unguardedOperations, type PatchOperation } from '.';
import { toPatchValue } from './tree';
import { createHash } from 'node:crypto';
import { GUARD_DIGEST_LENGTH, inlineGuard, valueSha256 } from './digest';

const WHERE = { connector: 'acme', datatype: 'order', role: 'collect', file: 'templates/order.json' };

/** A rendered pipe as the renderer has it (JsonObject maps, JsonNumbers). */
const pipe = (): ReturnType<typeof parseJson> =>
  parseJson(
    JSON.stringify({
      _id: '{{@ system @}}-{{@ datatype @}}-collect',
      pump: { schedule_interval: 60 },
      source: { type: 'dataset', dataset: 'a' },
      transform: [
        {
          type: 'dtl',
          rules: {
            default: [
              ['copy', '*'],
              ['add', 'x', 1],
            ],
          },
        },
      ],
    }),
  );
const ops = (json: unknown): PatchOperation[] => toPatchValue(parseJson(JSON.stringify(json))) as never;
const canonical = (value: unknown): string => toCanonicalJson(value as JsonWritable);

function applied(document: ReturnType<typeof parseJson> | undefined, operations: PatchOperation[]) {
  const result = applyPatch(document, operations, WHERE);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
function failed(document: ReturnType<typeof parseJson> | undefined, operations: PatchOperation[]) {
  const result = applyPatch(document, operations, WHERE);
  if (result.ok) throw new Error(`applied: ${canonical(result.value)}`);
  return result.error;
}

describe('applyPatch', () => {
  it('applies guarded operations through RFC 6902 and leaves its inputs alone', () => {
    const document = pipe();
    const before = canonical(document);
    const operations = ops([
      { op: 'test', path: '/source/dataset', value: 'a' },
      { op: 'replace', path: '/source/dataset', value: 'b' },
      { op: 'add', path: '/pump/cron_expression', value: '0 * * * *' },
      { op: 'test', path: '/pump/schedule_interval', value: 60 },
      { op: 'remove', path: '/pump/schedule_interval' },
      { op: 'add', path: '/transform/0/rules/default/-', value: ['add', 'y', 2.5] },
    ]);
    const value = applied(document, operations) as any;
    expect(value.source).toEqual({ type: 'dataset', dataset: 'b' });
    expect(value.pump).toEqual({ cron_expression: '0 * * * *' });
    expect(canonical(value.transform[0].rules.default[2])).toBe('[\n  "add",\n  "y",\n  2.5\n]');
    expect(canonical(document)).toBe(before);
    expect((operations[5] as any).value[2]).toBeInstanceOf(JsonNumber);
  });

  it('keeps numbers lossless through copy and move (no JSON.stringify round trip)', () => {
    const document = parseJson('{"a": {"n": 12345678901234567890, "f": 1.0}, "b": {}}');
    const value = applied(document, ops([{ op: 'copy', from: '/a', path: '/b/copy' }])) as any;
    expect(value.b.copy.n).toBeInstanceOf(JsonNumber);
    expect(toJsonText(value, { sortKeys: true, compact: true })).toBe(
      '{"a":{"f":1.0,"n":12345678901234567890},"b":{"copy":{"f":1.0,"n":12345678901234567890}}}',
    );
  });

  it('fails when a guard no longer holds, with connector, datatype, role, pointer, expected, actual and the fix', () => {
    // Written when the rules were [copy, add x]; the pattern now renders a rule before "add x".
    const operations = ops([
      { op: 'test', path: '/transform/0/rules/default/1', value: ['add', 'x', 1] },
      { op: 'replace', path: '/transform/0/rules/default/1', value: ['add', 'x', 2] },
    ]);
    const drifted = parseJson(
      '{"transform": [{"type": "dtl", "rules": {"default": [["copy", "*"], ["add", "new", true], ["add", "x", 1]]}}]}',
    );
    const error = applyPatch(drifted, operations, {
      ...WHERE,
      configFile: 'packages/connectors/acme/connector.json',
      configPath: ['datatypes', 'order', 'patches', 'collect'],
    });
    expect(error.ok).toBe(false);
    if (error.ok) return;
    expect(error.error).toMatchObject({
      kind: 'test-failed',
      index: 0,
      pointer: '/transform/0/rules/default/1',
    });
    expect(error.error.message).toBe(
      [
        'packages/connectors/acme/connector.json: datatypes.order.patches.collect[0]: the patch no longer fits: the guard does not hold: the pattern now renders something else here',
        '  connector acme, datatype order, role collect, file templates/order.json',
        '  JSON pointer: "/transform/0/rules/default/1"',
        '  the patch expects: ["add","x",1]',
        '  the pattern now renders: ["add","new",true]',
        "  fix: the pattern (or its options) changed what it renders here since the patch was written: look at the built file. If the patch is still right, set this test's value to what the pattern now renders (and check the operations after it); if the pattern now does what the patch did, drop the patch",
      ].join('\n'),
    );
  });

  it('fails on a path the pattern does not render', () => {
    const guarded = failed(pipe(), ops([{ op: 'test', path: '/sink/type', value: 'null' }]));
    expect(guarded).toMatchObject({ kind: 'missing-path', pointer: '/sink/type', expected: 'null' });
    expect(guarded.message).toContain('the pattern now renders: nothing');
    const add = failed(pipe(), ops([{ op: 'add', path: '/sink/type', value: 'null' }]));
    expect(add).toMatchObject({ kind: 'missing-path', pointer: '/sink/type', index: 0 });
    expect(add.message).toContain('add at a path the pattern does not render');
    const copy = failed(pipe(), ops([{ op: 'copy', from: '/nope', path: '/x' }]));
    expect(copy).toMatchObject({ kind: 'missing-path', pointer: '/nope' });
  });

  it('refuses replace, remove and move without a preceding test of the path or an ancestor', () => {
    const replace = failed(pipe(), ops([{ op: 'replace', path: '/source/dataset', value: 'b' }]));
    expect(replace).toMatchObject({ kind: 'unguarded', index: 0, pointer: '/source/dataset', actual: 'a' });
    expect(replace.message).toContain(
      'fix: give it "was": <what the pattern renders at "/source/dataset"> (or "wasSha256": ',
    );
    expect(replace.message).toContain(
      'or put {"op": "test", "path": "/source/dataset", "value": <that value>} before it',
    );
    expect(
      unguardedOperations(
        ops([
          { op: 'test', path: '/source', value: {} },
          { op: 'remove', path: '/source/dataset' },
          { op: 'test', path: '/sourc', value: 1 },
          { op: 'remove', path: '/source2' },
          { op: 'move', from: '/pump', path: '/x' },
          { op: 'replace', path: '/source/type', value: 1 },
        ]),
      ),
    ).toEqual([
      { index: 3, pointer: '/source2' },
      { index: 4, pointer: '/pump' },
    ]);
  });

  it('refuses an add that overwrites a rendered value or inserts at an array index, unless guarded', () => {
    expect(failed(pipe(), ops([{ op: 'add', path: '/source/dataset', value: 'b' }]))).toMatchObject({
      kind: 'unguarded',
      actual: 'a',
    });
    const insert = failed(pipe(), ops([{ op: 'add', path: '/transform/0/rules/default/1', value: [] }]));
    expect(insert.kind).toBe('unguarded');
    expect(insert.message).toContain('append with "/transform/0/rules/default/-"');
    const guarded = applied(
      pipe(),
      ops([
        { op: 'test', path: '/transform/0/rules/default/1', value: ['add', 'x', 1] },
        { op: 'add', path: '/transform/0/rules/default/1', value: ['comment', 'c'] },
      ]),
    ) as any;
    expect(guarded.transform[0].rules.default[1]).toEqual(['comment', 'c']);
  });

  it('creates a pipe for a role the pattern does not render only with an add at ""', () => {
    expect(applied(undefined, ops([{ op: 'add', path: '', value: { _id: 'x' } }]))).toEqual({ _id: 'x' });
    expect(failed(undefined, ops([{ op: 'add', path: '/_id', value: 'x' }]))).toMatchObject({
      kind: 'no-pipe',
    });
    expect(failed(pipe(), ops([{ op: 'add', path: '', value: {} }])).kind).toBe('unguarded');
  });

  it('reports what is not an operation', () => {
    expect(failed(pipe(), [{ op: 'frobnicate', path: '/a' } as never])).toMatchObject({ kind: 'invalid' });
    const whole = toPatchValue(pipe());
    const removeAll = failed(pipe(), [
      { op: 'test', path: '', value: whole },
      { op: 'remove', path: '' },
    ]);
    expect(removeAll).toMatchObject({ kind: 'invalid', index: 1 });
    expect(removeAll.message).toContain('choose pattern options that do not render this pipe');
  });
});

describe('inline guards (was, wasSha256) and reasons', () => {
  const LONG_RULE = ['add', 'some-long-property-name', ['concat', '_S.first', '_S.second']];
  const rules = (...r: unknown[]) => parseJson(JSON.stringify({ transform: { rules: { default: r } } }));
  const digestOf = (value: unknown) => valueSha256(toPatchValue(parseJson(JSON.stringify(value))), 12);

  it('guards an operation with the value it replaces, checked as the test it stands for', () => {
    const operations = ops([
      { op: 'replace', path: '/source/dataset', was: 'a', value: 'b', reason: 'the source reads a view' },
      { op: 'remove', path: '/pump/schedule_interval', was: 60 },
    ]);
    expect(unguardedOperations(operations)).toEqual([]);
    const value = applied(pipe(), operations) as any;
    expect(value.source).toEqual({ type: 'dataset', dataset: 'b' });
    expect(value.pump).toEqual({});
    const drifted = parseJson('{"source": {"dataset": "c"}}');
    const error = failed(drifted, operations.slice(0, 1));
    expect(error).toMatchObject({
      kind: 'test-failed',
      index: 0,
      pointer: '/source/dataset',
      expected: 'a',
      actual: 'c',
    });
    expect(error.message).toContain(`set this operation's "was" to what the pattern now renders`);
    expect(failed(parseJson('{"source": {}}'), operations.slice(0, 1))).toMatchObject({
      kind: 'missing-path',
      expected: 'a',
    });
  });

  it('guards a long value by its digest and, after a pattern change, names the digest expected, what is rendered now and its digest', () => {
    const operations = createGuardedPatch(
      rules(['copy', '*'], LONG_RULE),
      rules(['copy', '*'], ['add', 'x', 2]),
    );
    expect(operations).toEqual([
      {
        op: 'replace',
        path: '/transform/rules/default/1',
        wasSha256: digestOf(LONG_RULE),
        value: ops(['add', 'x', 2]),
      },
    ]);
    // The pattern now renders a rule before the one the patch replaced.
    const drifted = rules(['copy', '*'], ['add', 'new', true], LONG_RULE);
    const result = applyPatch(drifted, operations, {
      ...WHERE,
      configFile: 'packages/connectors/acme/connector.json',
      configPath: ['datatypes', 'order', 'patches', 'collect'],
    });
    if (result.ok) throw new Error('applied');
    const now = digestOf(['add', 'new', true]);
    expect(result.error).toMatchObject({
      kind: 'test-failed',
      expectedSha256: digestOf(LONG_RULE),
      actualSha256: now,
      actual: ops(['add', 'new', true]),
    });
    expect(result.error.message).toBe(
      [
        'packages/connectors/acme/connector.json: datatypes.order.patches.collect[0]: the patch no longer fits: the guard does not hold: the pattern now renders something else here',
        '  connector acme, datatype order, role collect, file templates/order.json',
        '  JSON pointer: "/transform/rules/default/1"',
        `  the patch expects: a value whose SHA-256 starts ${digestOf(LONG_RULE)}`,
        `  the pattern now renders: ["add","new",true] (SHA-256 ${now})`,
        `  fix: the pattern (or its options) changed what it renders here since the patch was written: look at the built file. If the patch is still right, set this operation's "wasSha256" to "${now}" (the digest of what the pattern now renders) (and check the operations after it); if the pattern now does what the patch did, drop the patch`,
      ].join('\n'),
    );
    // Following the fix makes it apply again (a shorter prefix of the digest is accepted too).
    const fixed = [{ ...operations[0]!, wasSha256: now.slice(0, 8) }] as PatchOperation[];
    expect((applied(drifted, fixed) as any).transform.rules.default[1]).toEqual(ops(['add', 'x', 2]));
  });

  it('digests the minified JSON with sorted keys and exact numbers, and keeps short values literal', () => {
    const value = toPatchValue(parseJson('{"b": 1.0, "a": [true, "x"]}'));
    const expected = createHash('sha256').update('{"a":[true,"x"],"b":1.0}').digest('hex');
    expect(valueSha256(value)).toBe(expected);
    expect(inlineGuard(value)).toEqual({ wasSha256: expected.slice(0, GUARD_DIGEST_LENGTH) });
    // {"was":"…18 a…"} is as long as {"wasSha256":"<12 digits>"} (28 bytes): the literal wins ties.
    expect(inlineGuard('a'.repeat(18))).toEqual({ was: 'a'.repeat(18) });
    expect(inlineGuard('a'.repeat(19))).toEqual({ wasSha256: valueSha256('a'.repeat(19), 12) });
    expect(inlineGuard(toPatchValue(false))).toEqual({ was: false });
  });

  it('lets one guarded operation cover later ones below its pointer, and no other', () => {
    const guarded = ops([
      { op: 'replace', path: '/source', was: { type: 'dataset', dataset: 'a' }, value: { a: 1, b: 2 } },
      { op: 'remove', path: '/source/a' },
      { op: 'remove', path: '/pump' },
    ]);
    expect(unguardedOperations(guarded)).toEqual([{ index: 2, pointer: '/pump' }]);
  });

  it('refuses a guard that cannot be checked', () => {
    const both = failed(pipe(), ops([{ op: 'remove', path: '/pump', was: {}, wasSha256: '0123456789ab' }]));
    expect(both).toMatchObject({ kind: 'invalid', index: 0 });
    expect(both.message).toContain('it has both "was" and "wasSha256"');
    expect(failed(pipe(), ops([{ op: 'remove', path: '/pump', wasSha256: 'XYZ' }])).kind).toBe('invalid');
  });

  it('ignores a reason, as RFC 6902 asks of members it does not define', () => {
    const value = applied(
      pipe(),
      ops([{ op: 'add', path: '/pump/mode', value: 'manual', reason: 'run by hand' }]),
    );
    expect((value as any).pump).toEqual({ schedule_interval: new JsonNumber('60'), mode: 'manual' });
  });
});

describe('createGuardedPatch', () => {
  const roundTrip = (from: unknown, to: unknown): PatchOperation[] => {
    const a = parseJson(JSON.stringify(from));
    const operations = createGuardedPatch(a, parseJson(JSON.stringify(to)));
    expect(unguardedOperations(operations)).toEqual([]);
    expect(canonical(applied(a, operations))).toBe(canonical(parseJson(JSON.stringify(to))));
    return operations;
  };

  it('is empty for equal values and turns from into to otherwise, guarded', () => {
    expect(roundTrip({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
    roundTrip({ a: 1, b: { c: [1, 2, 3] } }, { b: { c: [3, 1], d: null }, e: 'x' });
    roundTrip([1, 2, 3, 4, 5], [0, 1, 3, 9, 5, 6, 7]);
    roundTrip({ x: [[1], [2]] }, { x: [[2], [1], [3]] });
    roundTrip('a', { a: 1 });
  });

  it('adds one DTL rule as one guarded insert, not a replace of every rule after it', () => {
    const rules = (...r: unknown[]) => ({ transform: { rules: { default: r } } });
    const long = ['add', 'some-long-property-name', ['concat', '_S.first', '_S.second']];
    const operations = roundTrip(
      rules(['copy', '*'], long, ['remove', 'b']),
      rules(['copy', '*'], ['add', 'new', 1], long, ['remove', 'b']),
    );
    // The element it goes before is pinned by its digest (shorter than the rule itself).
    expect(toJsonText(operations as never, { compact: true })).toBe(
      `[{"op":"add","path":"/transform/rules/default/1","wasSha256":"${valueSha256(toPatchValue(parseJson(JSON.stringify(long))), 12)}","value":["add","new",1]}]`,
    );
    expect(roundTrip({ r: [1, 2] }, { r: [1, 2, 3] })).toEqual([
      { op: 'add', path: '/r/-', value: expect.anything() },
    ]);
  });

  it('replaces an array whole when that is smaller than index edits', () => {
    const operations = roundTrip({ a: [1, 2, 3] }, { a: [4, 5, 6] });
    expect(operations).toEqual([{ op: 'replace', path: '/a', was: ops([1, 2, 3]), value: ops([4, 5, 6]) }]);
  });

  it('makes a patch that fails once the pattern changes under it', () => {
    const from = parseJson('{"rules": [["copy", "*"], ["add", "x", 1]]}');
    const operations = createGuardedPatch(from, parseJson('{"rules": [["copy", "*"], ["add", "x", 2]]}'));
    const drifted = parseJson('{"rules": [["copy", "*"], ["add", "n", 0], ["add", "x", 1]]}');
    expect(applyPatch(drifted, operations, WHERE)).toMatchObject({
      ok: false,
      error: { kind: 'test-failed' },
    });
  });

  it('creates the whole value when the pattern renders nothing', () => {
    expect(createGuardedPatch(undefined, parseJson('{"a": 1}'))).toEqual([
      { op: 'add', path: '', value: { a: new JsonNumber('1') } },
    ]);
  });
});

describe('patchSize', () => {
  it('is the byte length of the minified JSON', () => {
    const operations = ops([{ op: 'add', path: '/a', value: 'é' }]);
    expect(patchSize(operations)).toBe('[{"op":"add","path":"/a","value":"\\u00e9"}]'.length);
    expect(patchSize([])).toBe(2);
  });
});
