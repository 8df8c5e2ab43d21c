import { connectorTargets } from './index';
import { publishTargets } from './publish';

const project = { root: 'packages/connectors/shopify', system: 'shopify', projectName: 'shopify-connector' };

describe('publish target', () => {
  it('runs the publish executor after build and is never cached (its effect is outside the workspace)', () => {
    const target = publishTargets(project).publish!;
    expect(target).toMatchObject({
      executor: '@sesam-connectors/core:publish',
      dependsOn: ['build'],
      cache: false,
    });
    expect(target.outputs).toBeUndefined();
    expect(target.metadata!.help!.command).toBe('npx nx run shopify-connector:publish --help');
  });

  it('is part of every connector project', () => {
    expect(connectorTargets(project).publish).toEqual(publishTargets(project).publish);
  });
});
