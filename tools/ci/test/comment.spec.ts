import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FixtureRepo, review, seedWorkspace } from '../../review/test/fixture-repo';
import { buildComment, COMMENT_MARKER, GITHUB_COMMENT_LIMIT } from '../src/comment';
import { runPrComment } from '../src/main';

/** Runs the comment builder's command as the workflow does; returns exit code and output. */
const prComment = async (cwd: string, args: string[]) => {
  let stdout = '';
  let stderr = '';
  const code = await runPrComment(args, {
    cwd,
    env: process.env,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
};

/** `<details>` opened minus closed outside code fences, and whether a fence is left open. */
const balance = (markdown: string) => {
  let details = 0;
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fence = !fence;
    else if (!fence)
      details += (line.match(/<details\b/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
  }
  return { details, fence };
};

describe('the pull-request comment, built from a real review', () => {
  let repo: FixtureRepo;
  let small: string;
  let large: string;

  beforeAll(async () => {
    repo = new FixtureRepo();
    seedWorkspace(repo);
    // Enough connectors that the review of one pack change is longer than a GitHub comment.
    for (let i = 0; i < 60; i++) {
      const datatypes = Object.fromEntries(
        Array.from({ length: 6 }, (_, d) => [`type${d}`, { pattern: 'collect' }]),
      );
      repo.write(`packages/connectors/system${i}/connector.json`, { datatypes });
    }
    const base = repo.commit('workspace');
    repo.edit<Record<string, unknown>>('packages/connectors/gamma/connector.json', (config) => {
      config.url = 'https://example.com/v2/%s';
    });
    const gamma = repo.commit('gamma v2');
    // A change of its own in every connector (the review groups identical changes), each a long line.
    for (let i = 0; i < 60; i++) {
      repo.edit<Record<string, unknown>>(`packages/connectors/system${i}/connector.json`, (config) => {
        config.url = `https://example.com/${String(i).repeat(3)}/${'segment-'.repeat(150)}%s`;
      });
    }
    const pack = repo.commit('every connector: a new url');

    const markdown = async (head: string, from = base) => {
      const run = await review(repo, [
        '--base',
        from,
        '--head',
        head,
        '--format',
        'markdown',
        '--max-chars',
        '100000000',
      ]);
      if (run.code !== 0) throw new Error(`review exited ${run.code}: ${run.stderr}`);
      return run.stdout;
    };
    small = await markdown(gamma);
    large = await markdown(pack, gamma);
  });

  afterAll(() => repo.dispose());

  it('is the review unchanged under a hidden marker on its first line when it fits', async () => {
    writeFileSync(join(repo.tmpRoot, 'review.md'), small);
    const run = await prComment(repo.tmpRoot, [
      'review.md',
      '--artifact-url',
      'https://example.com/artifact/1',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(small.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(run.stdout).toBe(`${COMMENT_MARKER}\n${small.trimEnd()}\n`);
    expect(run.stdout).toContain('| gamma |');
    expect(run.stdout).not.toContain('cut here');
  });

  it('cuts a review over 65,536 characters to fit, closes what it cut open, and points at the artifact', async () => {
    expect(large.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
    writeFileSync(join(repo.tmpRoot, 'review.md'), large);
    const run = await prComment(repo.tmpRoot, [
      'review.md',
      '--artifact-url',
      'https://example.com/artifact/2',
    ]);
    expect(run.code).toBe(0);
    const body = run.stdout;
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(body.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT - 2_000); // it uses the room it has
    expect(body.split('\n')[0]).toBe(COMMENT_MARKER);
    // What is kept is the review's beginning, whole lines: the title and summary table first.
    const kept = body.slice(COMMENT_MARKER.length + 1, body.indexOf('\n> **The review is cut here**'));
    const lines = kept.trimEnd().split('\n');
    const cut = lines.findIndex((line) => line === '```' || line === '</details>');
    expect(large.startsWith(lines.slice(0, cut < 0 ? lines.length : cut).join('\n'))).toBe(true);
    expect(kept).toContain('| system0 |');
    expect(balance(kept)).toEqual({ details: 0, fence: false });
    expect(body).toContain(`it is ${large.trimEnd().length.toLocaleString('en-US')} characters`);
    expect(body).toContain('[connector-review](https://example.com/artifact/2)');
  });

  it('fits any limit it is given, also cutting inside a diff', () => {
    const cutOpen = { fence: 0 };
    for (let maxChars = 3_000; maxChars <= 40_000; maxChars += 1_111) {
      const body = buildComment(large, { maxChars });
      expect(body.length).toBeLessThanOrEqual(maxChars);
      expect(balance(body)).toEqual({ details: 0, fence: false });
      expect(body).toContain(
        '> The full review is the workflow artifact connector-review (review.md) of this run.',
      );
      // The review's own lines (without the closing lines the builder adds) are its beginning.
      const kept = body.slice(COMMENT_MARKER.length + 1, body.indexOf('\n> **The review is cut here**'));
      const own = kept.trimEnd().split('\n');
      while (['</details>', '```', ''].includes(own.at(-1) ?? 'x')) own.pop();
      expect(large.startsWith(own.join('\n'))).toBe(true);
      const open = balance(own.join('\n'));
      if (open.fence) cutOpen.fence++;
    }
    // These limits cut inside code fences and inside <details> blocks, not only between them.
    expect(cutOpen.fence).toBeGreaterThan(0);
    // <details> blocks (which this review does not use) are closed again too.
    const folded = [
      '# r',
      ...Array.from(
        { length: 200 },
        (_, i) => `<details><summary>c${i}</summary>\n\n${'x'.repeat(80)}\n</details>`,
      ),
    ].join('\n');
    const body = buildComment(folded, { maxChars: 5_000 });
    expect(body.length).toBeLessThanOrEqual(5_000);
    expect(balance(body)).toEqual({ details: 0, fence: false });
    expect(balance(body.slice(0, body.lastIndexOf('</details>')))).toEqual({ details: 1, fence: false });
  });

  it('says what is wrong with its arguments, exit 2', async () => {
    expect(await prComment(repo.tmpRoot, [])).toMatchObject({ code: 2, stdout: '' });
    const missing = await prComment(repo.tmpRoot, ['no-such.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('pr-comment: cannot read');
    expect(missing.stderr).toContain('ENOENT');
  });
});
