import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { SesamCli, SesamCliNotFoundError, findOnPath, resolveSesamBinary, type ProcessRunner } from '../src';
import { writeFakeBinary } from './support/fake-sesam';

describe('resolving the sesam binary', () => {
  let root: string;
  let explicitDir: string;
  let envDir: string;
  let pathDir: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'sesam-resolve-'));
    [explicitDir, envDir, pathDir] = ['explicit', 'env', 'path'].map((name) => {
      const dir = join(root, name);
      mkdirSync(dir);
      return dir;
    }) as [string, string, string];
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('prefers the explicit option over SESAM_CLI and PATH', () => {
    const explicit = writeFakeBinary(explicitDir);
    const env = { SESAM_CLI: writeFakeBinary(envDir), PATH: [pathDir].join(delimiter) };
    writeFakeBinary(pathDir);
    expect(resolveSesamBinary({ explicit, env, cwd: root })).toEqual({ path: explicit, source: 'option' });
  });

  it('prefers SESAM_CLI over PATH', () => {
    const fromEnv = writeFakeBinary(envDir);
    writeFakeBinary(pathDir);
    expect(resolveSesamBinary({ env: { SESAM_CLI: fromEnv, PATH: pathDir }, cwd: root })).toEqual({
      path: fromEnv,
      source: 'SESAM_CLI',
    });
  });

  it('falls back to `sesam` on PATH, skipping folders whose sesam is missing or not executable', () => {
    const emptyDir = join(root, 'empty');
    mkdirSync(emptyDir);
    writeFileSync(join(explicitDir, 'sesam'), 'not executable', { mode: 0o644 });
    const onPath = writeFakeBinary(pathDir);
    const env = { PATH: [emptyDir, explicitDir, pathDir].join(delimiter) };
    expect(resolveSesamBinary({ env, cwd: root })).toEqual({ path: onPath, source: 'PATH' });
  });

  it('resolves relative SESAM_CLI paths and relative PATH entries against cwd', () => {
    const fromEnv = writeFakeBinary(envDir, 'my-sesam');
    expect(resolveSesamBinary({ env: { SESAM_CLI: 'env/my-sesam' }, cwd: root }).path).toBe(fromEnv);
    const onPath = writeFakeBinary(pathDir);
    expect(resolveSesamBinary({ env: { PATH: 'path' }, cwd: root }).path).toBe(onPath);
  });

  it('looks a bare SESAM_CLI name up on PATH', () => {
    const named = writeFakeBinary(pathDir, 'sesam-2.11');
    expect(resolveSesamBinary({ env: { SESAM_CLI: 'sesam-2.11', PATH: pathDir }, cwd: root })).toEqual({
      path: named,
      source: 'SESAM_CLI',
    });
  });

  it('explains how to install sesam-py and set SESAM_CLI when nothing is found', () => {
    const call = () => resolveSesamBinary({ env: { PATH: pathDir }, cwd: root });
    expect(call).toThrow(SesamCliNotFoundError);
    expect(call).toThrow(/The `sesam` command of sesam-py was not found on PATH\./);
    expect(call).toThrow(/https:\/\/github\.com\/sesam-community\/sesam-py\/releases/);
    expect(call).toThrow(/set SESAM_CLI to the path of the binary/);
  });

  it('names a SESAM_CLI value that points nowhere instead of silently using PATH', () => {
    writeFakeBinary(pathDir);
    const missing = join(root, 'nowhere', 'sesam');
    const call = () => resolveSesamBinary({ env: { SESAM_CLI: missing, PATH: pathDir }, cwd: root });
    expect(call).toThrow(`SESAM_CLI is set to '${missing}', which is not an executable file (${missing}).`);
  });

  it('throws from the client before starting any process', async () => {
    const runner: ProcessRunner = { run: jest.fn() };
    const cli = new SesamCli({ env: { PATH: pathDir }, cwd: root, runner });
    await expect(cli.validate()).rejects.toBeInstanceOf(SesamCliNotFoundError);
    expect(runner.run).not.toHaveBeenCalled();
  });

  it('finds any other tool on PATH the same way (findOnPath), and nothing when it is not there', () => {
    const emptyDir = join(root, 'empty');
    mkdirSync(emptyDir);
    const git = writeFakeBinary(pathDir, 'git');
    expect(findOnPath('git', { PATH: [emptyDir, pathDir].join(delimiter) }, root)).toBe(git);
    expect(findOnPath('git', { PATH: emptyDir }, root)).toBeUndefined();
  });
});
