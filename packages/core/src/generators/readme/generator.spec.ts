import { logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { connectorGenerator } from '../connector/generator';
import { expectUserError } from '../testing/expect-user-error';
import { FAMILY_TABLE_END, FAMILY_TABLE_START } from '../../lib/readme';
import { datatypeGenerator } from '../datatype/generator';
import { readmeGenerator, readmeSyncGenerator } from './generator';

const README = (system: string) => `packages/connectors/${system}/README.md`;

describe('readme generator', () => {
  let tree: Tree;
  const readme = (system = 'demo') => tree.read(README(system), 'utf-8') ?? '';
  beforeEach(async () => {
    tree = createTreeWithEmptyWorkspace();
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    await connectorGenerator(tree, { system: 'demo', datatypes: 'order', skipFormat: true });
    await connectorGenerator(tree, { system: 'acme', datatypes: 'invoice', skipFormat: true });
  });
  afterEach(() => jest.restoreAllMocks());

  /** The README with its section's content replaced by a stale one, the owner's text kept. */
  const makeStale = (system: string) => {
    const text = readme(system);
    const start = text.indexOf('<!-- prettier-ignore-start -->');
    const end = text.indexOf('<!-- generated:end -->');
    tree.write(README(system), `${text.slice(0, start)}stale\n${text.slice(end)}My own line.\n`);
  };

  it('writes the stale sections again, keeping the text around them', async () => {
    const fresh = readme('demo');
    makeStale('demo');
    makeStale('acme');
    await readmeGenerator(tree, {});
    expect(readme('demo')).toBe(`${fresh}My own line.\n`);
    expect(readme('acme')).toContain('| `invoice` | Invoice | `collect` |');
  });

  it('--connector writes only that one (system or project name)', async () => {
    makeStale('demo');
    makeStale('acme');
    await readmeGenerator(tree, { connector: 'acme-connector' });
    expect(readme('acme')).toContain('| `invoice` |');
    expect(readme('demo')).toContain('stale\n');
  });

  it('refuses an unknown connector, writing nothing', async () => {
    await expectUserError(
      tree,
      () => readmeGenerator(tree, { connector: 'nope' }),
      /there is no connector "nope"/,
    );
  });

  it('as the sync generator, says what was stale, and nothing when all is fresh', async () => {
    expect(await readmeSyncGenerator(tree)).toBeUndefined();
    makeStale('acme');
    expect(await readmeSyncGenerator(tree)).toEqual({
      outOfSyncMessage: 'The generated section of 1 connector README is stale (made from connector.json).',
      outOfSyncDetails: [README('acme')],
    });
    expect(await readmeSyncGenerator(tree)).toBeUndefined();
  });

  it('skips a connector that does not build, with a warning, and names it when asked for it alone', async () => {
    makeStale('demo');
    tree.write('packages/connectors/demo/connector.json', '{"system": "demo"}');
    await readmeGenerator(tree, {});
    expect(readme('demo')).toContain('stale\n');
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(`${README('demo')} left as it is: the connector does not build (`),
    );
    await expectUserError(
      tree,
      () => readmeGenerator(tree, { connector: 'demo' }),
      /^packages\/connectors\/demo\/README.md not written: the connector does not build:\n {2}/,
    );
  });

  describe("the workspace README's family table", () => {
    const WORKSPACE = 'README.md';
    const withMarkers = `# Workspace\n\n${FAMILY_TABLE_START}\n${FAMILY_TABLE_END}\n\nmine\n`;
    const row = (system: string) =>
      (tree.read(WORKSPACE, 'utf-8') ?? '')
        .split('\n')
        .find((line) => line.startsWith(`| [`) && line.includes(`(\`${system}\`)`));

    it('is written between its markers, a row per connector, and the sync generator says when it is stale', async () => {
      tree.write(WORKSPACE, withMarkers);
      expect(await readmeSyncGenerator(tree)).toEqual({
        outOfSyncMessage:
          'The family table of README.md is stale (made from every connector.json and its build).',
        outOfSyncDetails: [WORKSPACE],
      });
      const text = tree.read(WORKSPACE, 'utf-8') ?? '';
      expect(text.startsWith(`# Workspace\n\n${FAMILY_TABLE_START}\n<!-- prettier-ignore-start -->\n`)).toBe(
        true,
      );
      expect(text.endsWith(`${FAMILY_TABLE_END}\n\nmine\n`)).toBe(true);
      expect([row('acme'), row('demo')]).toEqual([
        '| [Acme](packages/connectors/acme/README.md) (`acme`) | `api_key` | 1 | `collect` ×1 | none | clean |',
        '| [Demo](packages/connectors/demo/README.md) (`demo`) | `api_key` | 1 | `collect` ×1 | none | clean |',
      ]);
      expect(await readmeSyncGenerator(tree)).toBeUndefined();
    });

    it('follows connector.json: a datatype added by the datatype generator, the build validation a project.json turns off', async () => {
      tree.write(WORKSPACE, withMarkers);
      await readmeGenerator(tree, {});
      await datatypeGenerator(tree, { name: 'refund', connector: 'acme', pattern: 'collect' });
      expect(row('acme')).toContain('| `api_key` | 2 | `collect` ×2 | none | clean |');
      tree.write(
        'packages/connectors/demo/project.json',
        JSON.stringify({ targets: { build: { options: { validate: false } } } }),
      );
      expect(await readmeSyncGenerator(tree)).toEqual(
        expect.objectContaining({ outOfSyncDetails: [WORKSPACE] }),
      );
      expect(row('demo')).toContain('| clean, but the build does not validate |');
    });

    it('is left alone where the README has no markers', async () => {
      tree.write(WORKSPACE, '# Workspace\n');
      await readmeGenerator(tree, {});
      expect(tree.read(WORKSPACE, 'utf-8')).toBe('# Workspace\n');
    });
  });
});
