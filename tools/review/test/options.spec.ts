import { parseReviewArgs } from '../src/options';

describe('parseReviewArgs', () => {
  it('reads every option, with the work tree as the default head', () => {
    expect(parseReviewArgs(['--base', 'main'])).toEqual({
      base: 'main',
      head: undefined,
      expanded: false,
      format: 'text',
      exitCode: false,
      maxChars: 60000,
      buildScript: undefined,
      help: false,
    });
    expect(
      parseReviewArgs([
        '--base=v1',
        '--head',
        'HEAD~2',
        '--expanded',
        '--format',
        'markdown',
        '--exit-code',
        '--max-chars',
        '3000',
      ]),
    ).toMatchObject({
      base: 'v1',
      head: 'HEAD~2',
      expanded: true,
      format: 'markdown',
      exitCode: true,
      maxChars: 3000,
    });
  });

  it.each([
    [[], /--base <rev> is required/],
    [['--base', 'main', '--format', 'html'], /--format must be one of text, markdown, json, got 'html'/],
    [
      ['--base', 'main', '--max-chars', '10'],
      /--max-chars must be a whole number of at least 2000, got '10'/,
    ],
    [['--base', 'main', '--color'], /Unknown option '--color'/],
    [['--base', 'main', 'extra'], /Unexpected argument 'extra'/],
    [['--base', 'main', '--head='], /--head needs a revision/],
  ])('rejects %j with a message that says what to fix', (argv, message) => {
    expect(() => parseReviewArgs(argv)).toThrow(message);
  });

  it('accepts --help without --base', () => {
    expect(parseReviewArgs(['-h']).help).toBe(true);
  });
});
