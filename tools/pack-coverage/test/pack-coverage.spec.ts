import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadTemplatePack } from '@sesam-connectors/core/adopt';
import { corpusDir } from '../../adoption/src/corpus';
import { formatCoverage, packCoverage } from '../src/coverage';
import { runPackCoverage } from '../src/main';

const CORPUS = corpusDir(resolve(__dirname, '..', '..', '..'));
const PACK = loadTemplatePack();
const ID = (role: string) => `{{@ system @}}-{{@ datatype @}}-${role}`;

const run = async (...argv: string[]) => {
  let stdout = '';
  let stderr = '';
  const code = await runPackCoverage(argv, {
    cwd: CORPUS,
    env: {},
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
};

describe('pack coverage', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pack-coverage-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A connector folder with one datatype whose template holds these pipes. */
  const folder = (name: string, pipes: object[]): string => {
    const root = join(dir, name);
    mkdirSync(join(root, 'templates'), { recursive: true });
    writeFileSync(
      join(root, 'manifest.json'),
      JSON.stringify({
        datatypes: { order: { template: 'templates/order.json' } },
        'system-template': 'templates/system.json',
      }),
    );
    writeFileSync(join(root, 'templates', 'order.json'), JSON.stringify(pipes));
    return root;
  };
  const collect = (extra: object = {}) => ({
    _id: ID('collect'),
    type: 'pipe',
    namespaced_identifiers: false,
    source: { type: 'rest', system: '{{@ system @}}', operation: '{{@ datatype @}}-list' },
    ...extra,
  });

  it('counts, per role, the pipes rendered exactly, of the same shape, and where the others deviate in how many repositories', () => {
    const coverage = packCoverage(
      [
        folder('a@main', [collect()]),
        folder('b@main', [collect({ comment: 'one' })]),
        folder('c@main', [collect({ comment: 'two' }), { _id: ID('enrich'), type: 'pipe' }]),
      ],
      PACK,
    );
    expect(coverage.roles).toEqual([
      {
        role: 'collect',
        pipes: 3,
        exact: 1,
        sameShape: 1,
        notMade: 0,
        deviations: [{ pointer: '/comment', pipes: 2, repositories: ['b', 'c'] }],
      },
      { role: 'enrich', pipes: 1, exact: 0, sameShape: 0, notMade: 1, deviations: [] },
    ]);
    const text = formatCoverage(coverage, 5, false);
    expect(text).toContain('-collect  3      1 (33 %)');
    expect(text).toContain('/comment: 2 pipe(s), 2 repositories (b, c)');
    expect(formatCoverage(coverage, 5, true)).toContain('| -collect | 3 | 1 (33 %) | 1 (33 %) | 0 |');
  });

  it('renders a pipe exactly when an option says its difference (a list operation of another name)', () => {
    const coverage = packCoverage(
      [
        folder('a@main', [
          collect({ source: { type: 'rest', system: '{{@ system @}}', operation: 'other' } }),
        ]),
      ],
      PACK,
    );
    expect(coverage.roles[0]).toMatchObject({ exact: 1, sameShape: 1 });
  });

  it('lists the template files no pattern describes, with the reason', () => {
    const coverage = packCoverage(
      [folder('a@main', [{ _id: 'push-{{@ datatype @}}-all', type: 'pipe' }])],
      PACK,
    );
    expect(coverage.raw).toEqual([
      {
        folder: 'a@main',
        template: 'templates/order.json',
        reason: expect.stringContaining('does not follow the naming'),
      },
    ]);
  });

  it('reads corpus folders in place and refuses a folder without manifest.json', async () => {
    const ok = await run('asana@main', '--top', '1');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Pack coverage over 1 connector folders\nrole +pipes +exact \(no patch\)/);
    const bad = await run(dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a connector folder (no manifest.json)');
  });
});
