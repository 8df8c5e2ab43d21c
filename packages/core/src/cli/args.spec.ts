import { parseArgs, UsageError } from './args';
import { EXPAND_OPTIONS } from './options';

describe('parseArgs', () => {
  const parse = (...argv: string[]) => parseArgs(argv, EXPAND_OPTIONS, 'expand');

  it('reads positionals, --name value, --name=value, aliases and flags', () => {
    const args = parse('conn', '-e', 'out', '--system-placeholder=shop', '-profile', 'prod', '--dry-run');
    expect(args.positionals).toEqual(['conn']);
    expect(Object.fromEntries(args.options)).toEqual({
      'expanded-dir': 'out',
      'system-placeholder': 'shop',
      profile: 'prod',
      'dry-run': true,
    });
  });

  it('treats everything after -- as positionals', () => {
    expect(parse('--', '-weird-folder').positionals).toEqual(['-weird-folder']);
  });

  it.each([
    [['--nope'], 'unknown option --nope for expand (see sesam-connectors expand --help)'],
    [['-e'], 'option -e needs a value'],
    [['--dry-run=yes'], 'option --dry-run takes no value'],
  ])('rejects %p', (argv, message) => {
    expect(() => parse(...argv)).toThrow(new UsageError(message));
  });
});
