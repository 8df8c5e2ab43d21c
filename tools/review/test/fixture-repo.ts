import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runReview } from '../src/main';
import type { ReviewReport } from '../src/compare/types';

const IDENTITY = [
  '-c',
  'user.name=Fixture',
  '-c',
  'user.email=fixture@example.com',
  '-c',
  'commit.gpgsign=false',
];

/** A throw-away git repository in the OS temp folder, for one test file. */
export class FixtureRepo {
  readonly dir: string;
  /** A separate temp folder the review may use for its checkouts (so tests can check it is emptied). */
  readonly tmpRoot: string;

  constructor() {
    const parent = mkdtempSync(join(tmpdir(), 'review-fixture-'));
    this.dir = join(parent, 'repo');
    this.tmpRoot = join(parent, 'tmp');
    mkdirSync(this.dir);
    mkdirSync(this.tmpRoot);
    this.git('init', '-q', '-b', 'main');
  }

  git(...args: string[]): string {
    return execFileSync('git', [...IDENTITY, ...args], { cwd: this.dir, encoding: 'utf8' }).trim();
  }

  write(path: string, content: string | object): void {
    const file = join(this.dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2) + '\n');
  }

  read(path: string): string {
    return readFileSync(join(this.dir, path), 'utf8');
  }

  /** Edits a JSON file in place. */
  edit<T>(path: string, change: (value: T) => void): void {
    const value = JSON.parse(this.read(path)) as T;
    change(value);
    this.write(path, value as object);
  }

  remove(path: string): void {
    rmSync(join(this.dir, path), { recursive: true, force: true });
  }

  copyIn(source: string, path: string): void {
    mkdirSync(dirname(join(this.dir, path)), { recursive: true });
    copyFileSync(source, join(this.dir, path));
  }

  /** Commits everything and returns the commit id. */
  commit(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  dispose(): void {
    rmSync(dirname(this.dir), { recursive: true, force: true });
  }
}

export const FAKE_BUILD = join(__dirname, 'fixture', 'fake-build.mjs');
export const SLOW_BUILD = join(__dirname, 'fixture', 'slow-build.mjs');

const pipe = (role: string, source: object) => ({
  _id: `{{@ system @}}-{{@ datatype @}}-${role}`,
  type: 'pipe',
  source,
});

/**
 * The fake template pack: a `collect` pattern (2 pipes) and a `webhook` pattern (3 pipes). The
 * collect pattern's `all` pipe renders the datatype's `schedule` option (default 300).
 */
export const PATTERNS = {
  collect: [
    {
      ...pipe('all', { type: 'rest', system: '{{@ system @}}', operation: '{{@ datatype @}}-list' }),
      pump: { cron: 'every %schedule|300% s' },
    },
    pipe('collect', { type: 'dataset', dataset: '{{@ system @}}-{{@ datatype @}}-all' }),
  ],
  webhook: [
    pipe('all', { type: 'rest', system: '{{@ system @}}', operation: '{{@ datatype @}}-list' }),
    pipe('collect', { type: 'merge', datasets: ['{{@ system @}}-{{@ datatype @}}-all a'] }),
    pipe('event', { type: 'http_endpoint' }),
  ],
};

/**
 * A small workspace: the fake build script, the fake pack and three connectors —
 * alpha (order: webhook, customer: collect), beta (customer: collect), gamma (ticket: webhook).
 */
export const seedWorkspace = (repo: FixtureRepo): void => {
  repo.write('package.json', { name: 'fixture', private: true });
  repo.copyIn(FAKE_BUILD, 'fake-build.mjs');
  repo.write('packages/template-pack/patterns/collect.json', PATTERNS.collect);
  repo.write('packages/template-pack/patterns/webhook.json', PATTERNS.webhook);
  repo.write('packages/connectors/alpha/connector.json', {
    datatypes: { order: { pattern: 'webhook' }, customer: { pattern: 'collect' } },
  });
  repo.write('packages/connectors/beta/connector.json', { datatypes: { customer: { pattern: 'collect' } } });
  repo.write('packages/connectors/gamma/connector.json', { datatypes: { ticket: { pattern: 'webhook' } } });
};

export interface ReviewRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the review in the fixture with its own fake build. */
export const review = async (repo: FixtureRepo, args: string[], signal?: AbortSignal): Promise<ReviewRun> => {
  let stdout = '';
  let stderr = '';
  const code = await runReview([...args, '--build-script', 'fake-build.mjs'], {
    cwd: repo.dir,
    env: process.env,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    tmpRoot: repo.tmpRoot,
    signal,
  });
  return { code, stdout, stderr };
};

/** Runs the review with `--format json` and returns the parsed report (failing the test on a non-zero exit). */
export const reviewJson = async (repo: FixtureRepo, args: string[]): Promise<ReviewReport> => {
  const run = await review(repo, [...args, '--format', 'json']);
  if (run.code !== 0) throw new Error(`review exited ${run.code}:\n${run.stderr}`);
  return JSON.parse(run.stdout) as ReviewReport;
};
