import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reviewWorkTree, workspaceRepo } from './workspace-repo';

/**
 * A test that runs the real thing: this workspace (its current files) copied into a new git
 * repository, reviewed with the real builder — each side's own Nx, engine and template pack, in
 * temporary worktrees whose node_modules link back to this checkout's.
 */
describe('review with the real Nx build, on a copy of this workspace', () => {
  let parent: string;
  let repo: string;

  beforeAll(() => {
    ({ parent, repo } = workspaceRepo('review-nx-'));
  });

  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('reports the one system template change an uncommitted connector.json edit makes', async () => {
    const configFile = join(repo, 'packages/connectors/shopify/connector.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8'));
    const urlPattern = `${config.restSystem.urlPattern}`.replace('%s', 'review-test/%s');
    config.restSystem.urlPattern = urlPattern;
    writeFileSync(configFile, JSON.stringify(config, null, 2) + '\n');

    const { code, stderr, report: read } = await reviewWorkTree(parent, repo);

    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    const report = read();
    expect(report.connectors.map((c) => [c.system, c.status, c.errors])).toEqual([
      ['shopify', 'changed', []],
    ]);
    const [shopify] = report.connectors;
    expect(shopify.files.map((f) => f.path)).toEqual(['templates/system.json']);
    expect(shopify.systems).toEqual({ added: 0, removed: 0, changed: 1 });
    expect(shopify.pipes).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(report.changes).toEqual([
      expect.objectContaining({
        name: 'shopify · system',
        id: '{{@ system @}}',
        change: 'changed',
        diff: expect.stringContaining(`+  "url_pattern": "${urlPattern}",`),
      }),
    ]);
    expect(stderr).not.toContain(' failed');
  });
});
