import { logger, type ExecutorContext } from '@nx/devkit';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { workspaceDataDirectoryForWorkspace } from 'nx/src/utils/cache-directory';
import { join } from 'node:path';
import {
  connectorExecutorContext,
  minimalConnector,
  tempDir,
  writeConnectorPackage,
} from '../../../test/connector-fixtures';
import { workspaceValidationStore } from './build-task';
import buildExecutor from './executor';

/** A temporary workspace with one connector package `packages/connectors/<system>`. */
function workspaceWith(connector: unknown, system = 'acme') {
  const root = tempDir();
  writeConnectorPackage(join(root, 'packages', 'connectors'), system, connector);
  const context = connectorExecutorContext(root, system);
  return { root, context };
}

describe('build executor', () => {
  let info: jest.SpyInstance;
  let error: jest.SpyInstance;
  beforeEach(() => {
    info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    error = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('builds the project and reports what it wrote', async () => {
    const { root, context } = workspaceWith(minimalConnector());
    await expect(buildExecutor({}, context)).resolves.toEqual({ success: true });
    expect(info).toHaveBeenCalledWith('acme: packages/connectors/acme/connector/ holds the 4 rendered files');
    expect(
      JSON.parse(readFileSync(join(root, 'packages/connectors/acme/connector/manifest.json'), 'utf8')).auth,
    ).toBe('api_key');
    expect(error).not.toHaveBeenCalled();
  });

  it('says the output is up to date when a rebuild renders the same files (and rewrites nothing)', async () => {
    const { root, context } = workspaceWith(minimalConnector());
    await buildExecutor({}, context);
    const manifest = join(root, 'packages/connectors/acme/connector/manifest.json');
    const before = statSync(manifest).ino;
    info.mockClear();
    await expect(buildExecutor({}, context)).resolves.toEqual({ success: true });
    expect(info.mock.calls).toEqual([
      ['acme: packages/connectors/acme/connector/ is up to date (4 files, unchanged)'],
    ]);
    expect(statSync(manifest).ino).toBe(before);
  });

  it('prints a user mistake as its message only (workspace-relative path, no stack) and fails', async () => {
    const connector = minimalConnector();
    connector['datatypes']['order']['pattern'] = 'stream';
    const { root, context } = workspaceWith(connector);
    await expect(buildExecutor({}, context)).resolves.toEqual({ success: false });
    expect(error.mock.calls).toEqual([
      [
        'packages/connectors/acme/connector.json: datatypes.order.pattern: must be one of collect, webhook, webhook-registry, share, raw',
      ],
    ]);
    expect(existsSync(join(root, 'packages/connectors/acme/connector'))).toBe(false);
  });

  it('renders with another pack folder given relative to the workspace', async () => {
    const { context } = workspaceWith(minimalConnector());
    await expect(buildExecutor({ packDir: 'no/such/pack' }, context)).resolves.toEqual({ success: false });
    expect(error.mock.calls[0]![0]).toMatch(
      /^template pack at .*no\/such\/pack: cannot read patterns\/collect\/all\.json\.ejs \(ENOENT\)$/,
    );
  });

  it('fails cleanly without a project configuration', async () => {
    const { context } = workspaceWith(minimalConnector());
    await expect(buildExecutor({}, { ...context, projectName: 'other' })).resolves.toEqual({
      success: false,
    });
    expect(error).toHaveBeenCalledWith('build: no project configuration for other');
  });

  describe('validations that passed are remembered in the workspace data folder', () => {
    const slot = 'packages/connectors/acme/connector';
    // Variables that move the store or switch it off; each test starts without them.
    const variables = ['NX_SKIP_NX_CACHE', 'NX_WORKSPACE_DATA_DIRECTORY', 'NX_PROJECT_GRAPH_CACHE_DIRECTORY'];
    const previous = Object.fromEntries(variables.map((name) => [name, process.env[name]]));
    beforeEach(() => {
      for (const name of variables) delete process.env[name];
    });
    afterEach(() => {
      for (const name of variables) {
        if (previous[name] === undefined) delete process.env[name];
        else process.env[name] = previous[name];
      }
    });
    /** The store the executor uses for `root`, with a planted warning on acme's entry. */
    async function builtWithPlantedWarning() {
      const { root, context } = workspaceWith(minimalConnector());
      await buildExecutor({}, context);
      const store = workspaceValidationStore(root)!;
      store.write(slot, { key: store.read(slot)!.key, warnings: ['planted'] });
      return { root, context };
    }

    it('under .nx/workspace-data/sesam-connectors/validated, or where NX_WORKSPACE_DATA_DIRECTORY says', async () => {
      const { root } = await builtWithPlantedWarning();
      expect(readdirSync(join(root, '.nx', 'workspace-data', 'sesam-connectors', 'validated'))).toHaveLength(
        1,
      );
      expect(workspaceValidationStore(root, {})!.read(slot)?.warnings).toEqual(['planted']);
      const elsewhere = tempDir();
      process.env['NX_WORKSPACE_DATA_DIRECTORY'] = elsewhere;
      expect(workspaceDataDirectoryForWorkspace(root)).toBe(elsewhere);
      expect(workspaceValidationStore(root)!.read(slot)).toBeUndefined();
      await buildExecutor({}, workspaceWith(minimalConnector()).context);
      expect(readdirSync(join(elsewhere, 'sesam-connectors', 'validated'))).toHaveLength(1);
    });

    it('a rebuild of the same files replays the stored warnings instead of validating', async () => {
      const { context } = await builtWithPlantedWarning();
      const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
      await expect(buildExecutor({}, context)).resolves.toEqual({ success: true });
      expect(warn.mock.calls).toEqual([['acme: planted']]);
    });

    it('--skip-nx-cache (NX_SKIP_NX_CACHE=true) validates again', async () => {
      const { root, context } = await builtWithPlantedWarning();
      expect(workspaceValidationStore(root, { NX_SKIP_NX_CACHE: 'true' })).toBeUndefined();
      process.env['NX_SKIP_NX_CACHE'] = 'true';
      const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
      await expect(buildExecutor({}, context)).resolves.toEqual({ success: true });
      expect(warn).not.toHaveBeenCalled();
    });
  });
});
