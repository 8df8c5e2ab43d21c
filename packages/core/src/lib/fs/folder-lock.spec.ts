import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { tempDir, WORKSPACE_ROOT } from '../../../test/connector-fixtures';
import { FolderLockedError, lockFileName, withFolderLock } from './folder-lock';
import { replaceDirectory } from './replace-directory';

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));
const holdLock = (parent: string, pid: number) =>
  writeFileSync(join(parent, lockFileName('connector')), JSON.stringify({ pid, host: hostname() }));

describe('two writers of one output folder', () => {
  let sleeper: ChildProcess | undefined;
  afterEach(() => sleeper?.kill());

  it("never removes a live writer's staging folder: the second waits, then fails cleanly", () => {
    const parent = tempDir();
    const target = join(parent, 'connector');
    replaceDirectory(target, files({ 'a.json': 'old' }));
    sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    holdLock(parent, sleeper.pid!);
    mkdirSync(join(parent, '.connector.staging-live'));
    writeFileSync(join(parent, '.connector.staging-live', 'a.json'), 'theirs');
    const second = () => replaceDirectory(target, files({ 'a.json': 'new' }), { waitMs: 300 });
    expect(second).toThrow(FolderLockedError);
    expect(second).toThrow(`being written by another build or expand (process ${sleeper.pid}`);
    expect(readFileSync(join(parent, '.connector.staging-live', 'a.json'), 'utf8')).toBe('theirs');
    expect(readFileSync(join(target, 'a.json'), 'utf8')).toBe('old');
  });

  it('takes over the lock of a killed writer and removes its leftovers', () => {
    const parent = tempDir();
    const target = join(parent, 'connector');
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    holdLock(parent, gone);
    mkdirSync(join(parent, '.connector.staging-dead'));
    expect(replaceDirectory(target, files({ 'a.json': 'new' }), { waitMs: 0 })).toBe('written');
    expect(readdirSync(parent)).toEqual(['connector']);
  });

  it('lets go of the lock when the work throws', () => {
    const parent = tempDir();
    expect(() =>
      withFolderLock(join(parent, 'connector'), () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(existsSync(join(parent, lockFileName('connector')))).toBe(false);
  });

  it('two processes writing one folder at once take turns: every round leaves one whole folder', async () => {
    const parent = tempDir();
    const target = join(parent, 'connector');
    const script = (tag: string) => `
      const { replaceDirectory } = require(${JSON.stringify(join(__dirname, 'replace-directory.ts'))});
      (async () => {
        for (let round = 0; round < 4; round++) {
          const files = new Map([['manifest.json', '${tag}' + round]]);
          for (let i = 0; i < 400; i++) files.set('templates/t' + i + '.json', '${tag}' + round);
          replaceDirectory(${JSON.stringify(target)}, files);
        }
      })().catch((e) => { console.error(e.stack); process.exit(1); });`;
    const run = (tag: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', script(tag)], {
          cwd: WORKSPACE_ROOT,
        });
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('close', (code) => resolve({ code, stderr }));
      });
    const results = await Promise.all([run('A'), run('B')]);
    expect(results).toEqual([
      { code: 0, stderr: '' },
      { code: 0, stderr: '' },
    ]);
    const manifest = readFileSync(join(target, 'manifest.json'), 'utf8');
    const templates = readdirSync(join(target, 'templates'));
    expect(templates).toHaveLength(400);
    for (const name of templates)
      expect(readFileSync(join(target, 'templates', name), 'utf8')).toBe(manifest);
    expect(readdirSync(parent)).toEqual(['connector']);
  }, 60_000);

  it.each([
    '.connector.staging-0a1b2c/manifest.json',
    '.connector.old-0a1b2c/',
    '.connector.lock',
    'connector/..expanded.staging-0a1b2c/',
  ])('a writer leaves nothing git sees: %s is ignored', (name) => {
    const check = spawnSync('git', ['check-ignore', '--no-index', '-q', `packages/connectors/acme/${name}`], {
      cwd: WORKSPACE_ROOT,
    });
    expect(check.status).toBe(0);
  });
});
