import { connectorTargets } from './index';

/**
 * Target descriptions are what `nx show project <p> --json` (metadata.description), `nx show project
 * <p> --web` and Nx Console show for a target; each says what the target writes.
 */
describe('connector target descriptions', () => {
  const project = {
    root: 'packages/connectors/shopify',
    system: 'shopify',
    projectName: 'shopify-connector',
  };
  const targets = Object.entries(connectorTargets(project));

  it('every target says what it writes', () => {
    for (const [name, target] of targets) {
      expect([name, target.metadata?.description]).toEqual([name, expect.stringMatching(/; writes \S/)]);
    }
  });

  it("a cached target's description names each of its outputs", () => {
    for (const [name, target] of targets) {
      const description = target.metadata?.description ?? '';
      for (const output of target.outputs ?? []) {
        expect([name, description]).toEqual([
          name,
          expect.stringContaining(output.replace('{projectRoot}/', '')),
        ]);
      }
      if (target.outputs !== undefined && target.outputs.length === 0) {
        expect([name, description]).toEqual([name, expect.stringContaining('writes nothing')]);
      }
    }
  });
});
