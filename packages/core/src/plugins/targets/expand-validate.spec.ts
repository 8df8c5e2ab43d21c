import { RENDER_INPUTS } from './build';
import { expandTargets } from './expand';
import { connectorTargets } from './index';
import { validateTargets } from './validate';

const project = { root: 'packages/connectors/shopify', system: 'shopify', projectName: 'shopify-connector' };

describe('expand and validate targets', () => {
  it('expand runs the expand executor after build, cached on the build render inputs, writing connector/.expanded', () => {
    expect(expandTargets(project).expand).toMatchObject({
      executor: '@sesam-connectors/core:expand',
      options: { profile: 'test', systemPlaceholder: 'xxxxxx' },
      dependsOn: ['build'],
      cache: true,
      inputs: RENDER_INPUTS,
      outputs: ['{projectRoot}/connector/.expanded'],
    });
  });

  it('validate runs the validator after build, cached on the same inputs', () => {
    expect(validateTargets(project).validate).toMatchObject({
      executor: '@sesam-connectors/core:validate',
      dependsOn: ['build'],
      cache: true,
      inputs: RENDER_INPUTS,
    });
  });

  it('are part of every connector project', () => {
    expect(Object.keys(connectorTargets(project))).toEqual(
      expect.arrayContaining(['build', 'expand', 'validate']),
    );
  });
});
