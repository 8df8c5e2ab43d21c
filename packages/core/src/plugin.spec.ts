import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';

/**
 * Nx loads the plugin entry for every project graph (every nx command), so it must stay cheap: it
 * must not load the engine, ejs or ajv. Measured in a fresh Node process, as Nx loads it.
 */
describe('@sesam-connectors/core/plugin', () => {
  const root = join(__dirname, '..');
  const workspaceRoot = join(root, '..', '..');
  const loaded = (specifier: string): string[] => {
    const script = `require(${JSON.stringify(specifier)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
    const out = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      cwd: workspaceRoot,
      env: { ...process.env, SWC_NODE_PROJECT: join(workspaceRoot, 'tsconfig.base.json') },
      encoding: 'utf8',
    });
    return (JSON.parse(out) as string[]).map((file) => relative(root, file).split('\\').join('/'));
  };

  it('loads neither the engine nor ejs nor ajv', () => {
    const files = loaded('@sesam-connectors/core/plugin');
    expect(files).toContain('src/plugin.ts');
    expect(files.filter((file) => /node_modules\/(ejs|ajv)\//.test(file))).toEqual([]);
    expect(files.filter((file) => /^src\/lib\/(?!layout\/)/.test(file))).toEqual([]);
  });

  it('is a different module from the engine entry, which does load them', () => {
    const files = loaded('@sesam-connectors/core');
    expect(files).toContain('src/index.ts');
    expect(files.some((file) => /node_modules\/ejs\//.test(file))).toBe(true);
  });
});
