import { logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { connectorGenerator } from '../connector/generator';
import { expectUserError } from '../testing/expect-user-error';
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
});
