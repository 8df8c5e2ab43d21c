import { sesamTargets } from './sesam';

describe('sesam targets of a connector project', () => {
  const targets = sesamTargets({
    root: 'packages/connectors/shopify',
    system: 'shopify',
    projectName: 'shopify-connector',
  });

  it('has sesam-validate, upload, download, verify, test and the generic sesam target', () => {
    expect(Object.fromEntries(Object.entries(targets).map(([name, t]) => [name, t.options]))).toEqual({
      'sesam-validate': { command: 'validate' },
      upload: { command: 'upload' },
      download: { command: 'download' },
      verify: { command: 'verify' },
      test: { command: 'test' },
      sesam: { command: 'exec' },
    });
  });

  it('runs each through the sesam executor after build, never from the cache', () => {
    for (const target of Object.values(targets)) {
      expect(target).toMatchObject({
        executor: '@sesam-connectors/core:sesam',
        dependsOn: ['build'],
        cache: false,
      });
      expect(target.outputs).toBeUndefined();
    }
  });

  it('tells users how to pass raw arguments and where sesam runs', () => {
    expect(targets['sesam']!.metadata!.description).toBe(
      'Any sesam command: nx run shopify-connector:sesam -- <sesam arguments> (runs in packages/connectors/shopify/connector); writes what that command writes',
    );
  });
});
