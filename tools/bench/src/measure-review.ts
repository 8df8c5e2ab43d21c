import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git } from '../../shared/src/git';
import { runReview } from '../../review/src/main';
import { flushWrites } from './flush';
import { BUILD } from './measure-nx';
import { runNx } from './nx';
import type { ReviewFigures } from './report';
import { summarize } from './stats';
import { clearCaches, type SyntheticWorkspace } from './workspace';

/** The pack template (i) changes: every collect and webhook datatype renders it. */
export const REVIEWED_TEMPLATE = 'packages/template-pack/patterns/collect/all.json.ejs';

/** The edit: one more property in the `-all` pipe of every collect and webhook datatype. */
export const editForReview = (template: string): string => {
  const edited = template.replace('"type": "pipe",', '"type": "pipe",\n  "batch_size": 100,');
  if (edited === template) throw new Error(`${REVIEWED_TEMPLATE} has no "type": "pipe", line to edit`);
  return edited;
};

const IDENTITY = ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', '-c', 'commit.gpgsign=false'];

/**
 * Commits the workspace (`base`) and the pack edit on top (`head`) in a git repository made in the
 * workspace, then puts the template back in the work tree, so what the other measurements read is
 * unchanged. Returns both commits.
 */
export function commitPackChange(ws: SyntheticWorkspace): { base: string; head: string } {
  const run = (...args: string[]) => git([...IDENTITY, ...args], { cwd: ws.root });
  run('init', '-q', '-b', 'main');
  run('add', '-A');
  run('commit', '-q', '-m', 'synthetic workspace');
  const base = run('rev-parse', 'HEAD');
  const file = join(ws.root, REVIEWED_TEMPLATE);
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, editForReview(original));
  run('commit', '-q', '-am', 'pack: batch_size in every -all pipe');
  const head = run('rev-parse', 'HEAD');
  writeFileSync(file, original);
  return { base, head };
}

/** What the markdown review must show of the pack change for the measurement to count. */
export function checkReview(markdown: string, connectors: number): { groups: number; pipes: number } {
  const group = /the same change in (\d+) pipes of (\d+) connectors?/.exec(markdown);
  if (group === null || Number(group[2]) !== connectors) {
    throw new Error(
      `the review did not show the pack change as one change over ${connectors} connectors:\n${markdown.slice(0, 3000)}`,
    );
  }
  const groups = markdown.split('\n').filter((line) => /^\*\*[~+-] /.test(line)).length;
  return { groups, pipes: Number(group[1]) };
}

/**
 * (i): `npm run review -- --base <workspace> --head <pack change> --format markdown` over the whole
 * workspace (both sides built cold in their own worktrees), against a cold `run-many -t build` of
 * the same workspace, the two alternating so that the machine's load hits both alike.
 */
export async function measureReview(
  ws: SyntheticWorkspace,
  runs: number,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<ReviewFigures> {
  const { base, head } = commitPackChange(ws);
  const tmpRoot = join(ws.base, 'review-tmp');
  mkdirSync(tmpRoot, { recursive: true });
  const reviews: number[] = [];
  const colds: number[] = [];
  let shown = { groups: 0, pipes: 0, chars: 0 };
  for (let run = 0; run < runs; run++) {
    clearCaches(ws);
    flushWrites();
    colds.push((await runNx(ws, BUILD, { env })).ms);
    flushWrites();
    let stdout = '';
    let stderr = '';
    const started = process.hrtime.bigint();
    const code = await runReview(['--base', base, '--head', head, '--format', 'markdown'], {
      cwd: ws.root,
      env: { ...process.env, ...env },
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      tmpRoot,
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (code !== 0) throw new Error(`the review exited ${code}:\n${stderr.slice(-3000)}`);
    shown = { ...checkReview(stdout, ws.connectorRoots.length), chars: stdout.length };
    reviews.push(ms);
    log(`  review ${(ms / 1000).toFixed(2)} s, cold build ${(colds[run] / 1000).toFixed(2)} s`);
  }
  return { review: summarize(reviews), cold: summarize(colds), ...shown };
}
