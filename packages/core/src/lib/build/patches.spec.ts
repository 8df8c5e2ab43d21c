import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  minimalConnector,
  tempDir,
  verbatimConnector,
  verbatimFiles,
  WORKSPACE_ROOT,
  writeConnectorPackage,
} from '../../../test/connector-fixtures';
import { ConnectorConfigError } from '../config/problems';
import { listFiles } from '../fs/list-files';
import { parseJson, toPlainJs } from '../json';
import { GUARD_DIGEST_LENGTH, inlineGuard, toPatchValue, valueSha256 } from '../patch';
import { PatchApplyError } from '../render';
import { buildConnector } from './build-connector';

const COLLECT_RULES = '/transform/1/rules/default';

/** minimalConnector plus a collect datatype `customer` with these patches (and connector patches). */
function patchedConnector(customerPatches: object, connectorPatches?: object): Record<string, any> {
  const connector = minimalConnector();
  connector['datatypes']['customer'] = { pattern: 'collect', patches: customerPatches };
  if (connectorPatches !== undefined) connector['patches'] = connectorPatches;
  return connector;
}

const guardedRuleReplace = [
  { op: 'test', path: `${COLLECT_RULES}/0`, value: ['copy', '*'] },
  { op: 'replace', path: `${COLLECT_RULES}/0`, value: ['copy', ['list', 'id', 'name']] },
  { op: 'add', path: `${COLLECT_RULES}/-`, value: ['add', 'origin', '_S.id'] },
];

const read = (pkg: string, path: string): any =>
  toPlainJs(parseJson(readFileSync(join(pkg, 'connector', path), 'utf8')));

/** Every file of the package's output with its text. */
const output = (pkg: string): Map<string, string> =>
  new Map(
    listFiles(join(pkg, 'connector')).map((path) => [
      path,
      readFileSync(join(pkg, 'connector', path), 'utf8'),
    ]),
  );

/** A copy of the pack whose collect pattern renders a new DTL rule before `["copy", "*"]`. */
function packWithNewRule(): string {
  const pack = join(tempDir(), 'pack');
  cpSync(join(WORKSPACE_ROOT, 'packages', 'template-pack', 'patterns'), join(pack, 'patterns'), {
    recursive: true,
  });
  const collect = join(pack, 'patterns', 'collect', 'collect.json.ejs');
  const source = readFileSync(collect, 'utf8');
  const edited = source.replace(
    "options.copyAll ? [['copy', '*']]",
    "options.copyAll ? [['comment', 'a rule the pattern gained'], ['copy', '*']]",
  );
  expect(edited).not.toBe(source);
  writeFileSync(collect, edited);
  return pack;
}

/** What `run` throws (the build is synchronous). */
const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

