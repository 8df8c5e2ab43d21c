import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConnectorConfig, type ConnectorConfig } from '@sesam-connectors/core';
import { CONNECTOR_CONFIG_FILE, CONNECTORS_DIR } from '@sesam-connectors/core/layout';
import { findDatatypePattern, PATTERNS_FOLDER, withDefaults } from '@sesam-connectors/template-pack';
import { reviewWorkTree, workspaceRepo } from './workspace-repo';

/** The change: a property the pattern did not render, added at the top of the pipe. */
const PROPERTY = 'description';
const DESCRIPTION = 'Registers the receiver of {{@ datatype @}} with {{@ system @}}.';

/**
 * `connector · datatype · role` of every pipe that `TEMPLATE` renders in the workspace at `root`,
 * computed from the connector.json files and the pack's index: a datatype renders it when its
 * pattern (its `reuse` target's, for one that reuses another's template file) has a pipe made from
 * that template for its options; a `reuse` datatype is a pipe of its own on the node.
 */
function pipesRenderedBy(root: string, template: string): { pipes: string[]; configs: ConnectorConfig[] } {
  const folder = join(root, CONNECTORS_DIR);
  const configs = readdirSync(folder)
    .filter((system) => readdirSync(join(folder, system)).includes(CONNECTOR_CONFIG_FILE))
    .map((system) => loadConnectorConfig(join(folder, system, CONNECTOR_CONFIG_FILE)).config);
  const pipes = configs.flatMap((config) =>
    Object.entries(config.datatypes).flatMap(([name, datatype]) => {
      const owner = datatype.reuse === undefined ? datatype : config.datatypes[datatype.reuse];
      const pattern = findDatatypePattern(owner.pattern)!;
      const options = withDefaults(pattern, owner.options);
      return pattern.pipes
        .filter((pipe) => pipe.template === template && (pipe.when?.(options) ?? true))
        .map((pipe) => `${config.system} · ${name} · ${pipe.role}`);
    }),
  );
  return { pipes: pipes.sort(), configs };
}

/**
 * The review on the family: one pack template changed in a copy of this workspace shows every
 * connector and pipe that the template renders, and nothing else. The expected set is computed
 * from the copy's connector.json files, not written down, so it follows the family as it grows.
 */
describe('review of a pack template change over the family of connectors', () => {
  let parent: string;
  let repo: string;

  beforeAll(() => {
    ({ parent, repo } = workspaceRepo('review-family-'));
  });

  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  afterEach(() => {
    execFileSync('git', ['checkout', '-q', '--', '.'], { cwd: repo });
  });

  // The -registerwebhook pipe (the brief's example; Shopify's order renders it from the pattern, the
  // imported webhook datatypes may add theirs whole) and the -collect pipe nearly every datatype has.
  it.each([
    ['webhook/registerwebhook.json.ejs', 'registerwebhook'],
    ['collect/collect.json.ejs', 'collect'],
  ])(
    'a change to %s shows each connector and pipe it renders, as one change, and nothing else',
    async (TEMPLATE, ROLE) => {
      const { pipes: expected, configs } = pipesRenderedBy(repo, TEMPLATE);
      // What the test stands on: the family renders the pipe somewhere, and no patch of a rendered
      // pipe touches the property (a guarded patch there would fail the build instead). A patch that
      // adds the role's pipe whole (its pattern does not render it) is not the template's: unchanged.
      expect(expected.length).toBeGreaterThan(0);
      const touching = configs.flatMap((config) =>
        Object.entries(config.datatypes).flatMap(([name, datatype]) =>
          (expected.includes(`${config.system} · ${name} · ${ROLE}`) ? (datatype.patches[ROLE] ?? []) : [])
            .filter(
              (op) => op.path === '' || op.path === `/${PROPERTY}` || op.path.startsWith(`/${PROPERTY}/`),
            )
            .map(() => `${config.system} · ${name}`),
        ),
      );
      expect(touching).toEqual([]);

      const file = join(repo, 'packages/template-pack', PATTERNS_FOLDER, TEMPLATE);
      const text = readFileSync(file, 'utf8');
      const anchor = `  "_id": "{{@ system @}}-{{@ datatype @}}-${ROLE}",\n`;
      expect(text).toContain(anchor);
      writeFileSync(
        file,
        text.replace(anchor, `${anchor}  ${JSON.stringify(PROPERTY)}: ${JSON.stringify(DESCRIPTION)},\n`),
      );

      const { code, stderr, report: read } = await reviewWorkTree(parent, repo);
      expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
      const report = read();

      // Every pipe the template renders changed, and nothing else did.
      expect(report.changes.map((change) => change.name).sort()).toEqual(expected);
      expect(new Set(report.changes.map((change) => `${change.kind} ${change.change}`))).toEqual(
        new Set(['pipe changed']),
      );
      // Per connector: exactly the connectors and datatypes of those pipes, no failed build.
      const byConnector = new Map<string, string[]>();
      for (const pipe of expected) {
        const [system, datatype] = pipe.split(' · ');
        byConnector.set(system, [...(byConnector.get(system) ?? []), datatype]);
      }
      expect(
        report.connectors.map((c) => [
          c.system,
          c.status,
          c.errors,
          c.pipes,
          [...c.datatypes.changed].sort(),
        ]),
      ).toEqual(
        [...byConnector]
          .sort()
          .map(([system, datatypes]) => [
            system,
            'changed',
            [],
            { added: 0, removed: 0, changed: datatypes.length },
            [...new Set(datatypes)].sort(),
          ]),
      );
      // The same change everywhere: one group, its diff the one added line.
      expect(
        report.groups.map((group) => [group.kind, group.role, group.change, group.changes.length]),
      ).toEqual([['pipe', ROLE, 'changed', expected.length]]);
      const diff = report.groups[0].diff ?? '';
      expect(diff).toContain(`+  "${PROPERTY}": ${JSON.stringify(DESCRIPTION)},`);
      expect(diff.split('\n').filter((line) => /^[-+]/.test(line))).toHaveLength(1);
    },
  );
});
