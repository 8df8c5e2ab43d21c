import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');
const WORKFLOWS = join(ROOT, '.github', 'workflows');
/** @action-validator/cli (pinned in the root package.json): GitHub's workflow schema, compiled to WASM. */
const VALIDATOR = join(ROOT, 'node_modules', '.bin', 'action-validator');

const validate = (file: string) => {
  const run = spawnSync(VALIDATOR, [file], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
};
const workflow = (name: string) => readFileSync(join(WORKFLOWS, name), 'utf8');

describe('.github/workflows', () => {
  it('holds the pull-request and the main-branch workflow, and both pass action-validator', () => {
    const files = readdirSync(WORKFLOWS).sort();
    expect(files).toEqual(['publish.yml', 'pull-request.yml']);
    for (const file of files) expect(validate(join(WORKFLOWS, file))).toEqual({ status: 0, output: '' });
  });

  it('is linted by a validator that fails on a broken workflow (so the check above can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'workflow-lint-'));
    try {
      const broken = join(dir, 'broken.yml');
      writeFileSync(
        broken,
        workflow('pull-request.yml').replace('runs-on: ubuntu-latest', 'runs-onn: ubuntu-latest'),
      );
      const run = validate(broken);
      expect(run.status).not.toBe(0);
      expect(run.output).toContain("Additional property 'runs-onn' is not allowed");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the gates on a pull request in order, then posts the review as one comment', () => {
    const text = workflow('pull-request.yml');
    const steps = [
      'npm ci',
      'npm run check:fresh',
      'npm test',
      'npx nx affected -t build validate',
      'npm run --silent review --',
      'actions/upload-artifact',
      'node tools/ci/bin/pr-comment.cjs review.md --artifact-url',
      'github.rest.issues.updateComment',
    ];
    const at = steps.map((step) => text.indexOf(step));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('--format markdown');
    // The previous comment is found by the marker, the comment body's first line (tools/ci/src/comment.ts).
    expect(text).toContain("const marker = body.slice(0, body.indexOf('\\n'));");
    expect(text).toContain('c.body?.startsWith(marker)');
  });

  it('publishes the affected connectors on main with the push credential from a repository secret', () => {
    const text = workflow('publish.yml');
    expect(text).toMatch(/on:\n {2}push:\n {4}branches: \[main\]/);
    expect(text).toContain('run: npx nx affected -t publish --push');
    expect(text).toContain('CONNECTOR_PUBLISH_TOKEN: ${{ secrets.CONNECTOR_PUBLISH_TOKEN }}');
    expect(text).not.toMatch(/x-access-token:\$\{/); // never in a URL
  });
});