describe('patches in the build', () => {
  it('applies a datatype patch to the pipe of its role, after rendering and before writing', async () => {
    const pkg = writeConnectorPackage(tempDir(), 'acme', patchedConnector({ collect: guardedRuleReplace }));
    await buildConnector(pkg);
    const [all, collect] = read(pkg, 'templates/customer.json');
    expect(collect._id).toBe('{{@ system @}}-{{@ datatype @}}-collect');
    expect(collect.transform[1].rules.default).toEqual([
      ['copy', ['list', 'id', 'name']],
      ['add', 'origin', '_S.id'],
    ]);
    const unpatched = writeConnectorPackage(tempDir(), 'acme', patchedConnector({}));
    await buildConnector(unpatched);
    expect(all).toEqual(read(unpatched, 'templates/customer.json')[0]); // other roles as rendered
  });

  it('adds a pipe for a role the pattern does not render, after the pattern pipes', async () => {
    const all2 = {
      _id: '{{@ system @}}-{{@ datatype @}}-all2',
      type: 'pipe',
      source: { type: 'dataset', dataset: '{{@ system @}}-{{@ datatype @}}-all' },
    };
    const pkg = writeConnectorPackage(
      tempDir(),
      'acme',
      patchedConnector({ all2: [{ op: 'add', path: '', value: all2 }] }),
    );
    await buildConnector(pkg);
    const pipes = read(pkg, 'templates/customer.json');
    expect(pipes.map((p: any) => p._id.split('-').pop())).toEqual(['all', 'collect', 'all2']);
    expect(pipes[2]).toEqual(all2);
  });

  it('applies patches.system and patches.manifest to the rendered system template and manifest', async () => {
    const pkg = writeConnectorPackage(
      tempDir(),
      'acme',
      patchedConnector(
        {},
        {
          system: [
            { op: 'add', path: '/rate_limiting_retries', value: 3 },
            { op: 'test', path: '/verify_ssl', value: true },
            { op: 'replace', path: '/verify_ssl', value: false },
          ],
          manifest: [
            { op: 'add', path: '/additional_parameters/region', value: { description: 'EU or US' } },
          ],
        },
      ),
    );
    await buildConnector(pkg);
    const system = read(pkg, 'templates/system.json');
    expect([system.rate_limiting_retries, system.verify_ssl]).toEqual([3, false]);
    expect(read(pkg, 'manifest.json').additional_parameters).toEqual({
      region: { description: 'EU or US' },
      service_url: {},
    });
    expect(readFileSync(join(pkg, 'connector', 'templates', 'system.json'), 'utf8')).toContain(
      '"rate_limiting_retries": 3,',
    );
  });

  it('fails after a pattern change moves what a guard tested, names everything, and writes nothing', async () => {
    const parent = tempDir();
    const pkg = writeConnectorPackage(parent, 'acme', patchedConnector({ collect: guardedRuleReplace }));
    await buildConnector(pkg);
    const before = output(pkg);

    const error = thrown(() => buildConnector(pkg, { packDir: packWithNewRule(), displayRoot: parent }));
    expect(error).toBeInstanceOf(PatchApplyError);
    expect((error as Error).message).toBe(
      [
        'acme/connector.json: datatypes.customer.patches.collect[0]: the patch no longer fits: the guard does not hold: the pattern now renders something else here',
        '  connector acme, datatype customer, role collect, file templates/customer.json',
        '  JSON pointer: "/transform/1/rules/default/0"',
        '  the patch expects: ["copy","*"]',
        '  the pattern now renders: ["comment","a rule the pattern gained"]',
        "  fix: the pattern (or its options) changed what it renders here since the patch was written: look at the built file. If the patch is still right, set this test's value to what the pattern now renders (and check the operations after it); if the pattern now does what the patch did, drop the patch",
      ].join('\n'),
    );
    expect(output(pkg)).toEqual(before);
    expect(readdirSync(pkg).sort()).toEqual(['connector', 'connector.json']);
  });

  it('fails after a pattern change under a digest guard (the form import writes), with the digest expected and what is rendered now', async () => {
    const parent = tempDir();
    const rendered = toPatchValue(parseJson('[["copy", "*"]]'));
    const guard = inlineGuard(rendered);
    expect(guard).toEqual({ was: rendered }); // short: the value itself
    const digest = valueSha256(rendered, GUARD_DIGEST_LENGTH);
    const replaceRules = [
      {
        op: 'replace',
        path: COLLECT_RULES,
        wasSha256: digest,
        value: [['copy', ['list', 'id', 'name']]],
        reason: 'the API rejects unknown properties',
      },
    ];
    const pkg = writeConnectorPackage(parent, 'acme', patchedConnector({ collect: replaceRules }));
    await buildConnector(pkg);
    expect(read(pkg, 'templates/customer.json')[1].transform[1].rules.default).toEqual([
      ['copy', ['list', 'id', 'name']],
    ]);
    const before = output(pkg);

    const error = thrown(() => buildConnector(pkg, { packDir: packWithNewRule(), displayRoot: parent }));
    expect(error).toBeInstanceOf(PatchApplyError);
    const now = toPatchValue(parseJson('[["comment", "a rule the pattern gained"], ["copy", "*"]]'));
    const nowDigest = valueSha256(now, GUARD_DIGEST_LENGTH);
    expect(nowDigest).not.toBe(digest);
    expect((error as Error).message.split('\n')).toEqual([
      'acme/connector.json: datatypes.customer.patches.collect[0]: the patch no longer fits: the guard does not hold: the pattern now renders something else here',
      '  connector acme, datatype customer, role collect, file templates/customer.json',
      '  JSON pointer: "/transform/1/rules/default"',
      `  the patch expects: a value whose SHA-256 starts ${digest}`,
      `  the pattern now renders: [["comment","a rule the pattern gained"],["copy","*"]] (SHA-256 ${nowDigest})`,
      `  fix: the pattern (or its options) changed what it renders here since the patch was written: look at the built file. If the patch is still right, set this operation's "wasSha256" to "${nowDigest}" (the digest of what the pattern now renders) (and check the operations after it); if the pattern now does what the patch did, drop the patch`,
    ]);
    expect(output(pkg)).toEqual(before);
  });

  it('fails on a path the pattern does not render, and writes nothing', async () => {
    const parent = tempDir();
    const pkg = writeConnectorPackage(
      parent,
      'acme',
      patchedConnector({ all: [{ op: 'add', path: '/sink/deletion_tracking', value: false }] }),
    );
    const error = thrown(() => buildConnector(pkg, { displayRoot: parent }));
    expect(error).toBeInstanceOf(PatchApplyError);
    expect((error as Error).message.split('\n').slice(0, 4)).toEqual([
      'acme/connector.json: datatypes.customer.patches.all[0]: the patch no longer fits: add at a path the pattern does not render',
      '  connector acme, datatype customer, role all, file templates/customer.json',
      '  JSON pointer: "/sink/deletion_tracking"',
      '  the pattern now renders: nothing',
    ]);
    expect(readdirSync(pkg)).toEqual(['connector.json']);
  });

  it('refuses an unguarded replace in the config check: file, JSON path and the fix, nothing written', async () => {
    const parent = tempDir();
    const pkg = writeConnectorPackage(
      parent,
      'acme',
      patchedConnector(
        { collect: [{ op: 'replace', path: '/source/dataset', value: 'other' }] },
        { manifest: [{ op: 'remove', path: '/auth' }] },
      ),
    );
    const error = thrown(() => buildConnector(pkg, { displayRoot: parent }));
    expect(error).toBeInstanceOf(ConnectorConfigError);
    expect((error as Error).message.split('\n')).toEqual([
      'acme/connector.json: patches.manifest[0]: remove of "/auth" has no guard, so a pattern change could make it apply somewhere else: give it "was": <what the pattern renders at "/auth"> (or "wasSha256": the first 12 hex digits of the SHA-256 of that value\'s minified JSON with sorted keys, which a failing build prints), or put {"op": "test", "path": "/auth", "value": <that value>} before it, after checking that value in the built file',
      'acme/connector.json: datatypes.customer.patches.collect[0]: replace of "/source/dataset" has no guard, so a pattern change could make it apply somewhere else: give it "was": <what the pattern renders at "/source/dataset"> (or "wasSha256": the first 12 hex digits of the SHA-256 of that value\'s minified JSON with sorted keys, which a failing build prints), or put {"op": "test", "path": "/source/dataset", "value": <that value>} before it, after checking that value in the built file',
    ]);
    expect(readdirSync(pkg)).toEqual(['connector.json']);
  });

  it('refuses patches with nothing rendered to patch, and malformed operations (schema)', async () => {
    const problems = async (connector: object, files: Record<string, string> = {}): Promise<string[]> => {
      const parent = tempDir();
      const pkg = writeConnectorPackage(parent, 'acme', connector, files);
      const error = thrown(() => buildConnector(pkg, { displayRoot: parent }));
      expect(error).toBeInstanceOf(ConnectorConfigError);
      return (error as Error).message.split('\n');
    };
    const add = [{ op: 'add', path: '/a', value: 1 }];
    const verbatim = verbatimConnector();
    verbatim['patches'] = { manifest: add, system: add };
    verbatim['datatypes']['order']['patches'] = { collect: add };
    expect(await problems(verbatim, verbatimFiles())).toEqual([
      'acme/connector.json: patches.system: has no effect: the system is copied verbatim from raw/templates/system.json; edit that file instead, or remove systemFile so the system is rendered',
      'acme/connector.json: patches.manifest: has no effect: the manifest is copied verbatim from raw/manifest.json; edit that file instead, or remove manifestFile so the manifest is rendered',
      'acme/connector.json: datatypes.order.patches: pattern raw renders nothing to patch: edit raw/templates/order.json instead, or remove patches',
    ]);
    const reusing = patchedConnector({});
    reusing['datatypes']['client'] = { pattern: 'collect', reuse: 'customer', patches: { all: add } };
    expect(await problems(reusing)).toEqual([
      `acme/connector.json: datatypes.client.patches: has no effect: the pipes come from "customer"'s template; set the patches on customer (they then apply to every datatype that reuses it)`,
    ]);
    const guards = await problems(
      patchedConnector({
        collect: [
          { op: 'test', path: '/source', value: {}, was: {} },
          { op: 'remove', path: '/pump', was: {}, wasSha256: '0123456789ab' },
          { op: 'remove', path: '/sink', wasSha256: 'ABC' },
          { op: 'add', path: '/a', value: 1, reason: 'two\nlines' },
        ],
      }),
    );
    expect(guards).toEqual([
      'acme/connector.json: datatypes.customer.patches.collect[0]: a test is a guard itself: it carries no was or wasSha256',
      'acme/connector.json: datatypes.customer.patches.collect[1]: one guard per operation: was or wasSha256, not both',
      'acme/connector.json: datatypes.customer.patches.collect[2].wasSha256: must match the pattern ^[0-9a-f]{8,64}$ (Guard of this operation, for a long value: the first hex digits (the import writes 12) of the SHA-256 of the minified JSON, keys sorted, of what the pattern renders at its path (from, for a move). A failing build prints the digest of what it renders now.)',
      'acme/connector.json: datatypes.customer.patches.collect[3].reason: must match the pattern ^[^\\n\\r]*$ (Why the patch is kept (one line): what the pattern cannot say here, or why the connector differs. Shown by the drift report and the README.)',
    ]);
    const malformed = await problems(
      patchedConnector({ collect: [{ op: 'replace', path: 'source' }], 'bad role': [] }, { other: [] }),
    );
    expect(malformed).toEqual([
      'acme/connector.json: datatypes.customer.patches["bad role"]: "bad role" is not a pipe role: the end of the pipe id {{@ system @}}-{{@ datatype @}}-<role>, letters, digits and _ in parts joined by single dashes (e.g. collect, event2, register-webhook)',
      'acme/connector.json: datatypes.customer.patches.collect[0].value: required field is missing (add, replace and test carry a value)',
      'acme/connector.json: datatypes.customer.patches.collect[0].path: must match the pattern ^(/.*)?$ (JSON pointer into the rendered JSON ("" = all of it), e.g. /source/dataset.)',
      'acme/connector.json: patches.other: unknown field; allowed: system, manifest',
    ]);
  });
});
