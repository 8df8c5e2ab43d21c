import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFreshness } from '../src/main';
import { InterruptedError } from '../../shared/src/errors';
import { runProcess } from '../../shared/src/process';
import { FixtureRepo, PATTERNS, SLOW_BUILD, seedWorkspace } from '../../review/test/fixture-repo';

interface GateRun {
  code: number;
  stdout: string;
  stderr: string;
}

const gate = async (
  repo: FixtureRepo,
  deps: Partial<Parameters<typeof runFreshness>[1]> = {},
): Promise<GateRun> => {
  let stdout = '';
  let stderr = '';
  const code = await runFreshness(deps.builder ? [] : ['--build-script', 'fake-build.mjs'], {
    cwd: repo.dir,
    env: process.env,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    ...deps,
  });
  return { code, stdout, stderr };
};

/** Every file of the work tree (outside .git) with its bytes, to prove the gate left it as it was. */
const workTree = (repo: FixtureRepo): Record<string, string> => {
  const files = repo.git('ls-files', '--cached', '--others', '-z').split('\0').filter(Boolean);
  const expanded = repo
    .git('ls-files', '--others', '--ignored', '--exclude-standard', '-z')
    .split('\0')
    .filter(Boolean);
  return Object.fromEntries(
    [...new Set([...files, ...expanded])]
      .filter((path) => existsSync(join(repo.dir, path)))
      .sort()
      .map((path) => [path, repo.read(path)]),
  );
};

describe('check:fresh', () => {
  let repo: FixtureRepo;

  beforeEach(() => {
    repo = new FixtureRepo();
    seedWorkspace(repo);
    repo.write('.gitignore', 'connector/.expanded/\n');
    execFileSync(process.execPath, ['fake-build.mjs'], { cwd: repo.dir });
    repo.commit('workspace with built outputs');
  });

  afterEach(() => repo.dispose());

  it('passes when every committed output equals a fresh build', async () => {
    const run = await gate(repo);
    expect(run).toMatchObject({
      code: 0,
      stdout: 'check:fresh: the committed output and README section of all 3 connectors are fresh.\n',
    });
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('fails on a pack change that was not rebuilt, lists each stale connector and file, and restores the tree', async () => {
    const collect = structuredClone(PATTERNS.collect);
    (collect[0] as Record<string, unknown>).batch_size = 5;
    repo.write('packages/template-pack/patterns/collect.json', collect);
    repo.commit('collect changed, outputs not rebuilt');
    const before = workTree(repo);

    const run = await gate(repo);

    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'check:fresh: the committed output of 2 connectors are stale:',
        '  alpha',
        '    packages/connectors/alpha/connector/templates/customer.json differs from a fresh build',
        '  beta',
        '    packages/connectors/beta/connector/templates/customer.json differs from a fresh build',
        '',
        'Fix: run `npx nx run-many -t build`, then commit the changes under packages/connectors/*/connector/.',
        'The output folders were put back as they were before this check.',
        '',
      ].join('\n'),
    );
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(workTree(repo)).toEqual(before);
  });

  it('names files the build no longer writes and files it writes that are not committed', async () => {
    repo.edit<{ datatypes: Record<string, unknown> }>('packages/connectors/beta/connector.json', (config) => {
      config.datatypes = { client: { pattern: 'collect' } };
    });
    repo.commit('beta renamed, outputs not rebuilt');

    const run = await gate(repo);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'packages/connectors/beta/connector/templates/client.json is written by the build but is not committed',
    );
    expect(run.stdout).toContain(
      'packages/connectors/beta/connector/templates/customer.json is committed but the build no longer writes it',
    );
    expect(run.stdout).toContain(
      'packages/connectors/beta/connector/manifest.json differs from a fresh build',
    );
    expect(repo.git('status', '--porcelain', '--untracked-files=all')).toBe('');
  });

  it('keeps uncommitted edits and ignored files inside output folders, and compares against them', async () => {
    const manifest = 'packages/connectors/alpha/connector/manifest.json';
    repo.write(manifest, '{"edited": "by hand"}');
    repo.write('packages/connectors/alpha/connector/notes.txt', 'untracked\n');
    repo.write('packages/connectors/gamma/connector/.expanded/pipes/x.conf.json', '{}');
    const before = workTree(repo);

    const run = await gate(repo);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${manifest} differs from a fresh build`);
    expect(run.stdout).toContain(
      'packages/connectors/alpha/connector/notes.txt is committed but the build no longer writes it',
    );
    expect(run.stdout).not.toContain('.expanded');
    expect(run.stderr).toContain('2 files in connector output folders differ from the last commit');
    expect(workTree(repo)).toEqual(before);
    expect(repo.read(manifest)).toBe('{"edited": "by hand"}');
  });

  it('reports a failed build and puts back the outputs it had already rewritten', async () => {
    repo.write('packages/connectors/alpha/connector/templates/customer.json', '[]');
    repo.edit<Record<string, unknown>>('packages/connectors/gamma/connector.json', (config) => {
      config.fail = 'datatypes: must have at least 1 property';
    });
    repo.commit('stale alpha output, broken gamma');
    const before = workTree(repo);

    const run = await gate(repo);

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^check:fresh: the build failed \(exit 1\), so freshness was not checked/);
    expect(run.stderr).toContain(
      'packages/connectors/gamma/connector.json: datatypes: must have at least 1 property',
    );
    expect(workTree(repo)).toEqual(before);
  });

  it('removes output folders the build created and reports them as not committed', async () => {
    repo.write('packages/connectors/delta/connector.json', {
      datatypes: { invoice: { pattern: 'collect' } },
    });
    repo.commit('delta without outputs');

    const run = await gate(repo);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'packages/connectors/delta/connector/manifest.json is written by the build but is not committed',
    );
    expect(existsSync(join(repo.dir, 'packages/connectors/delta/connector'))).toBe(false);
  });

  it('reports an output folder that has no connector.json', async () => {
    rmSync(join(repo.dir, 'packages/connectors/gamma/connector.json'));
    repo.commit('gamma source deleted, output kept');

    const run = await gate(repo);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('packages/connectors/gamma/connector has no connector.json beside it');
  });

  it('puts the outputs back when interrupted during the build', async () => {
    const controller = new AbortController();
    const marker = join(repo.tmpRoot, 'slow.pid');
    const file = join(repo.dir, 'packages/connectors/beta/connector/manifest.json');
    const before = workTree(repo);
    const run = gate(repo, {
      signal: controller.signal,
      builder: async ({ root, env, signal }) => {
        writeFileSync(file, 'half-written');
        const { code, output } = await runProcess(process.execPath, [SLOW_BUILD], {
          cwd: root,
          env: { ...env, SLOW_BUILD_MARKER: marker },
          signal,
        });
        return { code, log: output };
      },
    });
    while (!existsSync(marker) || readFileSync(marker, 'utf8') === '')
      await new Promise((r) => setTimeout(r, 50));
    controller.abort(new InterruptedError('SIGINT'));

    const { code, stderr } = await run;
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted by SIGINT; the output folders were put back as they were');
    expect(workTree(repo)).toEqual(before);
  });

  it('exits 2 outside a git repository', async () => {
    const outside = join(repo.tmpRoot);
    let stderr = '';
    const code = await runFreshness([], {
      cwd: outside,
      env: process.env,
      stdout: () => {},
      stderr: (t) => (stderr += t),
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/is not inside a git repository/);
  });
});
