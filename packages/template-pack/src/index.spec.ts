import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  PATTERNS_DIR,
  datatypePatterns,
  findDatatypePattern,
  registrationId,
  templateFiles,
  webhookRegistrations,
  withDefaults,
} from './index';

const ejsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? ejsFiles(join(dir, entry.name))
      : entry.name.endsWith('.ejs')
        ? [join(dir, entry.name)]
        : [],
  );

const pattern = (name: string) => findDatatypePattern(name)!;

describe('the pack index', () => {
  it('names exactly the template files in patterns/ (none missing, none unused)', () => {
    const onDisk = ejsFiles(PATTERNS_DIR)
      .map((file) => relative(PATTERNS_DIR, file))
      .sort();
    expect(templateFiles()).toEqual(onDisk);
    expect(onDisk).toContain('webhook/registerwebhook.json.ejs');
  });

  it('has the four datatype patterns of the contract', () => {
    expect(datatypePatterns.map((p) => p.name)).toEqual([
      'collect',
      'webhook',
      'webhook-registry',
      'share',
      'raw',
    ]);
    expect(pattern('raw').pipes).toEqual([]);
  });

  it('gives the operation roles each pattern needs', () => {
    expect(pattern('collect').operationRoles(withDefaults(pattern('collect')))).toEqual(['list', 'lookup']);
    expect(pattern('webhook').operationRoles(withDefaults(pattern('webhook'), { share: true }))).toEqual([
      'list',
      'lookup',
      'insert',
      'update',
      'delete',
    ]);
    expect(pattern('webhook-registry').operationRoles({})).toEqual(['list', 'lookup', 'insert', 'delete']);
    expect(pattern('raw').operationRoles({})).toEqual([]);
  });

  it('refuses collectSource "parent" without the parent it reads', () => {
    const collect = pattern('collect');
    expect(collect.check?.(withDefaults(collect, { collectSource: 'parent' }))).toEqual([
      {
        path: ['collectSource'],
        message:
          '"parent" reads the dataset {{@ system @}}-<parent>-collect: set the option parent to the datatype it reads (or choose another collectSource)',
      },
    ]);
    expect(collect.check?.(withDefaults(collect, { collectSource: 'parent', parent: 'order' }))).toEqual([]);
  });

  it('needs only the share operations a list of shareOperations names', () => {
    const collect = pattern('collect');
    const shareOnly = (shareOperations: unknown, collectTemplate = 'share-dataset') =>
      collect.operationRoles(withDefaults(collect, { share: true, shareOperations, collectTemplate }));
    expect(shareOnly(['insert', 'update', 'lookup'])).toEqual(['list', 'lookup', 'insert', 'update']);
    expect(shareOnly(['delete'])).toEqual(['list', 'delete']);
    expect(shareOnly(['delete'], 'verified-deletes')).toEqual(['list', 'lookup', 'delete']);
    expect(shareOnly(false)).toEqual(['list']);
    const share = pattern('share');
    expect(share.operationRoles(withDefaults(share, { shareOperations: ['update', 'lookup'] }))).toEqual([
      'lookup',
      'update',
    ]);
  });
});

describe('pack templates', () => {
  const sources = ejsFiles(PATTERNS_DIR).map(
    (file) => [relative(PATTERNS_DIR, file), readFileSync(file, 'utf8')] as const,
  );

  it.each(sources)('%s inserts values only as <%%- json(…) %%>', (_, source) => {
    const tags = source.match(/<%[-=_#]?/g) ?? [];
    expect(tags.filter((tag) => tag === '<%=' || tag === '<%_' || tag === '<%#')).toEqual([]);
    const inserts = source.match(/<%-\s*[^\s(]+\(?/g) ?? [];
    expect(inserts.filter((insert) => insert.replace(/\s+/g, '') !== '<%-json(')).toEqual([]);
    expect(source).not.toMatch(/[-_]%>/); // no whitespace trimming: template lines stay output lines
    expect(source).not.toContain('include(');
  });

  it.each(sources)('%s has no "{#" (Jinja reads it as a comment start at expand time)', (_, source) => {
    expect(source).not.toContain('{#');
  });
});

describe('options', () => {
  it('withDefaults fills in defaults, keeps given values and never shares a default object', () => {
    const webhook = pattern('webhook');
    const first = withDefaults(webhook, { share: true });
    expect(first['share']).toBe(true);
    expect(first['webhookIdPath']).toBe('sink.insert_response.value.id');
    expect(first['scheduleInterval']).toBeUndefined();
    (first['topics'] as string[]).push('changed');
    expect(withDefaults(webhook)['topics']).toEqual(['{{@ datatype @}}/create']);
  });

  it('registration ids: the last topic segment after {{@ datatype @}}-, or the explicit id', () => {
    expect(
      webhookRegistrations([
        'orders/create',
        { topic: 'orders/updated' },
        { topic: 'orders/delete', id: 'order-gone' },
      ]),
    ).toEqual([
      { id: '{{@ datatype @}}-create', topic: 'orders/create', updated: 0 },
      { id: '{{@ datatype @}}-updated', topic: 'orders/updated', updated: 1 },
      { id: 'order-gone', topic: 'orders/delete', updated: 2 },
    ]);
    expect(registrationId('ticket.created')).toBe('{{@ datatype @}}-ticket.created');
  });

  it('the webhook pattern reports topics that would share a registration id', () => {
    const check = pattern('webhook').check!;
    expect(check(withDefaults(pattern('webhook'), { topics: ['a/create', 'b/update'] }))).toEqual([]);
    expect(check(withDefaults(pattern('webhook'), { topics: ['a/create', 'b/create'] }))).toEqual([
      {
        path: ['topics', 1],
        message:
          'registration _id "{{@ datatype @}}-create" is already used by topics[0]: each topic needs its own permanent _id; ' +
          'write {"topic": "b/create", "id": "<unique id>"}',
      },
    ]);
  });
});

/** A markdown table's first cell holding `name` in backticks (prettier pads cells). */
const tableCell = (name: string): RegExp => new RegExp(`^\\|\\s*\`${name}\`\\s*\\|`, 'm');

describe('README.md', () => {
  const readme = readFileSync(join(PATTERNS_DIR, '..', 'README.md'), 'utf8');

  it.each(datatypePatterns.map((p) => [p.name, Object.keys(p.options)] as const))(
    'documents pattern %s and each of its options',
    (name, options) => {
      expect(readme).toMatch(tableCell(name));
      for (const option of options) expect(readme).toMatch(tableCell(option));
    },
  );
});

describe('the webhook pattern’s calls into the webhook datatype', () => {
  const webhook = pattern('webhook');

  it('needs webhook-lookup and webhook-insert when -registerwebhook looks registrations up', () => {
    expect(webhook.requiredOperations!(withDefaults(webhook))).toEqual(['webhook-lookup', 'webhook-insert']);
  });

  it('needs none without -registerwebhook (registerPipe false)', () => {
    expect(webhook.requiredOperations!(withDefaults(webhook, { registerPipe: false }))).toEqual([]);
  });

  it('needs the insert operation webhookInsertOperation names, unchecked when it holds a placeholder', () => {
    expect(
      webhook.requiredOperations!(withDefaults(webhook, { webhookInsertOperation: 'subscription-create' })),
    ).toEqual(['webhook-lookup', 'subscription-create']);
    expect(
      webhook.requiredOperations!(
        withDefaults(webhook, { webhookInsertOperation: '{{@ datatype @}}-webhook-insert' }),
      ),
    ).toEqual(['webhook-lookup']);
  });

  it('needs only webhook-insert for an insert-only registration (registerLookup false)', () => {
    expect(webhook.requiredOperations!(withDefaults(webhook, { registerLookup: false }))).toEqual([
      'webhook-insert',
    ]);
  });
});
